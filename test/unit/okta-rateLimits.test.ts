import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backoffDelayMs, rateLimitBucket, rateLimitResetDelayMs, RateLimitTracker, readRateLimitHeaders, RESET_SKEW_MS,
} from '../../src/okta/rateLimits';

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

test('tracker: takes one unit per request and waits for the reset when the bucket is spent', async () => {
  const tracker = new RateLimitTracker();
  const bucket = '/api/v1/users';
  assert.equal(await tracker.acquire(bucket), 0); // unknown bucket: no wait
  const resetEpoch = Math.ceil(Date.now() / 1000);
  const status = tracker.update(bucket, { limit: 10, remaining: 1, reset: resetEpoch, dateMs: Date.now() });
  tracker.release(bucket);
  assert.equal(status?.limit, 10);
  assert.equal(status?.remaining, 1);
  assert.equal(status?.bucket, bucket);
  assert.equal(await tracker.acquire(bucket), 0); // the one unit left
  tracker.release(bucket);
  const started = Date.now();
  await tracker.acquire(bucket); // spent: waits until reset (+ skew)
  tracker.release(bucket);
  assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms`);
  // Other buckets are not held back.
  assert.equal(await tracker.acquire('/api/v1/users/{id}'), 0);
});

test('tracker: requests still in flight count against what the server reported', async () => {
  const tracker = new RateLimitTracker();
  const bucket = 'b';
  await Promise.all([tracker.acquire(bucket), tracker.acquire(bucket), tracker.acquire(bucket)]);
  // First answer: 3 left at the server, but two more of ours are still on the wire -> 1 usable.
  tracker.update(bucket, { limit: 5, remaining: 3, reset: Math.floor(Date.now() / 1000) + 60 });
  tracker.release(bucket);
  assert.equal(await tracker.acquire(bucket), 0);
  const controller = new AbortController();
  const waiting = tracker.acquire(bucket, controller.signal);
  controller.abort();
  await assert.rejects(waiting, /cancelled/);
});

test('tracker: exhaust() after a 429 holds the bucket until the reset; concurrent-limit 0/0 too', async () => {
  const tracker = new RateLimitTracker();
  tracker.exhaust('b', Date.now() + 300);
  const started = Date.now();
  await tracker.acquire('b');
  assert.ok(Date.now() - started >= 250);
  tracker.release('b');
  tracker.update('c', { limit: 0, remaining: 0, reset: Math.floor(Date.now() / 1000) - 5, dateMs: Date.now() });
  const t2 = Date.now();
  await tracker.acquire('c'); // reset in the past: waits only the skew
  assert.ok(Date.now() - t2 >= 900 && Date.now() - t2 < 2000);
});

test('tracker: when an exhausted window ends, one request probes and the rest wait for its answer', async () => {
  const tracker = new RateLimitTracker();
  const bucket = 'b';
  tracker.exhaust(bucket, Date.now() + 50);
  const admitted: number[] = [];
  const all = [0, 1, 2].map((i) => tracker.acquire(bucket).then(() => admitted.push(i)));
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(admitted.length, 1, 'only the probe went out');
  // The probe's answer: a fresh window with plenty left lets the others go at once.
  tracker.update(bucket, { limit: 10, remaining: 9, reset: Math.floor(Date.now() / 1000) + 60 });
  tracker.release(bucket);
  await Promise.all(all);
  assert.equal(admitted.length, 3);
});
