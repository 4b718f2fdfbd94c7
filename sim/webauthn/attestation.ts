// The attestation statement of an attestationObject: `packed` (self attestation signed by the
// credential key, or with an x5c certificate) and `none`. Other formats are refused.
import { X509Certificate } from 'node:crypto';
import { cborBytes, cborMap } from './cbor';
import { signatureMatches, type CredentialKey } from './coseKey';
import { refuseUnless, WebAuthnRefusal } from './refusal';

/** `certificate` = signed by an attestation certificate, whose chain the simulator does not check. */
export type AttestationType = 'none' | 'self' | 'certificate';

export function checkAttestationStatement(
  fmt: unknown, attStmtValue: unknown, signedData: Buffer, credential: CredentialKey,
): AttestationType {
  const attStmt = cborMap(attStmtValue, 'attStmt');
  if (fmt === 'none') {
    refuseUnless(attStmt.size === 0, 'a "none" attestation carries a statement');
    return 'none';
  }
  refuseUnless(fmt === 'packed', `attestation format "${String(fmt)}" is not supported`);
  const sig = cborBytes(attStmt.get('sig'), 'attStmt sig');
  const x5c = attStmt.get('x5c');
  if (x5c !== undefined) {
    refuseUnless(Array.isArray(x5c) && x5c.length > 0, 'attStmt x5c is empty');
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(cborBytes(x5c[0], 'x5c certificate'));
    } catch {
      throw new WebAuthnRefusal('the x5c certificate does not parse');
    }
    refuseUnless(signatureMatches(leaf.publicKey, signedData, sig), 'the attestation signature does not verify with the x5c certificate');
    return 'certificate';
  }
  refuseUnless(attStmt.get('alg') === credential.alg, 'attStmt alg is not the credential key\'s algorithm');
  refuseUnless(signatureMatches(credential.key, signedData, sig), 'the self-attestation signature does not verify');
  return 'self';
}
