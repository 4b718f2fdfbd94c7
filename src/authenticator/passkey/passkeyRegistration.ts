// Registration: a new P-256 credential answering Okta's `_embedded.activation`, and the body of
// `POST …/lifecycle/activate`.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { WebAuthnActivation } from '../../okta/models';
import { authenticatorData } from './authenticatorData';
import { clientDataJSON } from './clientData';
import { COSE_ALG_ES256, coseEs256PublicKey } from './coseKey';
import { encodeCtapCbor } from './ctapCbor';
import type { PasskeyRecord } from './passkeyRecord';
import { relyingPartyFor } from './relyingParty';

/**
 * This extension's AAGUID (a random UUID chosen for it, in no FIDO metadata). Okta names the
 * authenticator from the AAGUID's metadata; an org that allow-lists AAGUIDs or validates attestation
 * certificates will refuse it.
 */
export const EXTENSION_AAGUID = '6f6b7461-6661-4374-9f72-732d766b6579';

/**
 * `packed` self-attestation (signed by the credential key, no x5c) is the shape of Okta's own
 * example; whether Okta accepts `none` is UNVERIFIED, so it is the opt-in.
 */
export type AttestationFormat = 'packed' | 'none';

export interface PasskeyRegistrationOptions {
  /** The org URL: clientDataJSON's origin, and the RP ID's source when none is given. */
  orgUrl: string;
  /** An RP ID configured in the org (custom RP ID), when it is not the org's host. */
  rpId?: string;
  attestationFormat?: AttestationFormat;
}

/**
 * What Okta's activate takes. Standard base64: the Sign-In Widget sends WebAuthn binaries so
 * (CryptoUtil.binToStr); Ledger's CI found base64url also accepted here, but not at verify.
 */
export interface WebAuthnActivateRequest {
  attestation: string;
  clientData: string;
}

export interface PasskeyRegistration {
  record: PasskeyRecord;
  request: WebAuthnActivateRequest;
}

const CREDENTIAL_ID_BYTES = 32;

export class PasskeyAlgorithmError extends Error {
  override readonly name = 'PasskeyAlgorithmError';
  constructor() {
    super('The enrollment does not accept ES256 (COSE -7) keys, the only kind the built-in authenticator makes.');
  }
}

export function createPasskeyRegistration(activation: WebAuthnActivation, options: PasskeyRegistrationOptions): PasskeyRegistration {
  // An absent list means the default, which includes ES256.
  const algorithms = activation.pubKeyCredParams?.map((p) => p.alg);
  if (algorithms && !algorithms.includes(COSE_ALG_ES256)) throw new PasskeyAlgorithmError();

  const { rpId, origin } = relyingPartyFor(options.orgUrl, options.rpId || activation.rp?.id);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = randomBytes(CREDENTIAL_ID_BYTES);
  const authData = authenticatorData(rpId, 0, {
    aaguid: Buffer.from(EXTENSION_AAGUID.replace(/-/g, ''), 'hex'),
    credentialId,
    cosePublicKey: coseEs256PublicKey(publicKey),
  });
  const clientData = clientDataJSON('webauthn.create', activation.challenge, origin);
  const attStmt = options.attestationFormat === 'none' ? {} : {
    alg: COSE_ALG_ES256,
    sig: sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), privateKey),
  };
  // Keys in CTAP2 canonical order (shorter first): fmt, attStmt, authData.
  const attestationObject = encodeCtapCbor({ fmt: options.attestationFormat ?? 'packed', attStmt, authData });

  return {
    record: {
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      credentialId: credentialId.toString('base64url'),
      rpId,
      origin,
      // Browsers decode Okta's user.id as base64url (Sign-In Widget strToBin, auth-js base64UrlToBuffer).
      userHandle: Buffer.from(activation.user.id, 'base64url').toString('base64url'),
      signCount: 0,
    },
    request: { attestation: attestationObject.toString('base64'), clientData: clientData.toString('base64') },
  };
}
