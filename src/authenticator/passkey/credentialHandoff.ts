// A stored credential in the forms browser-test tools import, so a test run can sign in as the user
// with the passkey the extension enrolled.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { PasskeyRecord } from './passkeyRecord';

/**
 * What Playwright's `context.credentials.create(rpId, { id, userHandle, privateKey, publicKey,
 * signCount })` takes, in the shape it returns and saves: call it with `rpId` and the rest. All
 * binaries base64url; `id` must be unpadded (matched as text). Both keys are needed: without one,
 * Playwright silently makes a fresh pair.
 */
export interface PlaywrightCredential {
  rpId: string;
  id: string;
  userHandle: string;
  /** PKCS#8 DER. */
  privateKey: string;
  /** SPKI DER. */
  publicKey: string;
  signCount: number;
}

/** CDP `WebAuthn.addCredential`'s `credential`: binaries as padded standard base64, the only form it takes. */
export interface DevtoolsCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId: string;
  /** PKCS#8 DER. */
  privateKey: string;
  userHandle: string;
  signCount: number;
}

export function playwrightCredentialOf(record: PasskeyRecord): PlaywrightCredential {
  const privateKey = Buffer.from(record.privateKey, 'base64');
  const publicKey = createPublicKey(createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }));
  return {
    rpId: record.rpId,
    id: record.credentialId,
    userHandle: record.userHandle,
    privateKey: privateKey.toString('base64url'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
    signCount: record.signCount,
  };
}

/**
 * Okta enrolls with `requireResidentKey: false`; a resident copy serves "Sign in with a passkey"
 * (no username) and needs a virtual authenticator with `hasResidentKey: true`.
 */
export function devtoolsCredentialOf(record: PasskeyRecord, resident = false): DevtoolsCredential {
  return {
    credentialId: Buffer.from(record.credentialId, 'base64url').toString('base64'),
    isResidentCredential: resident,
    rpId: record.rpId,
    privateKey: record.privateKey,
    userHandle: Buffer.from(record.userHandle, 'base64url').toString('base64'),
    signCount: record.signCount,
  };
}
