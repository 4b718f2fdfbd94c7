// The token never appears in an error, a thrown value, a request-log entry or the client object:
// against the simulator's failure paths and against a hostile server that echoes the token back
// in every place it can (error bodies, HTML pages, headers, reason phrases, links).
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, test } from 'node:test';
import { startSimulator } from '../../sim';
import { OktaClient, type RequestLogEntry } from '../../src/okta/client';
import { OktaError, OktaNetworkError } from '../../src/okta/errors';
import { pollPushTransaction } from '../../src/factors/pushPolling';
import { assertTokenFree, createUser, rejection, SimHttpControl, type Simulator } from './client-fixtures';
import { startScriptedServer } from './scriptedServer';

const TOKEN = '00Secret-Token_ABCdef1234567890xyz';
let sim: Simulator;
let control: SimHttpControl;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty', token: TOKEN, accessTokens: [`bearer-${TOKEN}`] });
  control = new SimHttpControl(sim.url);
});

after(async () => {
  await sim.close();
});

function collectingClient(orgUrl: string, token: string, extra: Partial<ConstructorParameters<typeof OktaClient>[0]> = {}) {
  const entries: RequestLogEntry[] = [];
  const client = new OktaClient({
    orgUrl, token, timeoutMs: 10_000, retryBaseDelayMs: 5, maxRetryDelayMs: 20, maxRetries: 1, onRequest: (e) => entries.push(e), ...extra,
  });
  return { client, entries };
}

test('simulator failure paths: no token in any error, log entry or the client itself', async () => {
  const user = await createUser(sim, 'safety@example.com');
  for (const [token, tokenType] of [[TOKEN, 'SSWS'], [`bearer-${TOKEN}`, 'Bearer']] as const) {
    const { client, entries } = collectingClient(sim.url, token, { tokenType });
    assert.equal((await client.getUser('me')).profile.login !== undefined, true, 'token accepted');
    const factors = `/api/v1/users/${user.id}/factors`;
    const errors: unknown[] = [];
    const attempt = async (call: () => Promise<unknown>) => errors.push(await rejection(call()));
    await attempt(() => client.getFactor(user.id, 'nope'));
    await attempt(() => client.verifyFactor(user.id, 'nope', { passCode: token }));
    await attempt(() => client.enrollFactor(user.id, { factorType: 'sms', provider: token }));
    await attempt(() => client.getUser(`${token}/x`));
    await attempt(() => client.getUser(`${token}\n`));
    await attempt(() => client.followLink(`https://${token}.example.com/api/v1/users`));
    for (const kind of ['drop', 'html', 'malformed-json', 'status'] as const) {
      await control.addFault({ path: factors, kind, count: 4 });
      await attempt(() => client.listFactors(user.id));
      await attempt(() => client.enrollFactor(user.id, { factorType: 'question', provider: 'OKTA' }));
      await control.clearFaults();
    }
    // Only the timeout case gets a short timeout, so a loaded machine cannot fail the other calls.
    await control.addFault({ path: factors, kind: 'latency', latencyMs: 800, count: 1 });
    const impatient = collectingClient(sim.url, token, { tokenType, timeoutMs: 400 });
    await attempt(() => impatient.client.listFactors(user.id));
    entries.push(...impatient.entries);
    const controller = new AbortController();
    controller.abort();
    await attempt(() => client.listFactors(user.id, { signal: controller.signal }));
    const wrong = collectingClient(sim.url, `wrong-${token}`, { tokenType });
    await attempt(() => wrong.client.listUsersPage());

    assert.ok(errors.length >= 16);
    for (const error of errors) {
      assert.ok(error instanceof OktaError, `an OktaError, not ${inspect(error)}`);
      // The cause chain is kept, but no axios error anywhere in it (its config carries the token).
      for (let link: unknown = error; link instanceof Error; link = link.cause) {
        for (const field of ['config', 'request', 'response', 'toJSON']) assert.ok(!(field in link), `no ${field} on ${link.name}`);
      }
      assertTokenFree(error, token, error.name);
      assertTokenFree(error, `wrong-${token}`, error.name);
    }
    assert.ok(entries.length > 10);
    for (const entry of [...entries, ...wrong.entries]) assertTokenFree(entry, token, 'log entry');
    assertTokenFree(client, token, 'client');
    assert.doesNotMatch(JSON.stringify(client), new RegExp(token));
  }
});

test('hostile server echoing the token everywhere: nothing leaks', async () => {
  const server = await startScriptedServer((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const secret = auth.replace(/^(SSWS|Bearer) /, '');
    res.setHeader('X-Okta-Request-Id', `req-${secret}`);
    res.setHeader('X-Rate-Limit-Limit', '100');
    res.setHeader('X-Rate-Limit-Remaining', '99');
    res.setHeader('X-Rate-Limit-Reset', String(Math.floor(Date.now() / 1000) + 60));
    const { url } = req;
    if (url.includes('/json-error')) {
      res.writeHead(403, `Forbidden ${secret}`, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errorCode: 'E0000006', errorSummary: `No access for ${auth}`, errorId: secret, errorCauses: [{ errorSummary: auth }] }));
    } else if (url.includes('/html')) {
      res.writeHead(502, { 'Content-Type': `text/html; token=${secret}` });
      res.end(`<html><body>Bad gateway. Your header was ${auth}</body></html>`);
    } else if (url.includes('/garbled')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"echo":"${auth}`);
    } else if (url.includes('/transactions/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ factorResult: 'WAITING', _links: { poll: { href: `https://evil.example.com/api/v1/${secret}` } } }));
    } else if (url.split('?')[0] === '/api/v1/users') {
      res.writeHead(200, { 'Content-Type': 'application/json', Link: `<${server.origin}/api/v1/users?after=${secret}>; rel="next"` });
      res.end('[]');
    } else {
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': auth });
      res.end(JSON.stringify({ errorCode: 'E0000011', errorSummary: `Invalid token provided: ${secret}`, errorCauses: [] }));
    }
  });
  try {
    const { client, entries } = collectingClient(server.origin, TOKEN);
    const errors: unknown[] = [];
    for (const call of [
      () => client.getFactor('u1', 'json-error'), () => client.getFactor('u1', 'html'), () => client.getFactor('u1', 'garbled'),
      () => client.enrollFactor('u1', { factorType: 'sms', provider: 'OKTA' }), () => client.getUser('me'),
      () => pollPushTransaction(client, 'u1', 'f1', 'tx1', { intervalMs: 1 }),
    ]) errors.push(await rejection(call()));
    const page = await client.listUsersPage();
    assert.equal(page.after, '[redacted]', 'even a cursor carrying the token is scrubbed');
    for (const error of errors) {
      assert.ok(error instanceof OktaError, inspect(error));
      assertTokenFree(error, TOKEN, error.name);
    }
    assert.ok(entries.length >= 6);
    for (const entry of entries) assertTokenFree(entry, TOKEN, 'log entry');
    assert.match((errors[0] as Error).message, /\[redacted\]/);
    assert.match((errors[5] as Error).message, /not followed/);
  } finally {
    await server.close();
  }
});

test('a \\u-escaped token in an error body, and a token in the path of an invalid response, never reach the error', async () => {
  const escaped = [...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const server = await startScriptedServer((req, res) => {
    if (req.url.includes('/factors/')) {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(`{"errorCode":"E0000006","errorSummary":"No access for ${escaped}","errorId":"${escaped}","errorCauses":[{"errorSummary":"${escaped}"}]}`);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>portal</html>');
    }
  });
  try {
    const { client, entries } = collectingClient(server.origin, TOKEN);
    const escapedError = await rejection(client.getFactor('u1', 'f1'));
    assert.ok(escapedError instanceof OktaError);
    assertTokenFree(escapedError, TOKEN, 'error from an escaped body');
    assert.match(escapedError.message, /No access for \[redacted\]/);
    const invalid = await rejection(client.getUser(TOKEN));
    assert.ok(invalid instanceof OktaNetworkError && invalid.kind === 'invalid-response', String(invalid));
    assertTokenFree(invalid, TOKEN, 'invalid-response error');
    assert.equal(invalid.path, '/api/v1/users/[redacted]');
    for (const entry of entries) assertTokenFree(entry, TOKEN, 'log entry');
  } finally {
    await server.close();
  }
});
