// A crawl (every user's factors, several at a time) under a tight rate limit finishes without a
// single 429, with the server's clock ahead of ours, and never fails where waiting would do: a
// bucket spent early in its window waits for the reset instead of refusing with "quota used up".
// Correctness only: how close to the limit's bound it runs is for `npm run bench`.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { startSimulator } from '../../sim';
import type { OktaClient } from '../../src/okta/client';
import { recordingClient, type Simulator } from './client-fixtures';

let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Lists every user, then each user's factors, `workers` at a time; returns the factor count. */
async function crawl(client: OktaClient, workers: number): Promise<number> {
  const ids: string[] = [];
  for await (const user of client.listUsers({ limit: 200 })) ids.push(user.id);
  let next = 0;
  let factors = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < ids.length) {
      const listed = await client.listFactors(ids[next++]);
      factors += listed.length;
    }
  }));
  return factors;
}

test('1 s windows, 6 a window, server clock 3 s ahead: every user crawled 8 at a time with no 429', async () => {
  sim = await startSimulator({ port: 0, seed: 'scale:24', rateLimits: { usersPerMinute: 6, windowSeconds: 1 } });
  sim.advanceClock(3);
  const { client, log } = recordingClient(sim, { maxConcurrent: 8 });
  assert.equal(await crawl(client, 8), 24 * 4);
  assert.deepEqual(log.filter((e) => e.status !== 200).map((e) => `${e.status} ${e.error}`), []);
  assert.ok(log.every((e) => e.attempt === 1), 'no retries');
});

test('a bucket spent early in its window waits for the reset even when reset - Date + 1 s exceeds maxRateLimitWaitMs', async () => {
  // 2 s windows and a 2 s wait limit: spending the 4 early leaves a wait just under 2 s, which a
  // fixed 1 s pad turns into about 3 s, "too long".
  sim = await startSimulator({ port: 0, seed: 'scale:9', rateLimits: { usersPerMinute: 4, windowSeconds: 2 } });
  const { client, log } = recordingClient(sim, { maxConcurrent: 4, maxRateLimitWaitMs: 2000 });
  assert.equal(await crawl(client, 4), 9 * 4);
  assert.deepEqual(log.filter((e) => e.status !== 200).map((e) => `${e.status} ${e.error}`), []);
  assert.ok(log.every((e) => e.attempt === 1), 'no retries');
});
