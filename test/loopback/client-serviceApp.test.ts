// The client as an OAuth 2.0 service app against the simulator's token endpoint: private_key_jwt
// with every key format, DPoP (nonce exchange, proofs with ath) and Bearer apps, one token request
// for concurrent first calls, renewal after expiry, the token endpoint's 429 waited out, typed
// errors with their fixes, a 403 that names the scope, and no secret in errors, logs or inspection.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, mock, test } from 'node:test';
import { startSimulator } from '../../sim';
import { OktaClient, type PrivateKeyAuth, type RequestLogEntry } from '../../src/okta/client';
import { OktaApiError } from '../../src/okta/errors';
import { OktaOAuthError } from '../../src/okta/auth/oauthErrors';
import { OrgTraffic } from '../../src/okta/http/orgTraffic';
import { assertTokenFree, createUser, rejection, SimHttpControl, type Simulator } from './client-fixtures';

let sim: Simulator;
let control: SimHttpControl;
let appCount = 0;

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
  control = new SimHttpControl(sim.url);
});
after(async () => {
  await sim?.close();
});
beforeEach(async () => {
  await control.reset();
});

interface App {
  clientId: string;
  privateKey: KeyObject;
  kid: string;
}

async function simControl(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.url}/sim${path}`, {
    method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Registers an app (the Admin Console step) with a fresh key pair made here. */
async function registerApp(options: { type?: 'rsa' | 'ec'; requireDpop?: boolean; scopes?: string[] } = {}): Promise<App> {
  const { privateKey, publicKey } = options.type === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientId = `0oaclient${String(++appCount).padStart(11, '0')}`;
  const kid = `k${appCount}`;
  const reply = await simControl('POST', '/service-apps', {
    clientId,
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] },
    scopes: options.scopes ?? ['okta.users.read', 'okta.users.manage'],
    requireDpop: options.requireDpop ?? true,
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return { clientId, privateKey, kid };
}

const pkcs8 = (app: App) => app.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

function appClient(app: App, auth: Partial<PrivateKeyAuth> = {}, traffic?: OrgTraffic): { client: OktaClient; log: RequestLogEntry[] } {
  const log: RequestLogEntry[] = [];
  const client = new OktaClient({
    orgUrl: sim.url,
    privateKeyAuth: { clientId: app.clientId, privateKey: pkcs8(app), keyId: app.kid, scopes: ['okta.users.read', 'okta.users.manage'], ...auth },
    timeoutMs: 3000, retryBaseDelayMs: 20, maxRetryDelayMs: 100, traffic,
    onRequest: (entry) => log.push(entry),
  });
  return { client, log };
}

const tokenRequests = (log: RequestLogEntry[]) => log.filter((e) => e.path === '/oauth2/v1/token');

async function firstUserId(client: OktaClient): Promise<string> {
  const page = await client.listUsersPage({ limit: 1 });
  assert.ok(page.users[0], 'the demo org has users');
  return page.users[0].id;
}

describe('service app client', () => {
  test('a DPoP app: the nonce exchange, then DPoP-bound calls, every factor operation the tree uses', async () => {
    const app = await registerApp();
    const { client, log } = appClient(app);
    assert.equal(client.authScheme, 'ServiceApp');
    const userId = (await createUser(sim, `svc.app.${appCount}@example.com`)).id;
    const factors = await client.listFactors(userId);
    const catalog = await client.listSupportedFactors(userId);
    assert.ok(catalog.length > 0);
    const enrolled = await client.enrollFactor(userId, { factorType: 'question', provider: 'OKTA', profile: { question: 'favorite_art_piece', answer: 'The Night Watch' } });
    assert.equal(enrolled.status, 'ACTIVE');
    assert.equal((await client.getFactor(userId, enrolled.id)).id, enrolled.id);
    const verified = await client.verifyFactor(userId, enrolled.id, { answer: 'The Night Watch' });
    assert.equal(verified.factorResult, 'SUCCESS');
    await client.unenrollFactor(userId, enrolled.id);
    assert.equal((await client.listFactors(userId)).length, factors.length);
    // First token attempt without a nonce, refused with use_dpop_nonce, then repeated with it: one token in all.
    assert.deepEqual(tokenRequests(log).map((e) => e.status), [400, 200]);
  });

  test('an app without DPoP gets a Bearer token and calls with it', async () => {
    const app = await registerApp({ requireDpop: false, type: 'ec' });
    const { client, log } = appClient(app);
    await firstUserId(client);
    assert.deepEqual(tokenRequests(log).map((e) => e.status), [200]);
  });

  test('every key format: PKCS#8 and PKCS#1 RSA, SEC1 and PKCS#8 EC, a JWK, a JWK Set of one, kid from the JWK', async () => {
    const rsa = await registerApp({ type: 'rsa' });
    const ec = await registerApp({ type: 'ec' });
    const jwkText = (app: App) => JSON.stringify({ ...app.privateKey.export({ format: 'jwk' }), kid: app.kid });
    const forms: Array<[string, App, Partial<PrivateKeyAuth>]> = [
      ['RSA PKCS#8', rsa, {}],
      ['RSA PKCS#1', rsa, { privateKey: rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString() }],
      ['EC SEC1', ec, { privateKey: ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString() }],
      ['EC PKCS#8', ec, {}],
      ['RSA JWK with its kid', rsa, { privateKey: jwkText(rsa), keyId: undefined }],
      ['EC JWK Set', ec, { privateKey: JSON.stringify({ keys: [JSON.parse(jwkText(ec))] }), keyId: undefined }],
    ];
    for (const [what, app, auth] of forms) {
      const { client } = appClient(app, auth);
      await assert.doesNotReject(firstUserId(client), what);
    }
  });

  test('ten first calls at once make one token request; clients sharing the traffic share the token', async () => {
    const app = await registerApp();
    const traffic = new OrgTraffic();
    const { client, log } = appClient(app, {}, traffic);
    await Promise.all(Array.from({ length: 10 }, () => client.listUsersPage({ limit: 1 })));
    const second = appClient(app, {}, traffic);
    await second.client.listUsersPage({ limit: 1 });
    assert.equal(tokenRequests(log).filter((e) => e.status === 200).length, 1);
    assert.equal(tokenRequests(second.log).length, 0);
    assert.equal(await control.requestCount('POST', '/oauth2/v1/token'), 2); // the nonce round and the token
  });

  test('a revoked token is renewed once after the 401, and the call succeeds', async () => {
    const app = await registerApp();
    const { client, log } = appClient(app);
    await firstUserId(client);
    assert.deepEqual((await simControl('DELETE', `/service-apps/${app.clientId}/tokens`)).body, { revoked: 1 });
    await firstUserId(client);
    const statuses = log.map((e) => `${e.path.split('?')[0]} ${e.status}`);
    assert.deepEqual(statuses.filter((s) => s.startsWith('/api/v1/users ')), ['/api/v1/users 200', '/api/v1/users 401', '/api/v1/users 200']);
    assert.equal(tokenRequests(log).filter((e) => e.status === 200).length, 2);
  });

  test('a token is kept until shortly before it expires, then renewed before any call is refused', async (t) => {
    t.after(() => mock.timers.reset());
    mock.timers.enable({ apis: ['Date'], now: Date.now() }); // the simulator runs in this process: both clocks move
    const app = await registerApp();
    const { client, log } = appClient(app);
    await firstUserId(client);
    mock.timers.setTime(Date.now() + 50 * 60_000);
    await firstUserId(client);
    assert.equal(tokenRequests(log).filter((e) => e.status === 200).length, 1, 'still fresh at 50 minutes');
    mock.timers.setTime(Date.now() + 6 * 60_000);
    await firstUserId(client);
    assert.equal(tokenRequests(log).filter((e) => e.status === 200).length, 2, 'renewed at 56 minutes');
    assert.ok(!log.some((e) => e.status === 401));
  });

  test("the token endpoint's rate limit is waited out, not turned into a failure or a 429", async (t) => {
    t.after(() => control.setRateLimits({ windowSeconds: 60, tokenPerMinute: 600 }));
    const app = await registerApp();
    await control.setRateLimits({ windowSeconds: 2, tokenPerMinute: 1 });
    const { client, log } = appClient(app);
    const started = Date.now();
    await firstUserId(client);
    const statuses = tokenRequests(log).map((e) => e.status);
    assert.deepEqual(statuses, [400, 200], 'the nonce round spends the window; the repeat waits for the next');
    assert.ok(Date.now() - started >= 900, 'it waited for the window to end');
    // A 429 the throttle could not foresee (the window spent by another client) is retried after the reset.
    await control.reset();
    await control.setRateLimits({ windowSeconds: 2, tokenPerMinute: 1 });
    const again = await registerApp();
    await fetch(`${sim.url}/oauth2/v1/token`, { method: 'POST' });
    const fresh = appClient(again);
    await firstUserId(fresh.client);
    assert.deepEqual(tokenRequests(fresh.log).map((e) => e.status), [429, 400, 200]);
  });

  test('token endpoint refusals are typed errors that name the code and the fix', async () => {
    const app = await registerApp({ scopes: ['okta.users.read'] });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const cases: Array<[Partial<PrivateKeyAuth>, string, RegExp]> = [
      [{ privateKey: other }, 'invalid_client', /public key registered in Okta matches/],
      [{ clientId: '0oanosuchapp' }, 'invalid_client', /Check the client id/],
      [{ scopes: ['okta.users.read', 'okta.users.manage'] }, 'invalid_scope',
        /asked for okta\.users\.read, okta\.users\.manage: grant them .*Okta API Scopes/],
    ];
    for (const [auth, code, fix] of cases) {
      const { client } = appClient(app, auth);
      const error = await rejection(client.listUsersPage({ limit: 1 }));
      assert.ok(error instanceof OktaOAuthError, `${code}: ${String(error)}`);
      assert.equal(error.oauthError, code);
      assert.match(error.message, fix);
      assert.match(error.message, new RegExp(code));
    }
  });

  test('a clock so far off that the assertion is refused says to check the clock', async () => {
    const app = await registerApp();
    await simControl('POST', '/clock', { advanceSeconds: 3 * 3600 });
    const { client } = appClient(app);
    const error = await rejection(client.listUsersPage({ limit: 1 }));
    assert.ok(error instanceof OktaOAuthError, String(error));
    assert.match(error.message, /invalid_client.*clock/s);
  });

  test('a DPoP proof too old for the org\'s clock says this computer\'s clock is off', async () => {
    const app = await registerApp();
    const { client } = appClient(app);
    await firstUserId(client);
    await simControl('POST', '/clock', { advanceSeconds: 400 }); // proofs may be 300 s old; the token still lives
    const error = await rejection(client.listUsersPage({ limit: 1 }));
    assert.ok(error instanceof OktaApiError && error.status === 400, String(error));
    assert.match(error.message, /DPoP proof \(invalid_dpop_proof, HTTP 400\): 'iat' claim in the DPoP proof JWT is too old\. .*clock is off/);
  });

  test('a token request that times out or drops: the calls waiting for it were never sent, and do not say they may have acted', async () => {
    const userId = (await createUser(sim, `svc.unsent.${appCount}@example.com`)).id;
    const verifyPath = `/api/v1/users/${userId}/factors/sms1nosuchfactor0000/verify`;
    const app = await registerApp();
    for (const fault of [{ kind: 'latency', latencyMs: 1500 }, { kind: 'drop' }] as const) {
      await control.addFault({ path: '/oauth2/v1/token', ...fault });
      const log: RequestLogEntry[] = [];
      const client = new OktaClient({
        orgUrl: sim.url, timeoutMs: 500, retryBaseDelayMs: 5, maxRetryDelayMs: 20, onRequest: (entry) => log.push(entry),
        privateKeyAuth: { clientId: app.clientId, privateKey: pkcs8(app), keyId: app.kid, scopes: ['okta.users.read', 'okta.users.manage'] },
      });
      for (const call of [() => client.listFactors(userId), () => client.verifyFactor(userId, 'sms1nosuchfactor0000', { passCode: '123456' })]) {
        const error = await rejection(call());
        assert.ok(error instanceof Error, String(error));
        assert.match(error.message, fault.kind === 'drop' ? /dropped/ : /did not answer/);
        assert.doesNotMatch(error.message, /may have been made/, `${fault.kind}: ${error.message}`);
      }
      assert.ok(log.every((e) => e.path === '/oauth2/v1/token' && !/may have been made/.test(e.error ?? '')), JSON.stringify(log));
      await control.clearFaults();
    }
    assert.equal(await control.requestCount('POST', verifyPath), 0, 'the verify never reached the API');
  });

  test('a 403 names the scope the operation needs', async () => {
    const app = await registerApp({ scopes: ['okta.users.read'] });
    const { client } = appClient(app, { scopes: ['okta.users.read'] });
    const userId = await firstUserId(client);
    const error = await rejection(client.enrollFactor(userId, { factorType: 'question', provider: 'OKTA', profile: { question: 'favorite_art_piece', answer: 'x' } } as never));
    assert.ok(error instanceof OktaApiError && error.status === 403, String(error));
    assert.match(error.message, /lacks the okta\.users\.manage scope/);
    const questions = await rejection(client.listSupportedSecurityQuestions(userId));
    assert.match(String((questions as Error).message), /API tokens only/);
  });

  test('the access token, private key, assertion and proofs are in no error, log entry or inspection', async () => {
    const app = await registerApp();
    const key = pkcs8(app);
    const { client, log } = appClient(app);
    const userId = await firstUserId(client);
    const tokens = (client as unknown as object);
    const error = await rejection(client.getFactor(userId, 'nosuchfactor0000000'));
    const traffic = inspect(tokens, { depth: 20, showHidden: true });
    for (const secret of [key, key.split('\n')[1]]) {
      assertTokenFree(client, secret, 'client');
      assertTokenFree(error, secret, 'error');
      assertTokenFree(log, secret, 'log');
    }
    assert.doesNotMatch(traffic, /eyJ[\w-]{10,}\./, 'no JWT (assertion, proof or token) in inspection');
    assert.doesNotMatch(traffic, /[\w-]{43}/, "no access token (the simulator's are 43 base64url characters) in inspection");
    assert.doesNotMatch(JSON.stringify(log), /eyJ[\w-]{10,}\./);
  });
});
