// Activation of a pending webauthn factor: the attestation must answer this factor's challenge, for
// this org, with a key the options allowed and a statement the org's setting accepts.
import { createHash } from 'node:crypto';
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { stringField, type ApiRequest } from '../http';
import type { SimFactor, SimUser, StoredCredential } from '../model';
import { checkAttestationStatement } from './attestation';
import { FLAG_AT, parseAuthenticatorData } from './authenticatorData';
import { authenticatorName } from './authenticatorNames';
import { decodeEitherBase64 } from './base64';
import { cborBytes, cborMap, decodeCborItems } from './cbor';
import { takeChallenge } from './challenges';
import { checkClientData, parseClientData } from './clientData';
import { credentialKeyFromCose } from './coseKey';
import { refuseUnless } from './refusal';
import { checkAuthenticatorData, relyingPartyOf } from './relyingParty';

export interface Registration {
  credential: StoredCredential;
  profile: { credentialId: string; authenticatorName: string };
}

export function registerCredential(ctx: SimContext, req: ApiRequest, user: SimUser, factor: SimFactor): Registration {
  const body = req.body as Record<string, unknown>;
  const attestationText = stringField(body, 'attestation');
  const clientDataText = stringField(body, 'clientData');
  if (!attestationText || !clientDataText) throw oktaErrors.validation('factor', 'attestation and clientData are required.');
  const attestation = decodeEitherBase64(attestationText);
  const clientDataJson = decodeEitherBase64(clientDataText);
  refuseUnless(attestation && clientDataJson, 'attestation or clientData is not base64');

  const rp = relyingPartyOf(req.headers);
  const clientData = parseClientData(clientDataJson);
  takeChallenge(ctx.store, clientData.challenge, { ceremony: 'webauthn.create', userId: user.id, factorId: factor.id }, ctx.now());
  checkClientData(clientData, 'webauthn.create', rp);

  const attestationObject = cborMap(decodeCborItems(attestation, 1, 'attestation')[0], 'attestation');
  const authDataRaw = cborBytes(attestationObject.get('authData'), 'authData');
  const authData = parseAuthenticatorData(authDataRaw);
  checkAuthenticatorData(rp, authData);
  refuseUnless(authData.flags & FLAG_AT && authData.credential, 'the attested-credential (AT) flag is not set');
  const key = credentialKeyFromCose(authData.credential.publicKey);
  const clientDataHash = createHash('sha256').update(clientDataJson).digest();
  const type = checkAttestationStatement(attestationObject.get('fmt'), attestationObject.get('attStmt'),
    Buffer.concat([authDataRaw, clientDataHash]), key);
  refuseUnless(type === 'certificate' || !ctx.store.webauthnSettings.certBasedAttestationValidation,
    `the org validates attestation certificates and this attestation is ${type === 'self' ? 'self-attested' : 'none'}`);

  const credentialId = authData.credential.id.toString('base64url');
  refuseUnless(!user.factors.some((f) => f.profile.credentialId === credentialId), 'the credential is already registered');
  return {
    credential: { key, signCount: authData.signCount },
    profile: { credentialId, authenticatorName: authenticatorName(authData.credential.aaguid) },
  };
}
