// The credential public key as a COSE_Key (RFC 9053 EC2), the form attested credential data carries.
import type { KeyObject } from 'node:crypto';
import { encodeCtapCbor } from './ctapCbor';

/** COSE algorithm ES256 (ECDSA P-256 with SHA-256): the only one this authenticator makes. */
export const COSE_ALG_ES256 = -7;

/** `{1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}`, keys in CTAP2 canonical order. */
export function coseEs256PublicKey(publicKey: KeyObject): Buffer {
  const { x, y } = publicKey.export({ format: 'jwk' });
  if (!x || !y) throw new Error('The passkey public key is not an EC key.');
  return encodeCtapCbor(new Map<number, unknown>([
    [1, 2],
    [3, COSE_ALG_ES256],
    [-1, 1],
    [-2, Buffer.from(x, 'base64url')],
    [-3, Buffer.from(y, 'base64url')],
  ]));
}
