// Input the client cannot send is refused before any request, as an OktaInputError (not an
// untyped URIError or a "connection dropped"); an answer over the size cap, or a gzip bomb, is a
// distinct "too large" invalid response and is never retried.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { before, test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { OktaInputError, OktaNetworkError } from '../../src/okta/errors';
import { rejection } from './client-fixtures';
import { json, useScriptedServer } from './scriptedServer';

const server = useScriptedServer((_r, res) => json(res, 200, {}));
let client: OktaClient;
const CAP = 64 * 1024;

before(async () => {
  await server.ready();
  client = new OktaClient({ orgUrl: server.origin, token: 'input-token-1234', maxRetries: 2, retryBaseDelayMs: 5, maxResponseBytes: CAP });
});

async function refusedBeforeSending(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  const error = await rejection(call());
  assert.ok(error instanceof OktaInputError, `an OktaInputError, not ${String(error)}`);
  assert.match(error.message, message);
  assert.equal(server.seen.length, 0, 'nothing was sent');
}

test('an id with a lone surrogate is an input error, not a URIError', async () => {
  await refusedBeforeSending(() => client.getFactor('u1', 'f\uD800'), /^The factor id .* is not a valid id \(it contains a broken Unicode character\)\.$/);
  await refusedBeforeSending(() => client.getUser('\uDC00bob'), /user id or login/);
  await refusedBeforeSending(() => client.cancelFactorTransaction('u1', 'f1', 'tx\uD83D'), /transaction id/);
});

test('a header value that HTTP cannot carry is an input error, not a dropped connection', async () => {
  await refusedBeforeSending(() => client.verifyFactor('u1', 'f1', undefined, { userAgent: 'Browser \u2603' }), /^The User-Agent header value contains characters that cannot be sent in an HTTP header\.$/);
});

test('a body that cannot be serialised (circular, BigInt) is an input error and nothing is sent', async () => {
  const circular: Record<string, unknown> = { factorType: 'sms', provider: 'OKTA' };
  circular.self = circular;
  await refusedBeforeSending(() => client.enrollFactor('u1', circular as never), /^The request body cannot be sent as JSON/);
  await refusedBeforeSending(() => client.verifyFactor('u1', 'f1', { passCode: 1n } as never), /^The request body cannot be sent as JSON/);
});

test('an answer over the size cap is "too large", not retried', async () => {
  server.fallback = (_r, res) => json(res, 200, Array.from({ length: 4000 }, (_, i) => ({ id: `f${i}`, factorType: 'sms' })));
  try {
    const error = await rejection(client.listFactors('u1'));
    assert.ok(error instanceof OktaNetworkError, String(error));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /^Okta's answer was larger than 64 KB, so it was not read\.$/);
    assert.equal(server.seen.length, 1, 'not retried');
    const post = await rejection(client.enrollFactor('u1', { factorType: 'sms', provider: 'OKTA' }));
    assert.ok(post instanceof OktaNetworkError && post.kind === 'invalid-response');
    assert.match(post.message, /larger than 64 KB.*The change may have been made anyway; refresh to check\./);
  } finally {
    server.fallback = (_r, res) => json(res, 200, {});
  }
});

test('a gzip bomb is cut off at the cap after decompression, not retried', async () => {
  const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, ' '));
  server.script = [(_r, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    res.end(bomb);
  }];
  const started = Date.now();
  const error = await rejection(client.listFactors('u1'));
  assert.ok(error instanceof OktaNetworkError && error.kind === 'invalid-response', String(error));
  assert.match(error.message, /larger than 64 KB/);
  assert.equal(server.seen.length, 1);
  assert.ok(Date.now() - started < 5000);
});
