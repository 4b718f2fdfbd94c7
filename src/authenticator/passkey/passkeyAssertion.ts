// Authentication: the answer to Okta's verify CHALLENGE, signed with a stored credential.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import type { WebAuthnChallenge } from '../../okta/models';
import { authenticatorData } from './authenticatorData';
import { clientDataJSON } from './clientData';
import type { PasskeyRecord } from './passkeyRecord';

/**
 * The body of the second `POST …/verify`. authenticatorData and signatureData must be standard
 * base64 (Ledger's CI: base64url gets a 400); clientData is too, as the Sign-In Widget sends it.
 */
export interface WebAuthnVerifyRequest {
  clientData: string;
  authenticatorData: string;
  signatureData: string;
}

export interface PasskeyAssertion {
  /** The record with the counter this assertion reports: store it before sending the request. */
  record: PasskeyRecord;
  request: WebAuthnVerifyRequest;
}

export function signPasskeyAssertion(record: PasskeyRecord, challenge: WebAuthnChallenge): PasskeyAssertion {
  const signCount = record.signCount + 1;
  const authData = authenticatorData(record.rpId, signCount);
  const clientData = clientDataJSON('webauthn.get', challenge.challenge, record.origin);
  const privateKey = createPrivateKey({ key: Buffer.from(record.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  // Node's ECDSA signatures are DER, the form WebAuthn wants.
  const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), privateKey);
  return {
    record: { ...record, signCount },
    request: {
      clientData: clientData.toString('base64'),
      authenticatorData: authData.toString('base64'),
      signatureData: signature.toString('base64'),
    },
  };
}
