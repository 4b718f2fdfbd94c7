// The authenticator data both ceremonies sign (WebAuthn §6.1): rpIdHash ‖ flags ‖ signCount, plus
// the attested credential data at registration.
import { createHash } from 'node:crypto';

const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;
const ATTESTED_CREDENTIAL_DATA = 0x40;

export interface AttestedCredential {
  aaguid: Buffer;
  credentialId: Buffer;
  /** COSE_Key, CBOR-encoded. */
  cosePublicKey: Buffer;
}

/**
 * UP and UV are always set: a test user's software key has nobody to ask, and Okta's own example
 * carries both. BE/BS stay 0, so the key never looks like a syncable passkey to an org policy.
 */
export function authenticatorData(rpId: string, signCount: number, attested?: AttestedCredential): Buffer {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(signCount);
  const head = [
    createHash('sha256').update(rpId, 'utf8').digest(),
    Buffer.from([USER_PRESENT | USER_VERIFIED | (attested ? ATTESTED_CREDENTIAL_DATA : 0)]),
    counter,
  ];
  if (!attested) return Buffer.concat(head);
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(attested.credentialId.length);
  return Buffer.concat([...head, attested.aaguid, idLength, attested.credentialId, attested.cosePublicKey]);
}
