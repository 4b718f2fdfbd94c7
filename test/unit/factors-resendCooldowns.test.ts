import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESEND_COOLDOWN_SECONDS, ResendCooldowns } from '../../src/factors/resendCooldowns';

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

test('Okta\'s documented send intervals: 30 s for phones, 5 s for email', () => {
  assert.deepEqual(RESEND_COOLDOWN_SECONDS, { sms: 30, call: 30, email: 5 });
});

test('a factor with no resend may resend now', () => {
  assert.equal(new ResendCooldowns().remainingSeconds('a'), 0);
});

test('the cooldown counts down in whole seconds and ends', () => {
  const c = clock();
  const cooldowns = new ResendCooldowns(c.now);
  cooldowns.start('a', 30);
  assert.equal(cooldowns.remainingSeconds('a'), 30);
  c.advance(12_500);
  assert.equal(cooldowns.remainingSeconds('a'), 18);
  c.advance(17_499);
  assert.equal(cooldowns.remainingSeconds('a'), 1);
  c.advance(1);
  assert.equal(cooldowns.remainingSeconds('a'), 0);
});

test('cooldowns are tracked per factor', () => {
  const c = clock();
  const cooldowns = new ResendCooldowns(c.now);
  cooldowns.start('a', 30);
  assert.equal(cooldowns.remainingSeconds('b'), 0);
});

test('a longer server-requested wait extends but a shorter one never shortens', () => {
  const c = clock();
  const cooldowns = new ResendCooldowns(c.now);
  cooldowns.start('a', 30);
  cooldowns.start('a', 5);
  assert.equal(cooldowns.remainingSeconds('a'), 30);
  cooldowns.start('a', 60);
  assert.equal(cooldowns.remainingSeconds('a'), 60);
});
