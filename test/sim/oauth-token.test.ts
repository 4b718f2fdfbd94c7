// The simulator's /oauth2/v1/token: client-credentials grant with private_key_jwt, DPoP with the nonce
// exchange, and every refusal with Okta's OAuth error shape.
import assert from 'node:assert/strict';
import { createSecretKey, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { startSimulator, type RunningSimulator } from '../../sim';
import {
  assertion, dpopNonce, keyPair, postToken, proof, registerApp, tokenForm, tokenUrl, type KeyPair, type TestApp,
} from './oauthHelpers';
import type { Reply } from './simHelpers';

let sim: RunningSimulator;
let dpopApp: TestApp;
let bearerApp: TestApp;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
  dpopApp = await registerApp(sim, { alg: 'ES256', requireDpop: true });
  bearerApp = await registerApp(sim, { alg: 'RS256', requireDpop: false, scopes: ['okta.users.read'] });
});

after(async () => {
  await sim?.close();
});

function assertOAuthError(reply: Reply, status: number, error: string, description?: RegExp): void {
  assert.equal(reply.status, status, reply.text);
  assert.deepEqual(Object.keys(reply.body).sort(), ['error', 'error_description']);
  assert.equal(reply.body.error, error);
  assert.equal(typeof reply.body.error_description, 'string');
  if (description) assert.match(reply.body.error_description, description);
}

/** A token request for the DPoP app carrying a proof with the server's nonce (unless overridden). */
async function dpopRequest(
  proofClaims: Record<string, unknown> = {},
  proofHeader: Record<string, unknown> = {},
  signer?: KeyPair,
): Promise<Reply> {
  const key = await keyPair('ES256');
  const nonce = await dpopNonce(sim, dpopApp, key);
  const dpop = await proof(signer ?? key, { htm: 'POST', htu: tokenUrl(sim), nonce, ...proofClaims }, { jwk: key.publicJwk, ...proofHeader });
  return postToken(sim, tokenForm(await assertion(sim, dpopApp)), { DPoP: dpop });
}

describe('token endpoint: issuing tokens', () => {
  test('a DPoP app: the first proof is answered use_dpop_nonce with a DPoP-Nonce, the retry with it gets a DPoP token', async () => {
    const key = await keyPair('ES256');
    const first = await postToken(sim, tokenForm(await assertion(sim, dpopApp)), { DPoP: await proof(key, { htm: 'POST', htu: tokenUrl(sim) }) });
    assertOAuthError(first, 400, 'use_dpop_nonce');
    const nonce = first.headers.get('dpop-nonce');
    assert.ok(nonce && nonce.length >= 16);
    const second = await postToken(sim, tokenForm(await assertion(sim, dpopApp), 'okta.users.read'), {
      DPoP: await proof(key, { htm: 'POST', htu: tokenUrl(sim), nonce }),
    });
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(Object.keys(second.body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
    assert.equal(second.body.token_type, 'DPoP');
    assert.equal(second.body.expires_in, 3600);
    assert.equal(second.body.scope, 'okta.users.read');
    assert.match(second.body.access_token, /^[A-Za-z0-9_-]{40,}$/);
    assert.match(second.headers.get('cache-control') ?? '', /no-store/);
  });

  test('an app without DPoP gets a Bearer token, and ignores a proof (as the Node SDK always sends one)', async () => {
    const plain = await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.users.read'));
    assert.equal(plain.status, 200, plain.text);
    assert.equal(plain.body.token_type, 'Bearer');
    const withProof = await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.users.read'), {
      DPoP: await proof(await keyPair('RS256'), { htm: 'POST', htu: tokenUrl(sim) }),
    });
    assert.equal(withProof.status, 200, withProof.text);
    assert.equal(withProof.body.token_type, 'Bearer');
  });

  test('an assertion without kid is checked against the app keys of its algorithm', async () => {
    const reply = await postToken(sim, tokenForm(await assertion(sim, bearerApp, {}, { kid: undefined }), 'okta.users.read'));
    assert.equal(reply.status, 200, reply.text);
  });

  test('the endpoint is counted and can be faulted (e.g. a 429), without API authentication', async () => {
    sim.control.resetRequestCounts();
    sim.control.addFault({ path: '/oauth2/v1/token', kind: 'status', status: 429, count: 1 });
    const limited = await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.users.read'));
    assert.equal(limited.status, 429);
    const next = await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.users.read'));
    assert.equal(next.status, 200, next.text);
    assert.equal(sim.control.requestCount('POST', '/oauth2/v1/token'), 2);
  });

  test('duplicate scopes are granted once, in the order asked', async () => {
    const app = await registerApp(sim, { requireDpop: false });
    const reply = await postToken(sim, tokenForm(await assertion(sim, app), 'okta.users.manage okta.users.read okta.users.manage'));
    assert.equal(reply.body.scope, 'okta.users.manage okta.users.read');
  });
});

describe('token endpoint: the client assertion', () => {
  const refusedWith = async (token: string, description: RegExp, extra: Record<string, string> = {}) =>
    assertOAuthError(await postToken(sim, { ...tokenForm(token, 'okta.users.read'), ...extra }), 401, 'invalid_client', description);
  const now = () => Math.floor(Date.now() / 1000);

  test('signed with a key the app does not have', async () => {
    await refusedWith(await assertion(sim, bearerApp, {}, { kid: undefined }, await keyPair('RS256')), /signature is invalid/);
    // The kid names a registered key, the signature is from another one.
    await refusedWith(await assertion(sim, bearerApp, {}, {}, await keyPair('RS256')), /signature is invalid/);
  });

  test('a kid the app does not have', async () => {
    await refusedWith(await assertion(sim, bearerApp, {}, { kid: 'no-such-kid' }), /'kid' does not match/);
  });

  test('an ES256 assertion for an app holding only an RSA key', async () => {
    await refusedWith(await assertion(sim, bearerApp, {}, { kid: undefined }, await keyPair('ES256')), /signature is invalid/);
  });

  test('a symmetric (HS256) assertion', async () => {
    const token = await new SignJWT({ iss: bearerApp.clientId, sub: bearerApp.clientId, aud: tokenUrl(sim), exp: now() + 60 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(createSecretKey(Buffer.alloc(32, 7)));
    await refusedWith(token, /'alg' is not supported/);
  });

  test('iss and sub must both be the client id; an unknown client is refused', async () => {
    await refusedWith(await assertion(sim, bearerApp, { iss: 'someone-else' }), /'iss' and 'sub'/);
    await refusedWith(await assertion(sim, bearerApp, { iss: undefined }), /'iss' and 'sub'/);
    await refusedWith(await assertion(sim, bearerApp, { iss: '0oaunknown', sub: '0oaunknown' }), /Invalid value for 'client_id'/);
    await refusedWith(await assertion(sim, bearerApp), /'client_id' parameter does not match/, { client_id: dpopApp.clientId });
  });

  test('aud must be the token URL', async () => {
    await refusedWith(await assertion(sim, bearerApp, { aud: `${sim.url}/oauth2/default/v1/token` }), /'aud' claim/);
    await refusedWith(await assertion(sim, bearerApp, { aud: sim.url }), /'aud' claim/);
  });

  test('exp: required, in the future, at most an hour after iat', async () => {
    await refusedWith(await assertion(sim, bearerApp, { exp: undefined }), /'exp'/);
    await refusedWith(await assertion(sim, bearerApp, { iat: now() - 600, exp: now() - 120 }), /expired/);
    await refusedWith(await assertion(sim, bearerApp, { iat: now(), exp: now() + 3601 }), /too far into the future/);
    await refusedWith(await assertion(sim, bearerApp, { iat: undefined, exp: now() + 3700 }), /too far into the future/);
    const atTheLimit = await postToken(sim, tokenForm(await assertion(sim, bearerApp, { iat: now(), exp: now() + 3600 }), 'okta.users.read'));
    assert.equal(atTheLimit.status, 200, atTheLimit.text);
  });

  test('a signer whose clock runs ahead: iat in the future', async () => {
    await refusedWith(await assertion(sim, bearerApp, { iat: now() + 600, exp: now() + 900 }), /'iat' claim is in the future/);
    await refusedWith(await assertion(sim, bearerApp, { nbf: now() + 600 }), /not valid yet/);
  });

  test('a jti is accepted once', async () => {
    const token = await assertion(sim, bearerApp);
    assert.equal((await postToken(sim, tokenForm(token, 'okta.users.read'))).status, 200);
    await refusedWith(token, /'jti' has already been used/);
    // The same jti in a newly signed assertion is a replay too.
    const jti = randomUUID();
    assert.equal((await postToken(sim, tokenForm(await assertion(sim, bearerApp, { jti }), 'okta.users.read'))).status, 200);
    await refusedWith(await assertion(sim, bearerApp, { jti }), /'jti' has already been used/);
  });

  test('a malformed assertion, and requests with no assertion', async () => {
    await refusedWith('not-a-jwt', /not a well-formed signed JWT/);
    const form = tokenForm(await assertion(sim, bearerApp), 'okta.users.read');
    assertOAuthError(await postToken(sim, { ...form, client_assertion_type: 'urn:other' }), 401, 'invalid_client', /private_key_jwt/);
    const { client_assertion: _dropped, ...withoutAssertion } = form;
    assertOAuthError(await postToken(sim, withoutAssertion), 401, 'invalid_client', /private_key_jwt/);
  });
});

describe('token endpoint: request, grant type and scopes', () => {
  test('the request must be a form POST without repeated parameters, and name a grant type', async () => {
    const form = new URLSearchParams(tokenForm(await assertion(sim, bearerApp), 'okta.users.read'));
    const asJson = await fetch(tokenUrl(sim), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.fromEntries(form)) });
    assertOAuthError({ status: asJson.status, headers: asJson.headers, body: await asJson.json(), text: '' }, 400, 'invalid_request', /form-encoded/);
    const get = await fetch(tokenUrl(sim));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    form.append('scope', 'okta.users.read');
    const repeated = await fetch(tokenUrl(sim), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(repeated.status, 400);
    assert.match(((await repeated.json()) as { error_description: string }).error_description, /'scope' parameter must not be repeated/);
    const { grant_type: _g, ...noGrant } = tokenForm(await assertion(sim, bearerApp), 'okta.users.read');
    assertOAuthError(await postToken(sim, noGrant), 400, 'invalid_request', /'grant_type'/);
  });

  test('grant types other than client_credentials', async () => {
    const form = async (grant_type: string) => ({ ...tokenForm(await assertion(sim, bearerApp), 'okta.users.read'), grant_type });
    assertOAuthError(await postToken(sim, await form('authorization_code')), 400, 'unauthorized_client', /client_credentials/);
    assertOAuthError(await postToken(sim, await form('magic')), 400, 'unsupported_grant_type');
  });

  test('scopes: required, and each granted to the app', async () => {
    const { scope: _s, ...noScope } = tokenForm(await assertion(sim, bearerApp));
    assertOAuthError(await postToken(sim, noScope), 400, 'invalid_scope', /'scope' must be provided/);
    assertOAuthError(await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.users.read okta.users.manage')), 400, 'invalid_scope', /not granted to the client: okta\.users\.manage\./);
    assertOAuthError(await postToken(sim, tokenForm(await assertion(sim, bearerApp), 'okta.apps.read')), 400, 'invalid_scope', /okta\.apps\.read/);
  });
});

describe('token endpoint: the DPoP proof of an app that requires DPoP', () => {
  const badProof = async (reply: Promise<Reply>, description: RegExp) => assertOAuthError(await reply, 400, 'invalid_dpop_proof', description);

  test('missing or malformed', async () => {
    await badProof(postToken(sim, tokenForm(await assertion(sim, dpopApp))), /header is missing/);
    await badProof(postToken(sim, tokenForm(await assertion(sim, dpopApp)), { DPoP: 'a.b' }), /malformed/);
  });

  test('typ must be dpop+jwt', async () => {
    await badProof(dpopRequest({}, { typ: 'JWT' }), /'typ'/);
  });

  test('the embedded jwk must be public, and must be the key that signed the proof', async () => {
    const key = await keyPair('ES256');
    const { exportJWK } = await import('jose');
    const privateJwk = await exportJWK(key.privateKey);
    await badProof(dpopRequest({}, { jwk: privateJwk }, key), /must not contain a private key/);
    await badProof(dpopRequest({}, {}, await keyPair('ES256')), /signature is invalid/);
    await badProof(dpopRequest({}, { jwk: undefined }), /'jwk' header .* missing/);
  });

  test('alg must match the embedded key', async () => {
    const rsa = await keyPair('RS256');
    await badProof(dpopRequest({}, { jwk: rsa.publicJwk, alg: 'ES256' }), /'alg'|signature/);
  });

  test('htm and htu must name this request; htu carries no query or fragment', async () => {
    await badProof(dpopRequest({ htm: 'GET' }), /'htm'/);
    await badProof(dpopRequest({ htu: `${sim.url}/oauth2/v1/authorize` }), /'htu'/);
    await badProof(dpopRequest({ htu: `${tokenUrl(sim)}?x=1` }), /'htu'/);
    await badProof(dpopRequest({ htu: `${tokenUrl(sim)}#f` }), /'htu'/);
    // The same URL in another spelling (host case) is the same URL.
    const upper = await dpopRequest({ htu: tokenUrl(sim).replace('http://', 'HTTP://') });
    assert.equal(upper.status, 200, upper.text);
  });

  test('iat must be fresh', async () => {
    const now = Math.floor(Date.now() / 1000);
    await badProof(dpopRequest({ iat: now - 400 }), /too old/);
    await badProof(dpopRequest({ iat: now + 300 }), /in the future/);
    await badProof(dpopRequest({ iat: undefined }), /'iat'/);
  });

  test('a proof (its jti) is used once', async () => {
    const key = await keyPair('ES256');
    const nonce = await dpopNonce(sim, dpopApp, key);
    const dpop = await proof(key, { htm: 'POST', htu: tokenUrl(sim), nonce });
    assert.equal((await postToken(sim, tokenForm(await assertion(sim, dpopApp)), { DPoP: dpop })).status, 200);
    await badProof(postToken(sim, tokenForm(await assertion(sim, dpopApp)), { DPoP: dpop }), /'jti' .* already been used/);
    await badProof(dpopRequest({ jti: undefined }), /'jti'/);
  });

  test('a nonce the server did not issue, or one that has expired, is answered use_dpop_nonce with a fresh one', async () => {
    const key = await keyPair('ES256');
    const wrong = await postToken(sim, tokenForm(await assertion(sim, dpopApp)), {
      DPoP: await proof(key, { htm: 'POST', htu: tokenUrl(sim), nonce: 'made-up' }),
    });
    assertOAuthError(wrong, 400, 'use_dpop_nonce');
    const nonce = wrong.headers.get('dpop-nonce')!;
    sim.advanceClock(11 * 60);
    try {
      const simNow = Math.floor(Date.parse(sim.control.clock().now) / 1000);
      const stale = await postToken(sim, tokenForm(await assertion(sim, dpopApp, { iat: simNow, exp: simNow + 300 })), {
        DPoP: await proof(key, { htm: 'POST', htu: tokenUrl(sim), nonce, iat: simNow }),
      });
      assertOAuthError(stale, 400, 'use_dpop_nonce');
      assert.notEqual(stale.headers.get('dpop-nonce'), nonce);
      const fresh = await postToken(sim, tokenForm(await assertion(sim, dpopApp, { iat: simNow, exp: simNow + 300 })), {
        DPoP: await proof(key, { htm: 'POST', htu: tokenUrl(sim), nonce: stale.headers.get('dpop-nonce')!, iat: simNow }),
      });
      assert.equal(fresh.status, 200, fresh.text);
    } finally {
      sim.reset();
      dpopApp = await registerApp(sim, { alg: 'ES256', requireDpop: true });
      bearerApp = await registerApp(sim, { alg: 'RS256', requireDpop: false, scopes: ['okta.users.read'] });
    }
  });
});
