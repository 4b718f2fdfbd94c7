// The second verify call: an assertion over one of this user's challenges, signed by the factor's
// stored key, with a signature counter that moves forward (WebAuthn §7.2 step 21).
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { stringField } from '../http';
import type { SimFactor, SimUser } from '../model';
import { parseAuthenticatorData } from './authenticatorData';
import { decodeEitherBase64, decodeStandardBase64 } from './base64';
import { takeChallenge } from './challenges';
import { checkClientData, parseClientData } from './clientData';
import { signatureMatches } from './coseKey';
import { refuseUnless } from './refusal';
import { checkAuthenticatorData, relyingPartyOf } from './relyingParty';

const required = 'clientData, authenticatorData and signatureData are required.';

function standardBase64(body: Record<string, unknown>, field: string): Buffer {
  const decoded = decodeStandardBase64(stringField(body, field)!);
  if (!decoded) throw oktaErrors.validation('verifyRequest', `${field}: must be standard (not URL-safe) base64.`);
  return decoded;
}

export function verifyAssertion(
  ctx: SimContext, headers: IncomingHttpHeaders, user: SimUser, factor: SimFactor, body: Record<string, unknown>,
): void {
  const clientDataText = stringField(body, 'clientData');
  if (!clientDataText || !stringField(body, 'authenticatorData') || !stringField(body, 'signatureData')) {
    throw oktaErrors.validation('verifyRequest', required);
  }
  const authDataRaw = standardBase64(body, 'authenticatorData');
  const signature = standardBase64(body, 'signatureData');
  const clientDataJson = decodeEitherBase64(clientDataText);
  refuseUnless(clientDataJson, 'clientData is not base64');

  const rp = relyingPartyOf(headers);
  const clientData = parseClientData(clientDataJson);
  takeChallenge(ctx.store, clientData.challenge, { ceremony: 'webauthn.get', userId: user.id }, ctx.now());
  checkClientData(clientData, 'webauthn.get', rp);
  const authData = parseAuthenticatorData(authDataRaw);
  checkAuthenticatorData(rp, authData);

  const stored = factor.secrets.webauthn;
  refuseUnless(stored, 'the factor has no registered public key (a seeded factor)');
  const clientDataHash = createHash('sha256').update(clientDataJson).digest();
  refuseUnless(signatureMatches(stored.key.key, Buffer.concat([authDataRaw, clientDataHash]), signature),
    'the assertion signature does not verify with the registered key');
  // Both zero: the authenticator keeps no counter, and there is nothing to compare.
  if (authData.signCount !== 0 || stored.signCount !== 0) {
    refuseUnless(authData.signCount > stored.signCount,
      `the signature counter ${authData.signCount} did not increase (last ${stored.signCount})`);
  }
  stored.signCount = authData.signCount;
}
