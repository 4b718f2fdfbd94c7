// Okta's official Node SDK drives a passkey (webauthn) factor on the simulator with the extension's
// software passkey: enroll, activate with {attestation, clientData}, verify in two calls (a
// CHALLENGE, then {clientData, authenticatorData, signatureData}), unenroll. The SDK's own models
// carry these fields, so what the simulator takes is what the SDK sends.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '@okta/okta-sdk-nodejs';
import { startSimulator, type RunningSimulator } from '../../sim';
import { PasskeyAuthenticator } from '../../src/authenticator/passkey/passkeyAuthenticator';
import type { WebAuthnActivation, WebAuthnChallenge } from '../../src/okta/models';
import { InMemorySecretStore } from '../../src/orgs/secretStore';

let sim: RunningSimulator;
let sdk: Client;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  // `testing.disableHttpsCheck` lets the SDK talk to the http loopback URL (not in its typings).
  sdk = new Client({ orgUrl: sim.url, token: sim.token, testing: { disableHttpsCheck: true } } as ConstructorParameters<typeof Client>[0]);
});
after(() => sim.close());

test('the SDK enrolls, activates, verifies and unenrolls a passkey made by the software authenticator', async () => {
  const userId = (await sdk.userApi.getUser({ userId: 'no.factors@example.com' })).id!;
  const passkeys = new PasskeyAuthenticator(new InMemorySecretStore());
  const enrolled = await sdk.userFactorApi.enrollFactor({ userId, body: { factorType: 'webauthn', provider: 'FIDO' } });
  assert.equal(enrolled.status, 'PENDING_ACTIVATION');
  const ref = { orgId: 'sim', userId, factorId: enrolled.id! };
  const activation = (enrolled._embedded as { activation?: WebAuthnActivation } | undefined)?.activation;
  assert.ok(activation?.challenge, 'the creation options come with the enrollment');
  const attestation = await passkeys.createCredential(ref, activation, { orgUrl: sim.url });
  const active = await sdk.userFactorApi.activateFactor({ userId, factorId: ref.factorId, body: attestation });
  assert.equal((active as { status?: string }).status, 'ACTIVE');

  const asked = await sdk.userFactorApi.verifyFactor({ userId, factorId: ref.factorId });
  assert.equal(asked.factorResult, 'CHALLENGE');
  const challenge = (asked._embedded as { challenge?: WebAuthnChallenge } | undefined)?.challenge;
  assert.ok(challenge?.challenge);
  const verified = await sdk.userFactorApi.verifyFactor({ userId, factorId: ref.factorId, body: await passkeys.signAssertion(ref, challenge) });
  assert.equal(verified.factorResult, 'SUCCESS');

  await sdk.userFactorApi.unenrollFactor({ userId, factorId: ref.factorId });
  const left = [];
  for await (const factor of await sdk.userFactorApi.listFactors({ userId })) if (factor?.factorType === 'webauthn') left.push(factor);
  assert.deepEqual(left, []);
});
