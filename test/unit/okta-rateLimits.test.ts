import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backoffDelayMs, MAX_RESET_DELAY_MS, rateLimitBucket, rateLimitResetDelayMs, RateLimitTracker, readRateLimitHeaders, RESET_SKEW_MS,
} from '../../src/okta/rateLimits';
import { waitText } from '../../src/okta/waitText';

test('buckets: factors share the users bucket; verify and GET user by id have their own', () => {
  assert.equal(rateLimitBucket('GET', '/api/v1/users'), '/api/v1/users');
  assert.equal(rateLimitBucket('GET', '/api/v1/users?limit=200&after=x'), '/api/v1/users');
  assert.equal(rateLimitBucket('GET', '/api/v1/users/00u1'), '/api/v1/users/{id}');
  assert.equal(rateLimitBucket('GET', '/api/v1/users/me'), '/api/v1/users/{id}');
  for (const [method, path] of [
    ['GET', '/api/v1/users/00u1/factors'], ['POST', '/api/v1/users/00u1/factors'], ['GET', '/api/v1/users/00u1/factors/catalog'],
    ['GET', '/api/v1/users/00u1/factors/questions'], ['DELETE', '/api/v1/users/00u1/factors/f1'],
    ['POST', '/api/v1/users/00u1/factors/f1/lifecycle/activate'], ['POST', '/api/v1/users/00u1/factors/f1/resend'],
    ['GET', '/api/v1/users/00u1/factors/f1/transactions/t1'],
  ]) assert.equal(rateLimitBucket(method, path), '/api/v1/users', `${method} ${path}`);
  assert.equal(rateLimitBucket('POST', '/api/v1/users/00u1/factors/f1/verify'), '/api/v1/users/{userId}/factors/{factorId}/verify');
  assert.equal(rateLimitBucket('POST', '/api/v1/users/00u1/factors/f1/verify?tokenLifetimeSeconds=60'), '/api/v1/users/{userId}/factors/{factorId}/verify');
});

test('headers: integers only, duplicated (comma-joined) values ignored, Date parsed', () => {
  const h = readRateLimitHeaders({
    'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1757607758', date: 'Thu, 11 Sep 2025 16:21:50 GMT',
  });
  assert.deepEqual(h, { limit: 600, remaining: 0, reset: 1757607758, dateMs: Date.UTC(2025, 8, 11, 16, 21, 50) });
  assert.deepEqual(readRateLimitHeaders({ 'x-rate-limit-reset': '1757607758, 1757607760', date: 'garbage' }),
    { limit: undefined, remaining: undefined, reset: undefined, dateMs: undefined });
});

test('reset delay is measured against the response Date plus 1 s skew, like the SDKs', () => {
  // The recorded 429: reset 16:22:38, Date 16:21:50 -> 48 s + 1 s, whatever the local clock says.
  const h = readRateLimitHeaders({ 'x-rate-limit-reset': '1757607758', date: 'Thu, 11 Sep 2025 16:21:50 GMT' });
  assert.equal(rateLimitResetDelayMs(h, Date.now()), 49_000);
  assert.equal(rateLimitResetDelayMs(h, 0), 49_000);
  // Without Date the local clock is the reference.
  assert.equal(rateLimitResetDelayMs({ reset: 100 }, 97_500), 2_500 + RESET_SKEW_MS);
  // A reset already in the past still waits the skew; no reset header -> undefined.
  assert.equal(rateLimitResetDelayMs({ reset: 100, dateMs: 105_000 }, 0), RESET_SKEW_MS);
  assert.equal(rateLimitResetDelayMs({ dateMs: 1 }, 0), undefined);
});

test('backoff: exponential with equal jitter, capped', () => {
  assert.equal(backoffDelayMs(1, 500, 8000, () => 0), 250);
  assert.equal(backoffDelayMs(1, 500, 8000, () => 1), 500);
  assert.equal(backoffDelayMs(2, 500, 8000, () => 0), 500);
  assert.equal(backoffDelayMs(3, 500, 8000, () => 1), 2000);
  assert.equal(backoffDelayMs(10, 500, 8000, () => 1), 8000);
  assert.equal(backoffDelayMs(10, 500, 8000, () => 0), 4000);
  for (let i = 0; i < 100; i++) {
    const d = backoffDelayMs(2, 100, 1000);
    assert.ok(d >= 100 && d <= 200, String(d));
  }
});

/** Resolves true if the promise settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

test('tracker: first contact sends one request alone; its headers release the others', async () => {
  const tracker = new RateLimitTracker();
  assert.equal(await tracker.acquire('b'), 0);
  const second = tracker.acquire('b');
  assert.equal(await settlesWithin(second, 30), false, 'waits for the probe');
  const status = tracker.update('b', { limit: 10, remaining: 9, reset: inAMinute(), dateMs: Date.now() });
  assert.deepEqual({ limit: status?.limit, remaining: status?.remaining, bucket: status?.bucket }, { limit: 10, remaining: 9, bucket: 'b' });
  assert.ok(status!.resetAt.getTime() > Date.now() + 59_000);
  assert.equal(await settlesWithin(second, 30), true);
  // Other buckets are not held back.
  assert.equal(await settlesWithin(tracker.acquire('other'), 30), true);
});

test('tracker: a probe that fails without an answer lets the next request probe', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('b');
  const second = tracker.acquire('b');
  tracker.release('b'); // e.g. connection refused: no headers
  assert.equal(await settlesWithin(second, 30), true);
});

test('tracker: a bucket without rate-limit headers is not throttled', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('b');
  tracker.update('b', {});
  const all = Promise.all([tracker.acquire('b'), tracker.acquire('b'), tracker.acquire('b')]);
  assert.equal(await settlesWithin(all, 30), true);
});

test('tracker: each request takes one unit; requests in flight count against what the server reported', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('b');
  tracker.update('b', { limit: 10, remaining: 3, reset: inAMinute() });
  tracker.release('b');
  await Promise.all([tracker.acquire('b'), tracker.acquire('b'), tracker.acquire('b')]); // 3 on the wire
  // First of them answers "2 left" while two more of ours are still in flight -> 0 usable.
  tracker.update('b', { limit: 10, remaining: 2, reset: inAMinute() });
  tracker.release('b');
  const controller = new AbortController();
  const waiting = tracker.acquire('b', controller.signal);
  assert.equal(await settlesWithin(waiting.catch(() => undefined), 30), false);
  controller.abort();
  await assert.rejects(waiting, /cancelled/);
});

test('tracker: a spent bucket waits until the reset (+1 s skew)', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('b');
  tracker.update('b', { limit: 5, remaining: 0, reset: Math.floor(Date.now() / 1000), dateMs: Date.now() });
  tracker.release('b');
  const started = Date.now();
  await tracker.acquire('b');
  const waited = Date.now() - started;
  assert.ok(waited >= 900 && waited < 4000, `waited ${waited} ms`);
});

test('tracker: after a 429 (exhaust) the bucket waits; the new window is assumed full (limit), no more', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('b');
  tracker.update('b', { limit: 3, remaining: 2, reset: inAMinute() });
  tracker.release('b');
  tracker.exhaust('b', Date.now() + 60);
  const started = Date.now();
  await Promise.all([tracker.acquire('b'), tracker.acquire('b'), tracker.acquire('b')]);
  assert.ok(Date.now() - started >= 50);
  assert.equal(await settlesWithin(tracker.acquire('b'), 30), false, 'the fourth waits for news');
});

test('tracker: a concurrent-limit answer (0/0) holds the bucket until its estimated reset, then probes', async () => {
  const tracker = new RateLimitTracker();
  await tracker.acquire('c');
  tracker.update('c', { limit: 0, remaining: 0, reset: Math.floor(Date.now() / 1000) - 5, dateMs: Date.now() });
  tracker.release('c');
  const started = Date.now();
  await tracker.acquire('c'); // reset in the past: waits only the skew
  const waited = Date.now() - started;
  assert.ok(waited >= 900 && waited < 4000, `waited ${waited} ms`);
});

test('reset waits are bounded: a far-future reset or a skewed Date never holds a bucket longer than MAX_RESET_DELAY_MS', () => {
  const now = Date.now();
  const nowS = Math.floor(now / 1000);
  assert.equal(rateLimitResetDelayMs({ reset: nowS + 86_400, dateMs: nowS * 1000 }, now), MAX_RESET_DELAY_MS);
  assert.equal(rateLimitResetDelayMs({ reset: nowS + 10, dateMs: (nowS - 86_400) * 1000 }, now), MAX_RESET_DELAY_MS);
  assert.equal(rateLimitResetDelayMs({ reset: nowS + 10, dateMs: nowS * 1000 }, now), 11_000);
  const tracker = new RateLimitTracker(() => now);
  const status = tracker.update('b', { limit: 600, remaining: 0, reset: nowS + 86_400, dateMs: nowS * 1000 });
  assert.equal(status?.resetAt.getTime(), now + MAX_RESET_DELAY_MS);
});

test('waitText says how long, not a clock time', () => {
  assert.equal(waitText(400), 'in 1 s');
  assert.equal(waitText(42_000), 'in 42 s');
  assert.equal(waitText(89_000), 'in 89 s');
  assert.equal(waitText(170_000), 'in about 3 min');
  assert.equal(waitText(2 * 3600_000), 'in about 2 h');
});
