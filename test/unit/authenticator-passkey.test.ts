// The software passkey checked by an independent WebAuthn relying party (@simplewebauthn/server):
// what it sends to Okta's activate and verify must pass the same checks a server makes.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  type AuthenticationResponseJSON, type RegistrationResponseJSON, type WebAuthnCredential,
  verifyAuthenticationResponse, verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { convertCOSEtoPKCS, decodeAttestationObject } from '@simplewebauthn/server/helpers';
import type { FactorRef } from '../../src/authenticator/factorSecrets';
import { PasskeyAuthenticator, PasskeyMissingError } from '../../src/authenticator/passkey/passkeyAuthenticator';
import {
  EXTENSION_AAGUID, PasskeyAlgorithmError, type PasskeyRegistrationOptions,
} from '../../src/authenticator/passkey/passkeyRegistration';
import type { WebAuthnActivation } from '../../src/okta/models';
import { InMemorySecretStore } from '../../src/orgs/secretStore';

const ORG_URL = 'https://rain.okta1.com';
const RP_ID = 'rain.okta1.com';
const ref: FactorRef = { orgId: 'org-1', userId: '00u15s1KDETTQMQYABRL', factorId: 'fwf2rm8kh7XwhsdpI0g4' };

/** `_embedded.activation` as Okta's enroll answer carries it (SPEC `EnrollFactorWebauthnResponse`). */
const activation = (over: Partial<WebAuthnActivation> = {}): WebAuthnActivation => ({
  attestation: 'direct',
  authenticatorSelection: { userVerification: 'preferred', requireResidentKey: false },
  challenge: 'cdsZ1V10E0BGE9GcG3IK',
  excludeCredentials: [],
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
  rp: { name: 'Rain-Cloud59' },
  user: { displayName: 'First Last', name: 'first.last@gmail.com', id: ref.userId },
  ...over,
});

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const toBase64url = (standard: string) => Buffer.from(standard, 'base64').toString('base64url');

/** Registers a credential for `ref` and has the independent verifier check the activate body. */
async function register(authenticator: PasskeyAuthenticator, options: PasskeyRegistrationOptions & { expectedRpId?: string } = { orgUrl: ORG_URL }, act = activation()) {
  const request = await authenticator.createCredential(ref, act, options);
  const { id } = await authenticator.playwrightCredential(ref);
  const response: RegistrationResponseJSON = {
    id, rawId: id, type: 'public-key', clientExtensionResults: {},
    response: { clientDataJSON: toBase64url(request.clientData), attestationObject: toBase64url(request.attestation) },
  };
  const result = await verifyRegistrationResponse({
    response, expectedChallenge: act.challenge, expectedOrigin: new URL(options.orgUrl).origin,
    expectedRPID: options.expectedRpId ?? RP_ID, requireUserVerification: true,
  });
  assert.ok(result.verified);
  return { request, info: result.registrationInfo };
}

/** Signs a verify challenge and has the verifier check it against the registered credential. */
async function verify(authenticator: PasskeyAuthenticator, credential: WebAuthnCredential, challenge: string, rpId = RP_ID, origin = ORG_URL) {
  const request = await authenticator.signAssertion(ref, { challenge, extensions: {} });
  const response: AuthenticationResponseJSON = {
    id: credential.id, rawId: credential.id, type: 'public-key', clientExtensionResults: {},
    response: {
      clientDataJSON: toBase64url(request.clientData),
      authenticatorData: toBase64url(request.authenticatorData),
      signature: toBase64url(request.signatureData),
    },
  };
  const result = await verifyAuthenticationResponse({
    response, credential, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpId, requireUserVerification: true,
  });
  assert.ok(result.verified);
  return { request, newCounter: result.authenticationInfo.newCounter };
}

describe('PasskeyAuthenticator registration (checked by @simplewebauthn/server)', () => {
  it('makes a packed self-attestation for the org host that verifies, as in Okta\'s own example', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { request, info } = await register(authenticator);
    assert.equal(info.fmt, 'packed');
    assert.equal(info.aaguid, EXTENSION_AAGUID);
    assert.equal(info.rpID, RP_ID);
    assert.equal(info.origin, ORG_URL);
    assert.equal(info.userVerified, true);
    assert.equal(info.credentialBackedUp, false);
    assert.equal(info.credential.counter, 0);
    assert.equal(info.credential.id, (await authenticator.playwrightCredential(ref)).id);
    const attestation = decodeAttestationObject(Buffer.from(request.attestation, 'base64'));
    const attStmt = attestation.get('attStmt');
    assert.equal(attStmt.get('alg'), -7);
    assert.ok(attStmt.get('sig'));
    assert.equal(attStmt.get('x5c'), undefined, 'self-attestation: no certificate chain');
    assert.equal(Buffer.from(attestation.get('authData'))[32], 0x45, 'flags UP|UV|AT');
  });

  it('makes fmt "none" on request, which verifies too', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { request, info } = await register(authenticator, { orgUrl: ORG_URL, attestationFormat: 'none' });
    assert.equal(info.fmt, 'none');
    assert.equal(decodeAttestationObject(Buffer.from(request.attestation, 'base64')).get('attStmt').size, 0);
  });

  it('sends standard base64, and clientData with Okta\'s challenge verbatim and the org URL as origin', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { request } = await register(authenticator);
    assert.match(request.attestation, STANDARD_BASE64);
    assert.match(request.clientData, STANDARD_BASE64);
    assert.deepEqual(JSON.parse(Buffer.from(request.clientData, 'base64').toString('utf8')),
      { type: 'webauthn.create', challenge: 'cdsZ1V10E0BGE9GcG3IK', origin: ORG_URL, crossOrigin: false });
  });

  it('fails the verifier for another challenge or origin (the checks are real)', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const request = await authenticator.createCredential(ref, activation(), { orgUrl: ORG_URL });
    const { id } = await authenticator.playwrightCredential(ref);
    const response: RegistrationResponseJSON = {
      id, rawId: id, type: 'public-key', clientExtensionResults: {},
      response: { clientDataJSON: toBase64url(request.clientData), attestationObject: toBase64url(request.attestation) },
    };
    await assert.rejects(verifyRegistrationResponse({ response, expectedChallenge: 'another', expectedOrigin: ORG_URL, expectedRPID: RP_ID }));
    await assert.rejects(verifyRegistrationResponse({ response, expectedChallenge: activation().challenge, expectedOrigin: 'https://evil.example', expectedRPID: RP_ID }));
    await assert.rejects(verifyRegistrationResponse({ response, expectedChallenge: activation().challenge, expectedOrigin: ORG_URL, expectedRPID: 'okta1.com' }));
  });

  it('binds to a configured RP ID, else an rp.id Okta sends, else the host (without port) of a loopback org', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    await register(authenticator, { orgUrl: ORG_URL, rpId: 'okta1.com', expectedRpId: 'okta1.com' }, activation({ rp: { name: 'x', id: 'rain.okta1.com' } }));
    await register(authenticator, { orgUrl: ORG_URL, expectedRpId: 'login.rain.example' }, activation({ rp: { name: 'x', id: 'login.rain.example' } }));
    await register(authenticator, { orgUrl: 'http://127.0.0.1:8443', expectedRpId: '127.0.0.1' });
    assert.equal((await authenticator.devtoolsCredential(ref)).rpId, '127.0.0.1');
  });

  it('refuses an enrollment that does not offer ES256, storing nothing', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    await assert.rejects(authenticator.createCredential(ref, activation({ pubKeyCredParams: [{ type: 'public-key', alg: -257 }] }), { orgUrl: ORG_URL }), PasskeyAlgorithmError);
    assert.equal(await authenticator.has(ref), false);
  });
});

describe('PasskeyAuthenticator assertions (checked by @simplewebauthn/server)', () => {
  it('signs verify challenges that verify, with a counter that increases and is kept', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { info } = await register(authenticator);
    let credential = info.credential;
    for (const [i, challenge] of ['nE5ZxbPGqX3TjaD0yT7u', 'Pq0B8mLs1cZz_vYkR2-w', 'a1b2c3d4e5f6g7h8i9j0'].entries()) {
      const { newCounter } = await verify(authenticator, credential, challenge);
      assert.equal(newCounter, i + 1);
      // The verifier refuses a counter that does not exceed the last one it saw.
      credential = { ...credential, counter: newCounter };
    }
    assert.equal((await authenticator.playwrightCredential(ref)).signCount, 3);
  });

  it('sends authenticatorData and signatureData (and clientData) as standard base64, flags UP|UV', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { info } = await register(authenticator);
    const { request } = await verify(authenticator, info.credential, 'nE5ZxbPGqX3TjaD0yT7u');
    for (const field of ['clientData', 'authenticatorData', 'signatureData'] as const) assert.match(request[field], STANDARD_BASE64, field);
    assert.equal(Buffer.from(request.authenticatorData, 'base64')[32], 0x05);
    assert.deepEqual(JSON.parse(Buffer.from(request.clientData, 'base64').toString('utf8')),
      { type: 'webauthn.get', challenge: 'nE5ZxbPGqX3TjaD0yT7u', origin: ORG_URL, crossOrigin: false });
  });

  it('gives concurrent assertions distinct counters', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    await register(authenticator);
    const requests = await Promise.all([1, 2, 3, 4, 5].map(() => authenticator.signAssertion(ref, { challenge: 'nE5ZxbPGqX3TjaD0yT7u' })));
    const counters = requests.map((r) => Buffer.from(r.authenticatorData, 'base64').readUInt32BE(33)).sort();
    assert.deepEqual(counters, [1, 2, 3, 4, 5]);
  });

  it('refuses to sign for a factor it holds no passkey for', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    await assert.rejects(authenticator.signAssertion(ref, { challenge: 'x' }), PasskeyMissingError);
  });
});

describe('PasskeyAuthenticator hand-off forms', () => {
  it('exports for Playwright: unpadded base64url, the registered id, a key pair that belongs together', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { info } = await register(authenticator);
    await verify(authenticator, info.credential, 'nE5ZxbPGqX3TjaD0yT7u');
    const credential = await authenticator.playwrightCredential(ref);
    assert.deepEqual(Object.keys(credential).sort(), ['id', 'privateKey', 'publicKey', 'rpId', 'signCount', 'userHandle']);
    for (const field of ['id', 'userHandle', 'privateKey', 'publicKey'] as const) assert.match(credential[field], BASE64URL, field);
    assert.equal(credential.rpId, RP_ID);
    assert.equal(credential.id, info.credential.id);
    assert.equal(credential.signCount, 1);
    // The user handle a browser would have stored: Okta's user id, base64url-decoded.
    assert.deepEqual(Buffer.from(credential.userHandle, 'base64url'), Buffer.from(ref.userId, 'base64url'));
    const spki = createPublicKey({ key: Buffer.from(credential.publicKey, 'base64url'), format: 'der', type: 'spki' });
    const fromPrivate = createPublicKey(createPrivateKey({ key: Buffer.from(credential.privateKey, 'base64url'), format: 'der', type: 'pkcs8' }));
    assert.ok(spki.equals(fromPrivate));
    // The public key is the one the verifier registered (its COSE key as an uncompressed point).
    const point = Buffer.from(convertCOSEtoPKCS(info.credential.publicKey));
    assert.deepEqual(spki.export({ format: 'der', type: 'spki' }).subarray(-65), point);
  });

  it('exports for CDP WebAuthn.addCredential: padded standard base64, PKCS#8 P-256, resident on request', async () => {
    const authenticator = new PasskeyAuthenticator(new InMemorySecretStore());
    const { info } = await register(authenticator);
    const credential = await authenticator.devtoolsCredential(ref);
    assert.deepEqual(Object.keys(credential).sort(), ['credentialId', 'isResidentCredential', 'privateKey', 'rpId', 'signCount', 'userHandle']);
    for (const field of ['credentialId', 'privateKey', 'userHandle'] as const) assert.match(credential[field], STANDARD_BASE64, field);
    assert.deepEqual(Buffer.from(credential.credentialId, 'base64'), Buffer.from(info.credential.id, 'base64url'));
    assert.deepEqual(Buffer.from(credential.userHandle, 'base64'), Buffer.from(ref.userId, 'base64url'));
    const key = createPrivateKey({ key: Buffer.from(credential.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    assert.equal(key.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal(credential.rpId, RP_ID);
    assert.equal(credential.isResidentCredential, false);
    assert.equal(credential.signCount, 0);
    assert.equal((await authenticator.devtoolsCredential(ref, { resident: true })).isResidentCredential, true);
  });
});
