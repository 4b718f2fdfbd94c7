// The authenticator data layout (WebAuthn §6.1): rpIdHash, flags, signCount, then the attested
// credential (AAGUID, id, COSE key) when AT is set and extensions when ED is set.
import { cborMap, decodeCborItems } from './cbor';
import { refuseUnless } from './refusal';

export const FLAG_UP = 0x01;
export const FLAG_AT = 0x40;
const FLAG_ED = 0x80;

export interface AttestedCredential {
  aaguid: Buffer;
  id: Buffer;
  publicKey: Map<unknown, unknown>;
}

export interface AuthenticatorData {
  rpIdHash: Buffer;
  flags: number;
  signCount: number;
  credential?: AttestedCredential;
}

export function parseAuthenticatorData(data: Buffer): AuthenticatorData {
  refuseUnless(data.length >= 37, 'authenticator data is shorter than 37 bytes');
  const flags = data[32];
  const parsed: AuthenticatorData = { rpIdHash: data.subarray(0, 32), flags, signCount: data.readUInt32BE(33) };
  let rest = data.subarray(37);
  let credentialHeader: { aaguid: Buffer; id: Buffer } | undefined;
  if (flags & FLAG_AT) {
    refuseUnless(rest.length >= 18, 'attested credential data is truncated');
    const idLength = rest.readUInt16BE(16);
    refuseUnless(rest.length >= 18 + idLength, 'credential id is truncated');
    credentialHeader = { aaguid: rest.subarray(0, 16), id: rest.subarray(18, 18 + idLength) };
    rest = rest.subarray(18 + idLength);
  }
  const items = decodeCborItems(rest, (credentialHeader ? 1 : 0) + (flags & FLAG_ED ? 1 : 0), 'authenticator data');
  if (credentialHeader) parsed.credential = { ...credentialHeader, publicKey: cborMap(items[0], 'credential public key') };
  return parsed;
}
