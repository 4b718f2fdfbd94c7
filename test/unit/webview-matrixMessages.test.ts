// The Factor Matrix panel's incoming messages: exact shapes only (ids as short strings, lists
// bounded, actions and formats from their fixed sets).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VIEW } from '../../src/factors/factorMatrix';
import { parseMatrixMessage } from '../../src/panels/matrix/protocol';

const ok = (raw: unknown) => parseMatrixMessage(raw).ok;

test('well-formed matrix messages pass', () => {
  assert.ok(ok({ type: 'ready' }));
  assert.ok(ok({ type: 'cancelLoad', requestId: 1 }));
  assert.ok(ok({ type: 'factorAction', requestId: 2, action: 'verify', userId: '00u1', factorId: 'sms1' }));
  assert.ok(ok({ type: 'bulk', requestId: 3, action: 'resetFactors', userIds: ['00u1'], factors: [] }));
  assert.ok(ok({ type: 'bulk', requestId: 4, action: 'unenrollFactors', userIds: [], factors: [{ userId: '00u1', factorId: 'f1' }] }));
  assert.ok(ok({ type: 'export', requestId: 5, format: 'csv', view: DEFAULT_VIEW }));
});

test('anything else is refused', () => {
  assert.ok(!ok({ type: 'factorAction', requestId: 2, action: 'deleteOrg', userId: '00u1', factorId: 'f' }));
  assert.ok(!ok({ type: 'factorAction', requestId: 2, action: 'verify', userId: 'x'.repeat(101), factorId: 'f' }));
  assert.ok(!ok({ type: 'bulk', requestId: 3, action: 'resetFactors', userIds: 'all', factors: [] }));
  assert.ok(!ok({ type: 'bulk', requestId: 3, action: 'resetFactors', userIds: [1], factors: [] }));
  assert.ok(!ok({ type: 'bulk', requestId: 3, action: 'unenrollFactors', userIds: [], factors: [{ userId: 'u', factorId: 'f', orgId: 'o' }] }));
  assert.ok(!ok({ type: 'export', requestId: 5, format: 'xlsx', view: DEFAULT_VIEW }));
  assert.ok(!ok({ type: 'export', requestId: 5, format: 'csv', view: { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, has: 'sms' } } }));
  assert.ok(!ok({ type: 'export', requestId: 5, format: 'csv', view: { filter: DEFAULT_VIEW.filter } }));
  assert.ok(!ok({ type: 'reload', mode: 'full' }), 'a request needs its id');
  assert.ok(!ok({ type: 'reload', requestId: 1, mode: 'everything' }), 'a mode the host knows');
  assert.ok(ok({ type: 'reload', requestId: 1, mode: 'changes' }));
});
