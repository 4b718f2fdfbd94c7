// API calls with tokens from the simulator's token endpoint: DPoP (a fresh proof with ath on every
// request, bound to the proof key) and Bearer, per-operation scopes, expiry, /users/me, and SSWS and
// start-up Bearer tokens working as before.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { apiCall, keyPair, obtainToken, proof, registerApp, type IssuedToken, type TestApp } from './oauthHelpers';
import { assertOktaError, call, userIdOf, type Reply } from './simHelpers';

let sim: RunningSimulator;
let dpopApp: TestApp;
let bearerApp: TestApp;
let userId: string;

before(async () => {
  sim = await startSimulator({ seed: 'demo', accessTokens: ['startup-bearer'] });
  dpopApp = await registerApp(sim, { requireDpop: true });
  bearerApp = await registerApp(sim, { alg: 'RS256', requireDpop: false });
  userId = await userIdOf(sim, 'all.factors@example.com');
});

after(async () => {
  await sim?.close();
});

const factorsPath = () => `/api/v1/users/${userId}/factors`;

/** The challenge's parameters: `DPoP a="1", b="2"` -> { scheme, a, b }. */
function challengeOf(reply: Reply): Record<string, string> {
  const header = reply.headers.get('www-authenticate');
  assert.ok(header, `no WWW-Authenticate on ${reply.status} ${reply.text}`);
  const [scheme] = header.split(' ', 1);
  const params: Record<string, string> = { scheme };
  for (const [, name, value] of header.slice(scheme.length).matchAll(/([a-z_]+)="([^"]*)"/g)) params[name] = value;
  return params;
}

function assertBadProof(reply: Reply, description: RegExp): void {
  assert.equal(reply.status, 400, reply.text);
  assert.equal(reply.body.error, 'invalid_dpop_proof');
  assert.match(reply.body.error_description, description);
  const challenge = challengeOf(reply);
  assert.equal(challenge.scheme, 'DPoP');
  assert.equal(challenge.error, 'invalid_dpop_proof');
  assert.equal(challenge.algs, 'RS256 ES256');
}

describe('DPoP-bound tokens on API calls', () => {
  let token: IssuedToken;
  before(async () => {
    token = await obtainToken(sim, dpopApp);
    assert.equal(token.tokenType, 'DPoP');
  });

  test('a fresh proof on every request is accepted', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await apiCall(sim, token, 'GET', factorsPath());
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.length, 14);
    }
    assert.equal((await apiCall(sim, token, 'GET', '/api/v1/users?limit=2')).status, 200);
  });

  test('the same proof twice is refused (a retry needs a new jti)', async () => {
    const url = `${sim.url}${factorsPath()}`;
    const dpop = await proof(token.dpopKey, { htm: 'GET', htu: url, accessToken: token.accessToken });
    const headers = { Authorization: `DPoP ${token.accessToken}`, DPoP: dpop };
    assert.equal((await call(sim, 'GET', factorsPath(), undefined, headers)).status, 200);
    assertBadProof(await call(sim, 'GET', factorsPath(), undefined, headers), /'jti' .* already been used/);
  });

  test('no proof, or a proof for another request, is refused', async () => {
    assertBadProof(await call(sim, 'GET', factorsPath(), undefined, { Authorization: `DPoP ${token.accessToken}` }), /header is missing/);
    assertBadProof(await apiCall(sim, token, 'GET', factorsPath(), undefined, { htm: 'POST' }), /'htm'/);
    assertBadProof(await apiCall(sim, token, 'GET', factorsPath(), undefined, { htu: `${sim.url}/api/v1/users` }), /'htu'/);
    assertBadProof(await apiCall(sim, token, 'GET', factorsPath(), undefined, { iat: Math.floor(Date.now() / 1000) - 400 }), /too old/);
  });

  test('ath must be the hash of this token', async () => {
    assertBadProof(await apiCall(sim, token, 'GET', factorsPath(), undefined, { ath: undefined }), /'ath'/);
    const other = await obtainToken(sim, dpopApp);
    assertBadProof(await apiCall(sim, token, 'GET', factorsPath(), undefined, { accessToken: other.accessToken }), /'ath'/);
  });

  test('a proof signed by another key than the one the token is bound to', async () => {
    const stolen: IssuedToken = { ...token, dpopKey: await keyPair('ES256') };
    assertBadProof(await apiCall(sim, stolen, 'GET', factorsPath()), /does not match the access token's binding/);
  });

  test('the query is not part of htu', async () => {
    const reply = await apiCall(sim, token, 'GET', '/api/v1/users?limit=1&search=profile.login%20sw%20%22all%22');
    assert.equal(reply.status, 200, reply.text);
  });

  test('a DPoP-bound token sent as Bearer is refused with 401 invalid_token', async () => {
    const reply = await call(sim, 'GET', factorsPath(), undefined, { Authorization: `Bearer ${token.accessToken}` });
    assertOktaError(reply, 401, 'E0000011');
    const challenge = challengeOf(reply);
    assert.equal(challenge.scheme, 'DPoP');
    assert.equal(challenge.error, 'invalid_token');
    assert.match(challenge.error_description, /DPoP-bound/);
  });
});

describe('Bearer tokens of apps without DPoP', () => {
  test('are accepted as Bearer, refused as DPoP', async () => {
    const token = await obtainToken(sim, bearerApp, undefined, false);
    assert.equal(token.tokenType, 'Bearer');
    assert.equal((await apiCall(sim, token, 'GET', factorsPath())).status, 200);
    const asDpop = await apiCall(sim, { ...token, tokenType: 'DPoP' }, 'GET', factorsPath());
    assertOktaError(asDpop, 401, 'E0000011');
    assert.equal(challengeOf(asDpop).error, 'invalid_token');
  });
});

describe('tokens expire after an hour', () => {
  test('an expired token answers 401 E0000011 with an invalid_token challenge; a new one works', async () => {
    const dpop = await obtainToken(sim, dpopApp);
    const bearer = await obtainToken(sim, bearerApp, undefined, false);
    sim.advanceClock(3601);
    try {
      const simNow = Math.floor(Date.parse(sim.control.clock().now) / 1000);
      const expired = await apiCall(sim, dpop, 'GET', factorsPath(), undefined, { iat: simNow });
      assertOktaError(expired, 401, 'E0000011');
      const challenge = challengeOf(expired);
      assert.equal(challenge.scheme, 'DPoP');
      assert.equal(challenge.error, 'invalid_token');
      assert.match(challenge.error_description, /expired/);
      assert.equal(challenge.realm, sim.url);
      assert.equal(challenge.resource, factorsPath());
      const expiredBearer = await apiCall(sim, bearer, 'GET', factorsPath());
      assertOktaError(expiredBearer, 401, 'E0000011');
      assert.equal(challengeOf(expiredBearer).scheme, 'Bearer');
      assert.equal(challengeOf(expiredBearer).error, 'invalid_token');
    } finally {
      sim.control.reset();
      dpopApp = await registerApp(sim, { requireDpop: true });
      bearerApp = await registerApp(sim, { alg: 'RS256', requireDpop: false });
    }
  });

  test('an unknown token is 401 invalid_token too', async () => {
    const reply = await call(sim, 'GET', factorsPath(), undefined, { Authorization: 'Bearer not-issued' });
    assertOktaError(reply, 401, 'E0000011');
    assert.equal(challengeOf(reply).error, 'invalid_token');
  });
});

describe('per-operation scopes', () => {
  let readOnly: IssuedToken;
  let manageOnly: IssuedToken;
  before(async () => {
    readOnly = await obtainToken(sim, dpopApp, 'okta.users.read');
    manageOnly = await obtainToken(sim, dpopApp, 'okta.users.manage');
  });

  function assertInsufficientScope(reply: Reply, scope: string, resource: string): void {
    assertOktaError(reply, 403, 'E0000006');
    const challenge = challengeOf(reply);
    assert.equal(challenge.scheme, 'DPoP');
    assert.equal(challenge.error, 'insufficient_scope');
    assert.equal(challenge.scope, scope);
    assert.equal(challenge.resource, resource);
  }

  test('reads need okta.users.read (okta.users.manage alone is not enough)', async () => {
    const factors = (await apiCall(sim, readOnly, 'GET', factorsPath())).body as { id: string }[];
    for (const path of [factorsPath(), `${factorsPath()}/catalog`, `${factorsPath()}/${factors[0].id}`, '/api/v1/users', `/api/v1/users/${userId}`]) {
      assert.equal((await apiCall(sim, readOnly, 'GET', path)).status, 200, path);
      assertInsufficientScope(await apiCall(sim, manageOnly, 'GET', path), 'okta.users.read', path);
    }
  });

  test('changes need okta.users.manage', async () => {
    const target = await userIdOf(sim, 'no.factors@example.com');
    const enroll = { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } };
    const path = `/api/v1/users/${target}/factors`;
    assertInsufficientScope(await apiCall(sim, readOnly, 'POST', path, enroll), 'okta.users.manage', path);
    const enrolled = await apiCall(sim, manageOnly, 'POST', path, enroll);
    assert.equal(enrolled.status, 200, enrolled.text);
    const factorPath = `${path}/${enrolled.body.id}`;
    assertInsufficientScope(await apiCall(sim, readOnly, 'POST', `${factorPath}/verify`, { answer: 'mayonnaise' }), 'okta.users.manage', `${factorPath}/verify`);
    assertInsufficientScope(await apiCall(sim, readOnly, 'DELETE', factorPath), 'okta.users.manage', factorPath);
    assert.equal((await apiCall(sim, manageOnly, 'DELETE', factorPath)).status, 204);
  });

  test('the security questions list accepts API tokens only', async () => {
    const both = await obtainToken(sim, dpopApp);
    const reply = await apiCall(sim, both, 'GET', `${factorsPath()}/questions`);
    assertOktaError(reply, 403, 'E0000006');
    assert.equal((await call(sim, 'GET', `${factorsPath()}/questions`)).status, 200);
  });

  test('a refused call is charged to the rate limit like any authenticated one; a 401 is not', async () => {
    const before = Number((await apiCall(sim, readOnly, 'GET', factorsPath())).headers.get('x-rate-limit-remaining'));
    const forbidden = await apiCall(sim, manageOnly, 'GET', factorsPath());
    assert.equal(Number(forbidden.headers.get('x-rate-limit-remaining')), before - 1);
    const unauthorized = await call(sim, 'GET', factorsPath(), undefined, { Authorization: 'DPoP not-issued' });
    assert.equal(Number(unauthorized.headers.get('x-rate-limit-remaining')), before - 1);
  });
});

describe('GET /api/v1/users/me', () => {
  test('names the token owner for API tokens and start-up Bearer tokens, no user for a service app', async () => {
    assert.equal((await call(sim, 'GET', '/api/v1/users/me')).body.profile.login, 'demo.admin@example.com');
    const startup = await call(sim, 'GET', '/api/v1/users/me', undefined, { Authorization: 'Bearer startup-bearer' });
    assert.equal(startup.body.profile.login, 'demo.admin@example.com');
    const app = await apiCall(sim, await obtainToken(sim, dpopApp), 'GET', '/api/v1/users/me');
    assertOktaError(app, 404, 'E0000007');
    assert.equal(app.body.errorSummary, 'Not found: Resource not found: me (User)');
  });
});

describe('SSWS keeps working as before', () => {
  test('the API token needs no proof and has no scope limits; a wrong one is 401 without a challenge', async () => {
    assert.equal((await call(sim, 'GET', factorsPath())).status, 200);
    const wrong = await call(sim, 'GET', factorsPath(), undefined, { Authorization: 'SSWS wrong' });
    assertOktaError(wrong, 401, 'E0000011');
    assert.equal(wrong.headers.get('www-authenticate'), null);
  });
});
