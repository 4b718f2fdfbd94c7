// Unenroll and push-transaction cancel succeed only on what Okta really answers (204, no body);
// a captive portal's 200 HTML page or a garbled body is an invalid response whose outcome is unknown.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { OktaNetworkError } from '../../src/okta/errors';
import { rejection } from './client-fixtures';
import { json, useScriptedServer, type Handler } from './scriptedServer';

const server = useScriptedServer();
let client: OktaClient;

before(async () => {
  await server.ready();
  client = new OktaClient({ orgUrl: server.origin, token: 'delete-token-1234', maxRetries: 2, retryBaseDelayMs: 5 });
});

const noContent: Handler = (_r, res) => {
  res.writeHead(204);
  res.end();
};
const portal: Handler = (_r, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end('<html><body>Sign in to the hotel Wi-Fi</body></html>');
};
const garbled: Handler = (_r, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"status":"ACT');
};

const calls = {
  unenroll: () => client.unenrollFactor('u1', 'f1'),
  cancel: () => client.cancelFactorTransaction('u1', 'f1', 'tx1'),
};

for (const [name, call] of Object.entries(calls)) {
  test(`${name}: 204 without a body is success`, async () => {
    server.script = [noContent];
    assert.equal(await call(), undefined);
    assert.equal(server.seen[0].method, 'DELETE');
  });

  for (const [what, handler] of [['a 200 HTML page', portal], ['a 200 garbled body', garbled]] as const) {
    test(`${name}: ${what} is an invalid response with an unknown outcome, sent once`, async () => {
      server.script = [handler];
      const error = await rejection(call());
      assert.ok(error instanceof OktaNetworkError, String(error));
      assert.equal(error.kind, 'invalid-response');
      assert.match(error.message, /^Okta answered HTTP 200 with .+ instead of 204 No Content, so whether .+ is unknown; refresh to check\.$/);
      assert.equal(server.seen.length, 1, 'a DELETE is never repeated');
    });
  }
}

test('cancel: a 200 with a JSON object (its shape is not documented) still counts as cancelled', async () => {
  server.script = [(_r, res) => json(res, 200, { factorResult: 'CANCELLED' })];
  assert.equal(await calls.cancel(), undefined);
});

test('unenroll: a 200 with JSON is not Okta\'s answer to DELETE', async () => {
  server.script = [(_r, res) => json(res, 200, { id: 'f1', status: 'ACTIVE' })];
  const error = await rejection(calls.unenroll());
  assert.ok(error instanceof OktaNetworkError && error.kind === 'invalid-response');
});
