// The credential public key: a COSE_Key (RFC 9053) for one of the algorithms Okta's creation options
// offer, ES256 (-7) and RS256 (-257), turned into a node:crypto key.
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { cborBytes } from './cbor';
import { refuseUnless, WebAuthnRefusal } from './refusal';

export const ES256 = -7;
export const RS256 = -257;

export interface CredentialKey {
  alg: number;
  key: KeyObject;
}

const KTY_EC2 = 2;
const KTY_RSA = 3;
const CRV_P256 = 1;

const b64url = (value: unknown, what: string): string => cborBytes(value, what).toString('base64url');

function jwkOf(cose: Map<unknown, unknown>): JsonWebKey {
  const alg = cose.get(3);
  const kty = cose.get(1);
  if (alg === ES256) {
    refuseUnless(kty === KTY_EC2 && cose.get(-1) === CRV_P256, 'ES256 key is not an EC2 P-256 key');
    return { kty: 'EC', crv: 'P-256', x: b64url(cose.get(-2), 'EC x'), y: b64url(cose.get(-3), 'EC y') };
  }
  if (alg === RS256) {
    refuseUnless(kty === KTY_RSA, 'RS256 key is not an RSA key');
    return { kty: 'RSA', n: b64url(cose.get(-1), 'RSA n'), e: b64url(cose.get(-2), 'RSA e') };
  }
  throw new WebAuthnRefusal(`COSE algorithm ${String(alg)} is not one the creation options offered (ES256, RS256)`);
}

export function credentialKeyFromCose(cose: Map<unknown, unknown>): CredentialKey {
  const jwk = jwkOf(cose);
  try {
    return { alg: cose.get(3) as number, key: createPublicKey({ key: jwk, format: 'jwk' }) };
  } catch {
    throw new WebAuthnRefusal('the credential public key is not a valid key');
  }
}

/** ES256 signatures are DER-encoded and RS256 ones PKCS#1 v1.5, node's defaults for these keys. */
export function signatureMatches(key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    return verify('sha256', data, key, signature);
  } catch {
    return false;
  }
}
