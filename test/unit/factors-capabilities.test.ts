import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canActivate, canResend, canVerify, hasPushTransactions, hasRecoveryPhone, isDeletable,
} from '../../src/factors/capabilities';
import { activeSms, googleTotp, push, question, sms } from './factorFixtures';

test('activate fits pending passcode factors and push only', () => {
  assert.equal(canActivate(sms), true);
  assert.equal(canActivate(push), true);
  assert.equal(canActivate(googleTotp), true);
  assert.equal(canActivate(activeSms), false);
  assert.equal(canActivate({ ...question, status: 'PENDING_ACTIVATION' }), false);
});

test('resend fits pending sms/call/email only', () => {
  assert.equal(canResend(sms), true);
  assert.equal(canResend(activeSms), false);
  assert.equal(canResend(googleTotp), false);
});

test('verify fits active factors; push transactions active push only', () => {
  assert.equal(canVerify(activeSms), true);
  assert.equal(canVerify(sms), false);
  assert.equal(hasPushTransactions({ ...push, status: 'ACTIVE' }), true);
  assert.equal(hasPushTransactions(push), false);
});

test('deletable follows the self link hints, recovery phone only for sms/call', () => {
  assert.equal(isDeletable(sms), false);
  assert.equal(isDeletable(activeSms), true);
  assert.equal(isDeletable(push), false);
  assert.equal(hasRecoveryPhone(sms), true);
  assert.equal(hasRecoveryPhone(question), false);
});
