// The throttle's rules, on a mocked clock: the server clock's offset from Date, windows recognised
// by their reset, one probe per new window, resets converted at the offset's lower bound with a
// small guard that doubles on a 429 from a window believed over, and "too long" judged against the
// earliest possible reset.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { MAX_RESET_DELAY_MS, RateLimitWaitTooLong } from '../../src/okta/http/rateLimits';
import { MIN_RESET_GUARD_MS, RateLimitTracker, type RateLimitTicket } from '../../src/okta/http/rateLimitTracker';
import { ServerClock } from '../../src/okta/http/serverClock';

const T0 = 1_800_000_000_000; // a whole second, local clock

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: T0 }));
afterEach(() => mock.timers.reset());

/** True if the promise has settled once pending callbacks ran (setImmediate is not mocked). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

function tracker(): RateLimitTracker {
  return new RateLimitTracker(() => Date.now());
}

/** Answers a ticket the way a server whose clock is `skewMs` ahead of ours would, now. */
function answer(t: RateLimitTracker, ticket: RateLimitTicket, h: { limit: number; remaining: number; resetS: number; status?: number }, skewMs = 0) {
  const dateMs = Math.floor((Date.now() + skewMs) / 1000) * 1000;
  return t.finish(ticket, { status: h.status ?? 200, headers: { limit: h.limit, remaining: h.remaining, reset: h.resetS, dateMs } });
}

const seconds = (localMs: number, skewMs = 0) => Math.floor((localMs + skewMs) / 1000);

test('server clock: each Date bounds the offset to [Date - received, Date + 1 s - sent]; bounds intersect', () => {
  const clock = new ServerClock();
  assert.deepEqual(clock.offset(), { low: 0, high: 0 }, 'no Date yet: the local clock');
  clock.observe(10_000, 9_400, 9_500); // stamped between 9.4 and 9.5 s local, server said 10 s
  assert.deepEqual(clock.offset(), { low: 500, high: 1_600 });
  clock.observe(11_000, 10_150, 10_200);
  assert.deepEqual(clock.offset(), { low: 800, high: 1_600 });
  clock.observe(12_000, 10_500, 10_550); // a Date stamped later in its second narrows the top
  assert.deepEqual(clock.offset(), { low: 1_450, high: 1_600 });
});

test('server clock: an answer no offset fits (a clock was set) starts the estimate again', () => {
  const clock = new ServerClock();
  clock.observe(10_000, 9_400, 9_500);
  clock.observe(100_000, 9_600, 9_700);
  assert.deepEqual(clock.offset(), { low: 90_300, high: 91_400 });
});

test('probe: first contact sends one request alone; its answer releases what the server says is left', async () => {
  const t = tracker();
  const probe = await t.acquire('b');
  assert.equal(probe.probe, true);
  const waiting = [t.acquire('b'), t.acquire('b'), t.acquire('b')];
  assert.equal(await settled(Promise.race(waiting)), false, 'the others wait for the probe');
  assert.equal(await settled(t.acquire('other')), true, 'other buckets are not held back');
  const status = answer(t, probe, { limit: 10, remaining: 2, resetS: seconds(T0) + 60 });
  assert.deepEqual({ limit: status?.limit, remaining: status?.remaining, bucket: status?.bucket }, { limit: 10, remaining: 2, bucket: 'b' });
  const [first, second, third] = await Promise.all(waiting.map(settled));
  assert.deepEqual([first, second, third], [true, true, false], 'two left: two go, the third waits');
});

test('probe: one that fails without an answer lets the next request probe', async () => {
  const t = tracker();
  const probe = await t.acquire('b');
  const next = t.acquire('b');
  t.finish(probe); // e.g. connection refused
  assert.equal(await settled(next), true);
  assert.equal((await next).probe, true);
});

test('a bucket whose answers carry no rate-limit headers is not throttled', async () => {
  const t = tracker();
  t.finish(await t.acquire('b'), { status: 200, headers: {} });
  assert.equal(await settled(Promise.all([t.acquire('b'), t.acquire('b'), t.acquire('b')])), true);
});

test('windows by reset: the same reset counts others beyond ours; an earlier one is a late answer, ignored', async () => {
  const t = tracker();
  const resetS = seconds(T0) + 30;
  answer(t, await t.acquire('b'), { limit: 6, remaining: 5, resetS });
  const mine = [await t.acquire('b'), await t.acquire('b')];
  // The server had counted 5 when it answered: at most 3 are ours, so 2 are someone else's; 1 left.
  answer(t, mine[0], { limit: 6, remaining: 1, resetS });
  assert.equal(await settled(t.acquire('b')), true);
  const over = t.acquire('b');
  assert.equal(await settled(over), false);
  answer(t, mine[1], { limit: 6, remaining: 5, resetS: resetS - 60 });
  assert.equal(await settled(over), false, 'a late answer from an earlier window frees nothing');
});

test('windows by reset: a later reset is a new window; ours in flight may count there too', async () => {
  const t = tracker();
  const resetS = seconds(T0) + 2;
  answer(t, await t.acquire('b'), { limit: 3, remaining: 2, resetS });
  const [early, late] = [await t.acquire('b'), await t.acquire('b')];
  // `late` reached the server after its window ended: its answer is the first of the next window.
  answer(t, late, { limit: 3, remaining: 2, resetS: resetS + 2 });
  assert.equal(t.resetEstimate('b')?.earliestMs, (resetS + 2) * 1000 - t.clock.offset().high);
  // 3 - late - early (still in flight, it may land in this window too) = 1 left.
  assert.equal(await settled(t.acquire('b')), true);
  assert.equal(await settled(t.acquire('b')), false);
  t.finish(early);
});

test('a spent bucket waits until the reset converted at the offset\'s lower bound plus the guard, then probes once', async () => {
  const skew = 3_000; // the server is 3 s ahead
  const t = tracker();
  const first = await t.acquire('b');
  mock.timers.tick(400); // the answer takes 400 ms: the server stamped its Date somewhere in there
  const resetS = seconds(Date.now(), skew) + 2;
  answer(t, first, { limit: 1, remaining: 0, resetS }, skew);
  const { low, high } = t.clock.offset();
  assert.ok(low <= skew && skew <= high, `offset ${low}..${high}`);
  const expected = resetS * 1000 - low + MIN_RESET_GUARD_MS;
  assert.deepEqual(t.resetEstimate('b'), { earliestMs: resetS * 1000 - high, latestMs: expected });
  const a = t.acquire('b');
  const b = t.acquire('b');
  mock.timers.tick(expected - Date.now() - 1);
  assert.equal(await settled(a), false, 'not before the converted reset');
  mock.timers.tick(1);
  assert.equal(await settled(a), true);
  assert.equal((await a).probe, true);
  assert.equal(await settled(b), false, 'the probe goes alone');
});

test('a probe that earns a 429 from the window believed over doubles the guard', async () => {
  const t = tracker();
  const resetS = seconds(T0) + 1;
  answer(t, await t.acquire('b'), { limit: 1, remaining: 0, resetS });
  const firstDeadline = t.resetEstimate('b')!.latestMs;
  mock.timers.tick(firstDeadline - Date.now());
  const probe = await t.acquire('b');
  assert.equal(probe.probe, true);
  answer(t, probe, { limit: 1, remaining: 0, resetS, status: 429 }); // still the old window
  const retry = t.acquire('b');
  assert.equal(await settled(retry), false, 'waits again, at least the doubled guard');
  mock.timers.tick(2 * MIN_RESET_GUARD_MS - 1);
  assert.equal(await settled(retry), false);
  mock.timers.tick(1);
  assert.equal(await settled(retry), true);
  // The doubled guard stays for later windows.
  answer(t, await retry, { limit: 1, remaining: 0, resetS: resetS + 1 });
  assert.equal(t.resetEstimate('b')!.latestMs, (resetS + 1) * 1000 - t.clock.offset().low + 2 * MIN_RESET_GUARD_MS);
});

test('too long is judged against the earliest possible reset; the error names the believed one', async () => {
  const t = tracker();
  const first = await t.acquire('b');
  mock.timers.tick(900); // one slow answer: the offset is known to within 1.9 s
  const resetS = seconds(Date.now()) + 3;
  answer(t, first, { limit: 1, remaining: 0, resetS });
  const { earliestMs, latestMs } = t.resetEstimate('b')!;
  assert.ok(latestMs - earliestMs > 1_500);
  // Waiting is allowed when the earliest reset is within reach, even if the believed one is not.
  const patient = t.acquire('b', undefined, earliestMs - Date.now());
  assert.equal(await settled(patient), false, 'waits, no error');
  await assert.rejects(t.acquire('b', undefined, earliestMs - Date.now() - 1), (error: unknown) =>
    error instanceof RateLimitWaitTooLong && error.resetAtMs === latestMs);
  mock.timers.tick(latestMs - Date.now());
  assert.equal(await settled(patient), true);
});

test('no reset is believed further than MAX_RESET_DELAY_MS, whatever the headers say', async () => {
  const t = tracker();
  const status = answer(t, await t.acquire('b'), { limit: 600, remaining: 0, resetS: seconds(T0) + 86_400 });
  assert.equal(status?.resetAt.getTime(), T0 + MAX_RESET_DELAY_MS);
  await assert.rejects(t.acquire('b', undefined, MAX_RESET_DELAY_MS - 1), RateLimitWaitTooLong);
  const waiting = t.acquire('b');
  mock.timers.tick(MAX_RESET_DELAY_MS);
  assert.equal(await settled(waiting), true);
  assert.equal((await waiting).probe, true);
});

test('a concurrent-limit answer (0/0) holds the bucket until its estimated reset, then probes', async () => {
  const t = tracker();
  answer(t, await t.acquire('c'), { limit: 10, remaining: 9, resetS: seconds(T0) + 60 });
  const mine = await t.acquire('c');
  answer(t, mine, { limit: 0, remaining: 0, resetS: seconds(T0) + 60 });
  const waiting = t.acquire('c');
  assert.equal(await settled(waiting), false, 'quota left, but the concurrent limit holds it');
  mock.timers.tick(60_000 + MIN_RESET_GUARD_MS);
  assert.equal(await settled(waiting), true);
  assert.equal((await waiting).probe, true);
});

test('a cancelled wait rejects at once', async () => {
  const t = tracker();
  answer(t, await t.acquire('b'), { limit: 1, remaining: 0, resetS: seconds(T0) + 30 });
  const controller = new AbortController();
  const waiting = t.acquire('b', controller.signal);
  controller.abort();
  await assert.rejects(waiting, /cancelled/);
});
