import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastPushTransaction, recordPushTransaction } from '../../src/presentation/pushTransactions';

test('the last push transaction is kept per factor, newest wins', () => {
  assert.equal(lastPushTransaction('org', 'u1', 'f1'), undefined);
  recordPushTransaction('org', 'u1', 'f1', 'tx1');
  recordPushTransaction('org', 'u1', 'f1', 'tx2');
  recordPushTransaction('org', 'u2', 'f1', 'tx3');
  assert.equal(lastPushTransaction('org', 'u1', 'f1')?.transactionId, 'tx2');
  assert.equal(lastPushTransaction('org', 'u2', 'f1')?.transactionId, 'tx3');
  assert.equal(lastPushTransaction('other', 'u1', 'f1'), undefined);
  assert.ok(lastPushTransaction('org', 'u1', 'f1')!.startedAt instanceof Date);
});
