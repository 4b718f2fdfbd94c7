// The MFA Activity panel's incoming messages: ready, refresh and loadOlder with their request id,
// nothing more. The webview never names an org, a user or a log link: those stay on the host.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseActivityMessage } from '../../src/panels/activity/protocol';

const ok = (raw: unknown) => parseActivityMessage(raw).ok;

test('well-formed activity messages pass, as sent', () => {
  for (const message of [{ type: 'ready' }, { type: 'refresh', requestId: 1 }, { type: 'loadOlder', requestId: 2 }]) {
    const parsed = parseActivityMessage(message);
    assert.deepEqual(parsed, { ok: true, message });
  }
});

test('anything else is refused, with a reason that never echoes the payload', () => {
  assert.ok(!ok({ type: 'refresh' }), 'a request needs its id');
  assert.ok(!ok({ type: 'loadOlder', requestId: 0 }));
  assert.ok(!ok({ type: 'loadOlder', requestId: '2' }));
  assert.ok(!ok({ type: 'loadOlder', requestId: 2, next: 'https://evil.example.com/api/v1/logs' }), 'the link is the host\'s, never the webview\'s');
  assert.ok(!ok({ type: 'refresh', requestId: 1, userId: '00u1' }));
  assert.ok(!ok({ type: 'ready', orgId: 'o' }));
  assert.ok(!ok(null));
  assert.ok(!ok([{ type: 'ready' }]));
  assert.deepEqual(parseActivityMessage({ type: 'deleteLog\r\nforged' }), { ok: false, reason: 'unknown message type "deleteLog??forged"' });
});
