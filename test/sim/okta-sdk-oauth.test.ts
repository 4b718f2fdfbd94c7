// Okta's official Node SDK (@okta/okta-sdk-nodejs 8.x) in `authorizationMode: 'PrivateKey'` against the
// simulator's service apps: the client-credentials grant with its private_key_jwt assertion, then all
// ten User Factor operations, with and without DPoP.
//
// What the SDK does not do, and why (src/oauth.js, src/dpop.js, src/http.js of the SDK):
// - EC keys: `generateDpopJwt` signs every proof, even the one it sends on a token request to an app
//   without DPoP, with `alg: 'RS256'`; node-jose refuses an EC key for RS256, so the SDK fails before
//   sending anything. Only RSA keys are tested end to end.
// - listSupportedSecurityQuestions: the contract allows API tokens only there (no oauth2 security,
//   `x-okta-no-scope-required`; the SDK's own IT test skips it in PrivateKey mode), so the simulator
//   answers 403 E0000006 to a service app, and the test expects exactly that.
// - Token-endpoint errors: oauth.js pipes the token response through `Http.errorFilter`, but `Http` there
//   is the module object, so the filter is undefined and any answer, an error included, is parsed and
//   cached as the token (which is also why its use_dpop_nonce branch is reached at all).
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Client } from '@okta/okta-sdk-nodejs';
import { exportJWK, generateKeyPair } from 'jose';
import { generateSync } from 'otplib';
import { type RunningSimulator, startSimulator } from '../../sim';
import { control } from './oauthHelpers';

let sim: RunningSimulator;

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
});

after(async () => {
  await sim?.close();
});

const SCOPES = ['okta.users.read', 'okta.users.manage'];

async function register(clientId: string, publicJwk: object, requireDpop: boolean, scopes = SCOPES): Promise<void> {
  const reply = await control(sim, 'POST', '/sim/service-apps', { clientId, jwks: { keys: [publicJwk] }, scopes, requireDpop });
  assert.equal(reply.status, 201, reply.text);
}

function sdkClient(clientId: string, privateKey: string, keyId?: string): Client {
  // `testing.disableHttpsCheck` lets the SDK talk to the http loopback URL (not in its typings).
  const config = { orgUrl: sim.url, authorizationMode: 'PrivateKey', clientId, scopes: SCOPES, privateKey, keyId, testing: { disableHttpsCheck: true } };
  return new Client(config);
}

/** An app with an RSA key the SDK gets as a PKCS#8 PEM plus keyId. */
async function rsaPemApp(clientId: string, requireDpop: boolean, grantedScopes = SCOPES): Promise<Client> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await register(clientId, { ...publicKey.export({ format: 'jwk' }), kid: `${clientId}-pem` }, requireDpop, grantedScopes);
  return sdkClient(clientId, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, `${clientId}-pem`);
}

/** An app with an RSA key the SDK gets as a private JWK (JSON text) carrying its kid. */
async function rsaJwkApp(clientId: string, requireDpop: boolean): Promise<Client> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `${clientId}-jwk`;
  await register(clientId, { ...(await exportJWK(publicKey)), kid }, requireDpop);
  return sdkClient(clientId, JSON.stringify({ ...(await exportJWK(privateKey)), kid }));
}

async function all<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) items.push(item as T);
  return items;
}

const tokenRequests = () => sim.control.requestCount('POST', '/oauth2/v1/token');

/** All ten User Factor operations through the SDK, checked against the simulator's state. */
async function everyFactorOperation(client: Client): Promise<void> {
  const api = client.userFactorApi;
  const { id: userId } = await client.userApi.getUser({ userId: 'pending.factors@example.com' });
  const target = userId!;

  const catalog = await all(await api.listSupportedFactors({ userId: target }));
  assert.ok(catalog.some((entry) => entry.factorType === 'token:software:totp'));
  await assert.rejects(all(await api.listSupportedSecurityQuestions({ userId: target })), (error: { status: number; errorCode: string }) =>
    error.status === 403 && error.errorCode === 'E0000006');

  const enrolled: any = await api.enrollFactor({ userId: target, body: { factorType: 'token:software:totp', provider: 'GOOGLE' } as any });
  assert.equal(enrolled.status, 'PENDING_ACTIVATION');
  const activation = enrolled._embedded.activation;
  const code = (steps: number) => generateSync({
    secret: activation.sharedSecret, period: activation.timeStep, digits: activation.keyLength,
    epoch: Date.now() / 1000 + steps * activation.timeStep,
  });
  const activated: any = await api.activateFactor({ userId: target, factorId: enrolled.id, body: { passCode: code(0) } });
  assert.equal(activated.status, 'ACTIVE');
  assert.equal((await api.getFactor({ userId: target, factorId: enrolled.id })).status, 'ACTIVE');
  const verified = await api.verifyFactor({ userId: target, factorId: enrolled.id, body: { passCode: code(1) } });
  assert.equal(verified.factorResult, 'SUCCESS');

  const listed = await all(await api.listFactors({ userId: target }));
  const sms: any = listed.find((f) => f.factorType === 'sms');
  assert.ok(listed.some((f) => f.id === enrolled.id));
  sim.advanceClock(31); // past the sms cooldown of the seeded enrollment code
  await api.resendEnrollFactor({ userId: target, factorId: sms.id, resendUserFactor: { factorType: 'sms' } as any });
  assert.equal(sim.outbox({ factorId: sms.id }).at(-1)?.purpose, 'resend');

  const push: any = listed.find((f) => f.factorType === 'push');
  const { id: allId } = await client.userApi.getUser({ userId: 'all.factors@example.com' });
  const activePush: any = (await all(await api.listFactors({ userId: allId! }))).find((f) => f.factorType === 'push');
  assert.ok(push);
  const waiting: any = await api.verifyFactor({ userId: allId!, factorId: activePush.id });
  assert.equal(waiting.factorResult, 'WAITING');
  const transactionId = new URL(waiting._links.poll.href).pathname.split('/').pop()!;
  sim.approvePush(allId!, activePush.id, transactionId);
  const status = await api.getFactorTransactionStatus({ userId: allId!, factorId: activePush.id, transactionId });
  assert.equal(status.factorResult, 'SUCCESS');

  await api.unenrollFactor({ userId: target, factorId: enrolled.id });
  await assert.rejects(api.getFactor({ userId: target, factorId: enrolled.id }), (error: { status: number }) => error.status === 404);
}

describe('the official Node SDK with a service app that does not require DPoP', () => {
  test('a PEM key with keyId: one token request, Bearer calls, every factor operation', async () => {
    sim.reset();
    const client = await rsaPemApp('0oasdkbearerpem00001', false);
    await everyFactorOperation(client);
    assert.equal(tokenRequests(), 1);
  });

  test('a private JWK whose kid names the key', async () => {
    sim.reset();
    const client = await rsaJwkApp('0oasdkbearerjwk00001', false);
    const users = await all(await client.userApi.listUsers({ limit: 20 }));
    assert.ok(users.length > 20, 'every page, with one token');
    assert.equal(tokenRequests(), 1);
  });

  test('an EC key fails inside the SDK before any request (its DPoP proof is always RS256)', async () => {
    sim.reset();
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    await register('0oasdkbearerec000001', { ...(await exportJWK(publicKey)), kid: 'ec' }, false);
    const client = sdkClient('0oasdkbearerec000001', JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'ec' }));
    await assert.rejects(client.userApi.listUsers({ limit: 1 }).then((c) => all(c)));
    assert.equal(tokenRequests(), 0);
  });
});

describe('the official Node SDK with a service app that requires DPoP', () => {
  test('the nonce exchange, then its own DPoP proofs (htm, htu, iat, jti, ath) drive every factor operation', async () => {
    sim.reset();
    const client = await rsaPemApp('0oasdkdpoppem0000001', true);
    await everyFactorOperation(client);
    // The use_dpop_nonce answer and the token; the token is then kept.
    assert.equal(tokenRequests(), 2);
  });

  test('a private JWK works the same', async () => {
    sim.reset();
    const client = await rsaJwkApp('0oasdkdpopjwk0000001', true);
    const user = await client.userApi.getUser({ userId: 'all.factors@example.com' });
    assert.equal(user.profile?.login, 'all.factors@example.com');
  });

  test('a scope the app lacks: the SDK caches the invalid_scope answer as a token and its calls fail with 401', async () => {
    sim.reset();
    const client = await rsaPemApp('0oasdkreadonly000001', true, ['okta.users.read']);
    await assert.rejects(client.userApi.getUser({ userId: 'all.factors@example.com' }), (error: { status: number; errorCode: string }) =>
      error.status === 401 && error.errorCode === 'E0000011');
  });
});
