// The simulator's rate-limit windows as a client sees them: a window opens at the whole second of
// its first request, X-Rate-Limit-Reset is its true end (not rounded up), and the next window opens
// only with the next request after it ended. Request ids stay unique and of Okta's shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestId } from '../../sim/ids';
import { RateLimiter } from '../../sim/rateLimits';

const SECOND = 1_000;

test('a window opens at the whole second of its first request and reports its true end', () => {
  const limiter = new RateLimiter({ usersPerMinute: 2, windowSeconds: 2 });
  const first = limiter.consume('users', 1_000_000 * SECOND + 700);
  assert.deepEqual(first, { limit: 2, remaining: 1, resetEpochSeconds: 1_000_002, exceeded: false });
  assert.equal(limiter.consume('users', 1_000_001 * SECOND + 999).remaining, 0);
  const over = limiter.consume('users', 1_000_001 * SECOND + 999);
  assert.deepEqual(over, { limit: 2, remaining: 0, resetEpochSeconds: 1_000_002, exceeded: true });
  // At the reported reset the window is over: the reset is not a second late.
  const next = limiter.consume('users', 1_000_002 * SECOND);
  assert.deepEqual(next, { limit: 2, remaining: 1, resetEpochSeconds: 1_000_004, exceeded: false });
});

test('an idle bucket opens its next window with the next request, not on a wall-clock boundary', () => {
  const limiter = new RateLimiter({ usersPerMinute: 5, windowSeconds: 60 });
  limiter.consume('users', 1_000_000 * SECOND);
  const later = limiter.consume('users', 1_000_075 * SECOND + 300);
  assert.equal(later.resetEpochSeconds, 1_000_135);
  assert.equal(later.remaining, 4);
  // peek shows a fresh window the same way, without opening it.
  assert.equal(limiter.peek('verify', 1_000_200 * SECOND + 10).resetEpochSeconds, 1_000_260);
});

test('request ids: 27 URL-safe characters, unique over many', () => {
  const ids = Array.from({ length: 20_000 }, () => requestId());
  for (const id of ids.slice(0, 100)) assert.match(id, /^[A-Za-z0-9_-]{27}$/);
  assert.equal(new Set(ids).size, ids.length);
});
