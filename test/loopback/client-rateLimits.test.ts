// Rate limits against the simulator's short windows: throttling ahead avoids 429 entirely,
// a 429 storm caused by someone else is ridden out with bounded retries and no duplicate side
// effects, and a reset too far away fails fast with a clear error.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { startSimulator } from '../../sim';
import { OktaApiError, OktaRateLimitError } from '../../src/okta/errors';
import { OrgTraffic } from '../../src/okta/http/orgTraffic';
import { MAX_RESET_DELAY_MS } from '../../src/okta/http/rateLimits';
import { createUser, recordingClient, rejection, SimHttpControl, type Simulator } from './client-fixtures';

let sim: Simulator;
let control: SimHttpControl;
let round = 0;

// A simulator per test, so each test's rate-limit windows start fresh on the server.
beforeEach(async () => {
  round++;
  sim = await startSimulator({ port: 0, seed: 'empty', engine: 'classic' });
  control = new SimHttpControl(sim.url);
});

afterEach(async () => {
  await sim.close();
});

/** Creates users while limits are generous, then applies the test's limits (fresh windows). */
async function usersThenLimits(count: number, limits: Parameters<SimHttpControl['setRateLimits']>[0]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createUser(sim, `rl${round}-${i}@example.com`)).id);
  await control.setRateLimits(limits);
  return ids;
}

test('throttling ahead: 14 requests on an 8-per-second bucket never see a 429', async () => {
  const [userId] = await usersThenLimits(1, { usersPerMinute: 8, windowSeconds: 1 });
  const { client, log, rateLimits } = recordingClient(sim);
  const results = await Promise.all(Array.from({ length: 14 }, () => client.listFactors(userId)));
  assert.equal(results.length, 14);
  assert.deepEqual(log.filter((e) => e.status === 429), [], 'no 429 at all');
  assert.equal(log.length, 14, 'one exchange per call');
  assert.ok(rateLimits.length > 0);
  assert.ok(rateLimits.every((s) => s.bucket === '/api/v1/users' && s.limit === 8 && s.resetAt instanceof Date));
});

test('429 storm from another consumer: every operation succeeds, retries bounded, no duplicate side effects', async () => {
  // 2 s windows: a window opens at the whole second of its first request, so the storm's window
  // still runs when our work starts, however late in its second the storm came.
  const users = await usersThenLimits(3, { usersPerMinute: 6, verifyPerMinute: 4, windowSeconds: 2 });
  // Someone else spends both buckets just before our work starts.
  await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${sim.url}/api/v1/users/${users[0]}/factors${i % 2 ? '' : '/catalog'}`,
    { headers: { Authorization: `SSWS ${sim.token}`, Accept: 'application/json' } }).then((r) => r.text())));
  const { client, log } = recordingClient(sim, { maxRetries: 4 });
  const enrolled = await Promise.all(users.map((id) => client.enrollFactor(id, {
    factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' },
  })));
  const verified = await Promise.all(users.map((id, i) => client.verifyFactor(id, enrolled[i].id, { answer: 'mayonnaise' })));
  const listed = await Promise.all(users.map((id) => client.listFactors(id)));

  assert.ok(verified.every((r) => r.factorResult === 'SUCCESS'));
  assert.ok(log.some((e) => e.status === 429), 'the storm was felt');
  for (const factors of listed) assert.equal(factors.length, 1, 'each enrollment happened once');
  const operations = users.length * 3;
  assert.ok(log.length <= operations * 5, `bounded attempts: ${log.length}`);
  assert.ok(log.filter((e) => e.status === 429).every((e) => e.error?.includes('E0000047')));
});

test('a 429 whose reset is too far away fails fast with a clear error; later calls are refused without a request', async () => {
  const [userId] = await usersThenLimits(1, { usersPerMinute: 1, windowSeconds: 120 });
  const traffic = new OrgTraffic();
  const { client, log } = recordingClient(sim, { maxRateLimitWaitMs: 2000, traffic });
  await client.listFactors(userId); // takes the only unit
  await fetch(`${sim.url}/api/v1/users/${userId}/factors`, { headers: { Authorization: `SSWS ${sim.token}` } });
  const started = Date.now();
  const predicted = await rejection(client.listFactors(userId));
  assert.ok(predicted instanceof OktaRateLimitError && predicted instanceof OktaApiError);
  assert.equal(predicted.status, 429);
  assert.equal(predicted.errorCode, 'E0000047');
  assert.match(predicted.message, /^Okta rate limit exceeded \(E0000047, HTTP 429\): the \/api\/v1\/users quota is used up; it resets in \d+ s\. No request was sent\.$/);
  // The simulator's 120 s window is longer than any of Okta's: the wait is bounded to a minute.
  assert.ok(predicted.resetAt.getTime() > Date.now() + 50_000 && predicted.resetAt.getTime() <= Date.now() + MAX_RESET_DELAY_MS);
  assert.ok(Date.now() - started < 500);
  assert.equal(log.length, 1);

  // Another client given the same traffic state (as the registry does per org and token) shares what the first one learned.
  const other = recordingClient(sim, { maxRateLimitWaitMs: 2000, traffic });
  assert.ok(await rejection(other.client.getFactor(userId, 'x')) instanceof OktaRateLimitError);
  assert.equal(other.log.length, 0);

  // Another bucket (GET user by id) is unaffected.
  assert.equal((await client.getUser(userId)).id, userId);
});

test('Okta\'s own 429 with a far reset is not waited for', async () => {
  const [userId] = await usersThenLimits(1, { usersPerMinute: 1, windowSeconds: 120 });
  await fetch(`${sim.url}/api/v1/users/${userId}/factors`, { headers: { Authorization: `SSWS ${sim.token}` } });
  const { client, log } = recordingClient(sim, { maxRateLimitWaitMs: 2000 });
  const error = await rejection(client.listFactors(userId));
  assert.ok(error instanceof OktaRateLimitError);
  assert.ok(error.requestId, 'from a real answer');
  assert.doesNotMatch(error.message, /No request was sent/);
  assert.equal(log.length, 1);
});
