// A hostile or broken hop cannot poison an org's rate-limit state: one answer with
// `X-Rate-Limit-Remaining: 0` and a far-future reset (or a skewed `Date`) blocks that client's
// bucket for a bounded time only, the error says how long, and a client with other credentials
// (its own traffic state) is not held back at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OktaClient, type RequestLogEntry } from '../../src/okta/client';
import { OktaRateLimitError } from '../../src/okta/errors';
import { MAX_RESET_DELAY_MS } from '../../src/okta/http/rateLimits';
import { rejection } from './client-fixtures';
import { json, useScriptedServer } from './scriptedServer';

const DAY_S = 24 * 3600;
const server = useScriptedServer((_r, res) => json(res, 200, [], rateHeaders(100, 99, 60)));

function rateHeaders(limit: number, remaining: number, resetInS: number, dateOffsetS = 0): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  return {
    'X-Rate-Limit-Limit': String(limit), 'X-Rate-Limit-Remaining': String(remaining),
    'X-Rate-Limit-Reset': String(now + resetInS), Date: new Date((now + dateOffsetS) * 1000).toUTCString(),
  };
}

function client(token: string, log: RequestLogEntry[] = []): OktaClient {
  return new OktaClient({ orgUrl: server.origin, token, maxRateLimitWaitMs: 2000, onRequest: (e) => log.push(e) });
}

for (const [what, headers] of [
  ['a reset a day away', () => rateHeaders(600, 0, DAY_S)],
  ['a Date a day behind', () => rateHeaders(600, 0, 10, -DAY_S)],
] as const) {
  test(`${what}: the block is bounded, the error says how long, other credentials are not blocked`, async () => {
    server.script = [(_r, res) => json(res, 200, [], headers())];
    const poisoned = client('token-one-123');
    await poisoned.listFactors('u1');
    const error = await rejection(poisoned.listFactors('u1'));
    assert.ok(error instanceof OktaRateLimitError, String(error));
    assert.ok(error.resetAt.getTime() <= Date.now() + MAX_RESET_DELAY_MS, `reset bounded: ${error.resetAt.toISOString()}`);
    const seconds = Number(/quota is used up; it resets in (\d+) s\. No request was sent\.$/.exec(error.message)?.[1]);
    assert.ok(seconds > 0 && seconds <= MAX_RESET_DELAY_MS / 1000, error.message);
    assert.equal(server.seen.length, 1, 'the refused call sent nothing');

    const log: RequestLogEntry[] = [];
    assert.deepEqual(await client('token-two-456', log).listFactors('u1'), [], 'another token starts fresh');
    assert.deepEqual(log.map((e) => e.status), [200]);
  });
}

test('a 429 with a far-future reset is retried after at most the bounded wait, never later', async () => {
  server.script = [(_r, res) => json(res, 429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorCauses: [] },
    rateHeaders(600, 0, DAY_S))];
  const error = await rejection(client('token-three-789').listFactors('u1'));
  assert.ok(error instanceof OktaRateLimitError);
  assert.match(error.message, /it resets in (\d+) s\.$/);
  assert.ok(error.resetAt.getTime() <= Date.now() + MAX_RESET_DELAY_MS);
});
