// The simulator as a strict WebAuthn relying party: creation options, every check of activation
// (attestation) and verification (assertion), the attestation setting, and credentials dropped with
// their factor. Inputs come from a test authenticator, itself cross-checked with @simplewebauthn/server.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { assertOktaError, call } from './simHelpers';
import { activatePasskey, enrollWebauthn, factorsPath, passkeyTestOrg, verifyChallenge } from './webauthnFlows';
import { AT, TestAuthenticator, UP, UV, type AttestationOptions, type Ceremony } from './webauthnTestAuthenticator';

const org = passkeyTestOrg();

const activatePath = (factorId: string) => `${factorsPath(org.userId)}/${factorId}/lifecycle/activate`;
const verifyPath = (factorId: string) => `${factorsPath(org.userId)}/${factorId}/verify`;
const getFactor = async (factorId: string) => (await call(org.sim, 'GET', `${factorsPath(org.userId)}/${factorId}`)).body;

describe('webauthn activation', () => {
  it('enroll answers PENDING_ACTIVATION with Okta\'s creation options and an activate link', async () => {
    const factor = await enrollWebauthn(org.sim, org.userId);
    assert.equal(factor.status, 'PENDING_ACTIVATION');
    assert.ok(factor._links.activate.href.endsWith(`/factors/${factor.id}/lifecycle/activate`));
    const options = factor._embedded.activation;
    assert.match(options.challenge, /^[A-Za-z0-9]{20}$/);
    assert.deepEqual({ ...options, challenge: undefined, user: undefined }, {
      attestation: 'direct',
      authenticatorSelection: { userVerification: 'preferred', requireResidentKey: false },
      challenge: undefined,
      excludeCredentials: [],
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      rp: { name: 'Okta Simulator' },
      user: undefined,
    });
    assert.deepEqual(options.user, { displayName: 'Pass Key', name: options.user.name, id: org.userId });
  });

  it('a packed self-attestation activates: credentialId (base64url) and authenticatorName from the AAGUID', async () => {
    const authenticator = new TestAuthenticator();
    const factor = await activatePasskey(org.sim, org.userId, authenticator);
    assert.equal(factor.status, 'ACTIVE');
    assert.equal(factor.profile.credentialId, authenticator.credentialId.toString('base64url'));
    assert.equal(factor.profile.authenticatorName, 'MacBook Touch ID');
    // The next enrollment excludes it.
    const next = await enrollWebauthn(org.sim, org.userId);
    assert.deepEqual(next._embedded.activation.excludeCredentials, [{ type: 'public-key', id: factor.profile.credentialId }]);
  });

  it('fmt none and RS256 keys activate', async () => {
    assert.equal((await activatePasskey(org.sim, org.userId, new TestAuthenticator(), org.sim.url, { fmt: 'none' })).status, 'ACTIVE');
    assert.equal((await activatePasskey(org.sim, org.userId, new TestAuthenticator(-257))).status, 'ACTIVE');
  });

  it('the org URL is the one the client addressed: localhost works, with its own origin and rpId', async () => {
    const localhost = org.sim.url.replace('127.0.0.1', 'localhost');
    const authenticator = new TestAuthenticator();
    const factor = await activatePasskey(org.sim, org.userId, authenticator, localhost);
    const challenge = await verifyChallenge(org.sim, org.userId, factor.id, localhost);
    const verified = await call(org.sim, 'POST', verifyPath(factor.id), authenticator.assert({ challenge, origin: localhost }), {}, localhost);
    assert.equal(verified.body.factorResult, 'SUCCESS', verified.text);
  });

  const refusals: [string, (c: Ceremony) => Ceremony, AttestationOptions?][] = [
    ['a challenge never issued', (c) => ({ ...c, challenge: 'AAAAAAAAAAAAAAAAAAAA' })],
    ['type webauthn.get', (c) => ({ ...c, type: 'webauthn.get' })],
    ['another origin', (c) => ({ ...c, origin: 'https://rain.okta1.com' })],
    ['the rpIdHash of another host', (c) => ({ ...c, rpId: 'localhost' })],
    ['no user-present flag', (c) => ({ ...c, flags: UV | AT })],
    ['no attested-credential flag', (c) => ({ ...c, flags: UP | UV })],
    ['a bad self-attestation signature', (c) => ({ ...c, badSignature: true })],
    ['a COSE algorithm not offered (EdDSA)', (c) => c, { coseAlg: -8 }],
  ];
  for (const [name, tamper, options] of refusals) {
    it(`refuses ${name}: 403 E0000068, still pending, and a fresh challenge activates`, async () => {
      const authenticator = new TestAuthenticator();
      const factor = await enrollWebauthn(org.sim, org.userId);
      const honest = { challenge: factor._embedded.activation.challenge, origin: org.sim.url };
      assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), authenticator.attest(tamper(honest), options)), 403, 'E0000068');
      const pending = await getFactor(factor.id);
      assert.equal(pending.status, 'PENDING_ACTIVATION');
      assert.equal(pending.profile?.credentialId, undefined);
      const fresh = pending._embedded.activation.challenge;
      assert.notEqual(fresh, honest.challenge);
      // The refused attempt used up the old challenge.
      assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), authenticator.attest(honest)), 403, 'E0000068');
      const retry = (await getFactor(factor.id))._embedded.activation.challenge;
      const activated = await call(org.sim, 'POST', activatePath(factor.id), authenticator.attest({ ...honest, challenge: retry }));
      assert.equal(activated.body.status, 'ACTIVE', activated.text);
    });
  }

  it('refuses an expired challenge (5 minutes)', async () => {
    const factor = await enrollWebauthn(org.sim, org.userId);
    org.sim.advanceClock(301);
    const attestation = new TestAuthenticator().attest({ challenge: factor._embedded.activation.challenge, origin: org.sim.url });
    assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), attestation), 403, 'E0000068');
  });

  it('refuses another factor\'s challenge', async () => {
    const first = await enrollWebauthn(org.sim, org.userId);
    const second = await enrollWebauthn(org.sim, org.userId);
    const attestation = new TestAuthenticator().attest({ challenge: first._embedded.activation.challenge, origin: org.sim.url });
    assertOktaError(await call(org.sim, 'POST', activatePath(second.id), attestation), 403, 'E0000068');
  });

  it('missing fields are 400 E0000001, garbage is 403 E0000068', async () => {
    const factor = await enrollWebauthn(org.sim, org.userId);
    assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), { attestation: 'o2NmbXRm' }), 400, 'E0000001');
    assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), { attestation: '!!', clientData: 'e30' }), 403, 'E0000068');
  });

  it('certBasedAttestationValidation refuses self-attested and none attestations; reset turns it off', async () => {
    assert.deepEqual((await call(org.sim, 'GET', '/sim/webauthn')).body, { certBasedAttestationValidation: false });
    const set = await call(org.sim, 'PUT', '/sim/webauthn', { certBasedAttestationValidation: true });
    assert.deepEqual(set.body, { certBasedAttestationValidation: true });
    assert.equal((await call(org.sim, 'PUT', '/sim/webauthn', { certBasedAttestationValidation: 'yes' })).status, 400);
    assert.equal((await call(org.sim, 'PUT', '/sim/webauthn', { hardwareProtected: true })).status, 400);
    for (const fmt of ['packed', 'none'] as const) {
      const factor = await enrollWebauthn(org.sim, org.userId);
      const attestation = new TestAuthenticator().attest({ challenge: factor._embedded.activation.challenge, origin: org.sim.url }, { fmt });
      assertOktaError(await call(org.sim, 'POST', activatePath(factor.id), attestation), 403, 'E0000068');
    }
    org.sim.reset();
    assert.deepEqual(org.sim.control.webauthnSettings(), { certBasedAttestationValidation: false });
  });
});

describe('webauthn verification', () => {
  let authenticator: TestAuthenticator;
  let factorId: string;

  beforeEach(async () => {
    authenticator = new TestAuthenticator();
    factorId = (await activatePasskey(org.sim, org.userId, authenticator)).id;
  });

  const assertWith = async (tamper: (c: Ceremony) => Ceremony = (c) => c) =>
    call(org.sim, 'POST', verifyPath(factorId), authenticator.assert(tamper({ challenge: await verifyChallenge(org.sim, org.userId, factorId), origin: org.sim.url })));

  it('a challenge with userVerification and enrolledFactors, then a signed assertion succeeds once', async () => {
    const other = await activatePasskey(org.sim, org.userId, new TestAuthenticator());
    const challenge = await call(org.sim, 'POST', verifyPath(factorId));
    assert.equal(challenge.body.factorResult, 'CHALLENGE');
    assert.equal(challenge.body.profile.credentialId, authenticator.credentialId.toString('base64url'));
    assert.deepEqual(challenge.body._embedded.challenge, { challenge: challenge.body._embedded.challenge.challenge, userVerification: 'preferred', extensions: {} });
    assert.deepEqual(challenge.body._embedded.enrolledFactors.map((f: any) => f.id), [factorId, other.id]);
    const assertion = authenticator.assert({ challenge: challenge.body._embedded.challenge.challenge, origin: org.sim.url });
    const verified = await call(org.sim, 'POST', verifyPath(factorId), assertion);
    assert.equal(verified.body.factorResult, 'SUCCESS', verified.text);
    assert.equal(verified.body.profile.credentialId, authenticator.credentialId.toString('base64url'));
    assert.ok((await call(org.sim, 'GET', `${factorsPath(org.userId)}/${factorId}`)).body.lastVerified);
    // Reused challenge (with a higher counter, so only the challenge is wrong).
    const replay = authenticator.assert({ challenge: challenge.body._embedded.challenge.challenge, origin: org.sim.url });
    assertOktaError(await call(org.sim, 'POST', verifyPath(factorId), replay), 403, 'E0000068');
  });

  const refusals: [string, (c: Ceremony) => Ceremony][] = [
    ['a challenge never issued', (c) => ({ ...c, challenge: 'AAAAAAAAAAAAAAAAAAAA' })],
    ['type webauthn.create', (c) => ({ ...c, type: 'webauthn.create' })],
    ['another origin', (c) => ({ ...c, origin: org.sim.url.replace('127.0.0.1', 'localhost') })],
    ['the rpIdHash of another host', (c) => ({ ...c, rpId: 'localhost' })],
    ['no user-present flag', (c) => ({ ...c, flags: UV })],
    ['a bad signature', (c) => ({ ...c, badSignature: true })],
  ];
  for (const [name, tamper] of refusals) {
    it(`refuses ${name}: 403 E0000068`, async () => {
      assertOktaError(await assertWith(tamper), 403, 'E0000068');
      assert.equal((await assertWith()).body.factorResult, 'SUCCESS');
    });
  }

  it('refuses an expired challenge (5 minutes)', async () => {
    const challenge = await verifyChallenge(org.sim, org.userId, factorId);
    org.sim.advanceClock(301);
    assertOktaError(await call(org.sim, 'POST', verifyPath(factorId), authenticator.assert({ challenge, origin: org.sim.url })), 403, 'E0000068');
  });

  it('the signature counter must increase once non-zero; an authenticator that keeps none (0) passes', async () => {
    assert.equal((await assertWith((c) => ({ ...c, signCount: 5 }))).body.factorResult, 'SUCCESS');
    assertOktaError(await assertWith((c) => ({ ...c, signCount: 5 })), 403, 'E0000068');
    assertOktaError(await assertWith((c) => ({ ...c, signCount: 4 })), 403, 'E0000068');
    assertOktaError(await assertWith((c) => ({ ...c, signCount: 0 })), 403, 'E0000068');
    assert.equal((await assertWith((c) => ({ ...c, signCount: 6 }))).body.factorResult, 'SUCCESS');

    const counterless = new TestAuthenticator();
    const factor = await activatePasskey(org.sim, org.userId, counterless);
    for (let i = 0; i < 2; i++) {
      const challenge = await verifyChallenge(org.sim, org.userId, factor.id);
      const verified = await call(org.sim, 'POST', verifyPath(factor.id), counterless.assert({ challenge, origin: org.sim.url, signCount: 0 }));
      assert.equal(verified.body.factorResult, 'SUCCESS', verified.text);
    }
  });

  it('authenticatorData and signatureData must be standard base64: URL-safe is 400 E0000001', async () => {
    const urlSafe = (text: string) => text.replace(/\+/g, '-').replace(/\//g, '_');
    // Counters until both encodings contain "+" or "/", so URL-safe text differs from standard.
    let assertion: ReturnType<TestAuthenticator['assert']>;
    let count = 10;
    do assertion = authenticator.assert({ challenge: await verifyChallenge(org.sim, org.userId, factorId), origin: org.sim.url, signCount: ++count });
    while (!/[+/]/.test(assertion.authenticatorData) || !/[+/]/.test(assertion.signatureData));
    for (const field of ['authenticatorData', 'signatureData'] as const) {
      const reply = await call(org.sim, 'POST', verifyPath(factorId), { ...assertion, [field]: urlSafe(assertion[field]) });
      assertOktaError(reply, 400, 'E0000001');
      assert.match(reply.body.errorCauses[0].errorSummary, new RegExp(field));
    }
    // The 400 is decided before the challenge is looked at: the assertion still works.
    assert.equal((await call(org.sim, 'POST', verifyPath(factorId), assertion)).body.factorResult, 'SUCCESS');
  });

  it('missing fields are 400 E0000001; a seeded factor (no key) cannot verify', async () => {
    assertOktaError(await call(org.sim, 'POST', verifyPath(factorId), { clientData: 'e30' }), 400, 'E0000001');
    org.sim.reset('demo');
    const all = (await call(org.sim, 'GET', '/api/v1/users/all.factors%40example.com')).body.id;
    const seeded = (await call(org.sim, 'GET', factorsPath(all))).body.find((f: any) => f.factorType === 'webauthn');
    const challenge = (await call(org.sim, 'POST', `${factorsPath(all)}/${seeded.id}/verify`)).body._embedded.challenge.challenge;
    const reply = await call(org.sim, 'POST', `${factorsPath(all)}/${seeded.id}/verify`, authenticator.assert({ challenge, origin: org.sim.url }));
    assertOktaError(reply, 403, 'E0000068');
  });

  it('unenroll and reset_factors drop the credential: it can be registered again', async () => {
    const credentialId = authenticator.credentialId.toString('base64url');
    assert.equal((await call(org.sim, 'DELETE', `${factorsPath(org.userId)}/${factorId}`)).status, 204);
    const again = await activatePasskey(org.sim, org.userId, authenticator);
    assert.equal(again.profile.credentialId, credentialId);
    assert.equal((await call(org.sim, 'POST', `/api/v1/users/${org.userId}/lifecycle/reset_factors`)).status, 200);
    assert.deepEqual((await call(org.sim, 'GET', factorsPath(org.userId))).body.filter((f: any) => f.factorType === 'webauthn'), []);
    assert.equal((await activatePasskey(org.sim, org.userId, authenticator)).profile.credentialId, credentialId);
  });
});

describe('the test authenticator, checked by @simplewebauthn/server', () => {
  it('its packed attestation and ES256 assertion verify there as they do in the simulator', async () => {
    const authenticator = new TestAuthenticator();
    const factor = await enrollWebauthn(org.sim, org.userId);
    const creation = { challenge: factor._embedded.activation.challenge, origin: org.sim.url };
    const { attestation, clientData } = authenticator.attest(creation);
    const id = authenticator.credentialId.toString('base64url');
    const registration = await verifyRegistrationResponse({
      response: { id, rawId: id, type: 'public-key', clientExtensionResults: {}, response: { attestationObject: attestation, clientDataJSON: clientData } },
      expectedChallenge: creation.challenge,
      expectedOrigin: org.sim.url,
      expectedRPID: '127.0.0.1',
      requireUserVerification: false,
    });
    assert.equal(registration.verified, true);
    assert.equal(registration.registrationInfo?.fmt, 'packed');
    assert.equal((await call(org.sim, 'POST', activatePath(factor.id), { attestation, clientData })).body.status, 'ACTIVE');

    const challenge = await verifyChallenge(org.sim, org.userId, factor.id);
    const assertion = authenticator.assert({ challenge, origin: org.sim.url });
    const toUrl = (text: string) => Buffer.from(text, 'base64').toString('base64url');
    const authentication = await verifyAuthenticationResponse({
      response: {
        id, rawId: id, type: 'public-key', clientExtensionResults: {},
        response: { clientDataJSON: assertion.clientData, authenticatorData: toUrl(assertion.authenticatorData), signature: toUrl(assertion.signatureData) },
      },
      expectedChallenge: challenge,
      expectedOrigin: org.sim.url,
      expectedRPID: '127.0.0.1',
      credential: { id, publicKey: new Uint8Array(authenticator.coseKey()), counter: 0 },
      requireUserVerification: false,
    });
    assert.equal(authentication.verified, true);
    assert.equal((await call(org.sim, 'POST', verifyPath(factor.id), assertion)).body.factorResult, 'SUCCESS');
  });
});
