import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs, rateLimitBucket, readRateLimitHeaders } from '../../src/okta/http/rateLimits';
import { waitText } from '../../src/util/waitText';

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

test('buckets: the System Log has its own, whatever the query or the next link\'s cursor', () => {
  assert.equal(rateLimitBucket('GET', '/api/v1/logs'), '/api/v1/logs');
  assert.equal(rateLimitBucket('GET', '/api/v1/logs?since=2026-01-01T00%3A00%3A00Z&filter=eventType%20sw%20%22user.%22'), '/api/v1/logs');
  assert.equal(rateLimitBucket('GET', '/api/v1/logs?after=cDoxMjM6NA&limit=1000'), '/api/v1/logs');
  assert.notEqual(rateLimitBucket('GET', '/api/v1/logs'), rateLimitBucket('GET', '/api/v1/users'));
  assert.equal(rateLimitBucket('GET', '/api/v1/logstreams'), '/api/v1/logstreams', 'only the log itself');
});

test('headers: integers only, duplicated (comma-joined) values ignored, Date parsed', () => {
  const h = readRateLimitHeaders({
    'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1757607758', date: 'Thu, 11 Sep 2025 16:21:50 GMT',
  });
  assert.deepEqual(h, { limit: 600, remaining: 0, reset: 1757607758, dateMs: Date.UTC(2025, 8, 11, 16, 21, 50) });
  assert.deepEqual(readRateLimitHeaders({ 'x-rate-limit-reset': '1757607758, 1757607760', date: 'garbage' }),
    { limit: undefined, remaining: undefined, reset: undefined, dateMs: undefined });
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

test('waitText says how long, not a clock time', () => {
  assert.equal(waitText(400), 'in 1 s');
  assert.equal(waitText(42_000), 'in 42 s');
  assert.equal(waitText(89_000), 'in 89 s');
  assert.equal(waitText(170_000), 'in about 3 min');
  assert.equal(waitText(2 * 3600_000), 'in about 2 h');
});
