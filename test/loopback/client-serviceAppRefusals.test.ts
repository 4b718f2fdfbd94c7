// A service app against a scripted org whose API refuses calls the ways Okta can and the simulator
// does not (it never asks API calls for a nonce, and answers a bad proof with a JSON body): a DPoP
// nonce that changes while calls are in flight, a token refused even after renewal, a proof refused
// for its time with the reason only in the challenge, and answers echoing the client's assertions
// and proofs, which must be scrubbed like the token.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import { OktaClient, type RequestLogEntry } from '../../src/okta/client';
import { OktaApiError } from '../../src/okta/errors';
import { OktaOAuthError } from '../../src/okta/auth/oauthErrors';
import { assertTokenFree, rejection } from './client-fixtures';
import { json, startScriptedServer, type SeenRequest, type ScriptedServer } from './scriptedServer';

const TOKEN_PATH = '/oauth2/v1/token';
const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

let server: ScriptedServer;
let issued = 0;

/** Issues a DPoP token to every token request (no nonce round: Okta's token endpoint may skip it). */
function tokenEndpoint(res: ServerResponse): void {
  json(res, 200, { token_type: 'DPoP', access_token: `access-token-${++issued}-${'x'.repeat(32)}`, expires_in: 3600, scope: 'okta.users.read' });
}

/** Routes token requests to `tokenEndpoint` and API calls to `api`. */
function org(api: (req: SeenRequest, res: ServerResponse) => void): (req: SeenRequest, res: ServerResponse) => void {
  return (req, res) => (req.url === TOKEN_PATH ? tokenEndpoint(res) : api(req, res));
}

const proofOf = (req: SeenRequest) => String(req.headers.dpop);
const nonceOf = (req: SeenRequest) => (JSON.parse(Buffer.from(proofOf(req).split('.')[1], 'base64url').toString()) as { nonce?: string }).nonce;
const apiCalls = () => server.seen.filter((r) => r.url !== TOKEN_PATH);
const tokenRequests = () => server.seen.filter((r) => r.url === TOKEN_PATH);

function useNonce(res: ServerResponse, nonce: string): void {
  json(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] }, {
    'WWW-Authenticate': 'DPoP algs="RS256 ES256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
    'DPoP-Nonce': nonce,
  });
}

function appClient(): { client: OktaClient; log: RequestLogEntry[] } {
  const log: RequestLogEntry[] = [];
  const client = new OktaClient({
    orgUrl: server.origin,
    privateKeyAuth: { clientId: '0oascripted', privateKey, scopes: ['okta.users.read'] },
    timeoutMs: 3000, retryBaseDelayMs: 5, maxRetryDelayMs: 20,
    onRequest: (entry) => log.push(entry),
  });
  return { client, log };
}

before(async () => {
  server = await startScriptedServer();
});
after(async () => {
  await server.close();
});
afterEach(() => {
  server.seen = [];
  server.script = [];
});

describe('DPoP nonces of API calls', () => {
  test('a nonce change refused every call in flight: each is sent again once, with the new nonce, and succeeds', async () => {
    let current = 'nonce-1';
    const held: Array<() => void> = [];
    let holdUntil = 0;
    server.fallback = org((req, res) => {
      const answer = () => (nonceOf(req) === current ? json(res, 200, []) : useNonce(res, current));
      // Hold the first answers until every call is on the wire, so all carry the old nonce.
      if (held.length < holdUntil) {
        held.push(answer);
        if (held.length === holdUntil) held.forEach((release) => release());
        return;
      }
      answer();
    });
    const { client } = appClient();
    await client.listFactors('00u1'); // learns nonce-1 (one 401, one re-send)
    assert.deepEqual(apiCalls().map(nonceOf), [undefined, 'nonce-1']);

    current = 'nonce-2';
    holdUntil = 5;
    server.seen = [];
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.listFactors('00u1')));
    assert.deepEqual(results.map((r) => r.status), Array(5).fill('fulfilled'), String(results.find((r) => r.status === 'rejected')?.reason));
    const nonces = apiCalls().map(nonceOf);
    assert.deepEqual(nonces.filter((n) => n === 'nonce-1').length, 5, 'five proofs with the old nonce');
    assert.deepEqual(nonces.filter((n) => n === 'nonce-2').length, 5, 'each call sent again once, with the new one');
    assert.equal(tokenRequests().length, 0, 'no new token: only the nonce changed');
  });

  test("an API that never accepts a nonce fails after one re-send, saying so, not that a token was requested", async () => {
    let count = 0;
    server.fallback = org((_req, res) => useNonce(res, `nonce-${++count}`));
    const { client } = appClient();
    const error = await rejection(client.listFactors('00u1'));
    assert.ok(error instanceof OktaApiError && error.status === 401, String(error));
    assert.equal(apiCalls().length, 2);
    assert.equal(tokenRequests().length, 1);
    assert.match(error.message, /asked for a new DPoP nonce again \(HTTP 401 use_dpop_nonce\) after the call was sent again/);
    assert.doesNotMatch(error.message, /new one was requested|requesting a new one|access token/);

    // The same nonce asked for again: nothing new to send, so no re-send at all.
    server.seen = [];
    server.fallback = org((_req, res) => useNonce(res, `nonce-${count}`));
    const again = await rejection(client.listFactors('00u1'));
    assert.ok(again instanceof OktaApiError, String(again));
    assert.equal(apiCalls().length, 1);
    assert.match(again.message, /without giving one the call had not already sent/);
    assert.doesNotMatch(again.message, /new one was requested|requesting a new one|access token/);
  });
});

test('a token refused even after renewal: one new token, one re-send, then the error', async () => {
  server.fallback = org((_req, res) => json(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] }, {
    'WWW-Authenticate': 'DPoP algs="RS256 ES256", error="invalid_token", error_description="The access token is invalid."',
  }));
  const { client } = appClient();
  const error = await rejection(client.listFactors('00u1'));
  assert.ok(error instanceof OktaApiError && error.status === 401, String(error));
  assert.equal(apiCalls().length, 2, 'sent with the first token and with its renewal');
  assert.equal(tokenRequests().length, 2, 'the first token and one renewal');
  assert.match(error.message, /access token \(HTTP 401\) even after a new one was requested/);
});

test('a proof refused for its time, the reason only in the challenge, says the clock is off', async () => {
  server.fallback = org((_req, res) => {
    res.writeHead(400, {
      'WWW-Authenticate': 'DPoP algs="RS256 ES256", error="invalid_dpop_proof", error_description="The DPoP proof JWT was issued in the future"',
    });
    res.end();
  });
  const { client } = appClient();
  const error = await rejection(client.listFactors('00u1'));
  assert.ok(error instanceof OktaApiError && error.status === 400, String(error));
  assert.equal(error.errorCode, 'invalid_dpop_proof');
  assert.match(error.message, /DPoP proof \(invalid_dpop_proof, HTTP 400\): The DPoP proof JWT was issued in the future\. .*clock is off/);
  assert.doesNotMatch(error.message, /empty body/);
});

describe('assertions and proofs echoed back are scrubbed like the token', () => {
  test('a client assertion and proof echoed in the token error: not in its message, stack, inspection, JSON or the log', async () => {
    server.fallback = (req, res) => {
      const assertion = new URLSearchParams(req.body).get('client_assertion');
      json(res, 401, { error: 'invalid_client', error_description: `The client_assertion ${assertion} was not signed by ${proofOf(req)}` });
    };
    const { client, log } = appClient();
    const error = await rejection(client.listFactors('00u1'));
    assert.ok(error instanceof OktaOAuthError, String(error));
    const [sent] = tokenRequests();
    const secrets = [new URLSearchParams(sent.body).get('client_assertion')!, proofOf(sent)];
    assert.match(error.message, /client_assertion \[redacted\] was not signed by \[redacted\]/);
    assert.ok(log.length > 0);
    for (const secret of secrets) {
      assert.match(secret, /^eyJ/);
      assertTokenFree(error, secret, 'token error');
      assertTokenFree(log, secret, 'request log');
    }
  });

  test('a proof echoed in an API error after many calls: scrubbed, and the access token still is', async () => {
    let fail = false;
    server.fallback = org((req, res) => {
      if (!fail) return json(res, 200, []);
      const echo = `${req.headers.authorization} with ${proofOf(req)}`;
      json(res, 403, { errorCode: 'E0000006', errorSummary: `No access for ${echo}`, errorCauses: [{ errorSummary: echo }] }, { 'X-Okta-Request-Id': proofOf(req) });
    });
    const { client, log } = appClient();
    // More proofs than the redactor keeps: old ones may go, the access token must not.
    for (let i = 0; i < 70; i++) await client.listFactors('00u1');
    fail = true;
    const error = await rejection(client.listFactors('00u1'));
    assert.ok(error instanceof OktaApiError && error.status === 403, String(error));
    const last = apiCalls().at(-1)!;
    const accessToken = String(last.headers.authorization).replace(/^DPoP /, '');
    assert.match(error.message, /No access for DPoP \[redacted\] with \[redacted\]/);
    for (const secret of [proofOf(last), accessToken]) {
      assertTokenFree(error, secret, 'API error');
      assertTokenFree(log, secret, 'request log');
    }
  });
});
