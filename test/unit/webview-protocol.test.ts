import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnrollMessage, type EnrollForm } from '../../src/panels/enroll/protocol';
import { parseVerifyMessage } from '../../src/panels/verify/protocol';

const form: EnrollForm = {
  factorKey: 'sms/OKTA', question: '', answer: '', phoneNumber: '+1-555-415-1337', phoneExtension: '', email: '',
  credentialId: '', passCode: '', nextPassCode: '', factorProfileId: '', sharedSecret: '', sharedSecretEncoding: '', activate: false,
  updatePhone: false, templateId: '', tokenLifetimeSeconds: '', acceptLanguage: '',
};
const headers = { xForwardedFor: '', userAgent: 'test-agent', acceptLanguage: 'fr' };

test('enroll: accepts each well-formed message type', () => {
  for (const message of [
    { type: 'ready' },
    { type: 'enroll', requestId: 1, form },
    { type: 'activate', requestId: 2, passCode: '123456' },
    { type: 'activateWithAuthenticator', requestId: 3 },
    { type: 'resend', requestId: 4 },
    { type: 'restartPushActivation', requestId: 5 },
    { type: 'openActivationLink' },
    { type: 'enrollAnother' },
  ]) {
    const parsed = parseEnrollMessage(message);
    assert.equal(parsed.ok, true, JSON.stringify(message));
    assert.deepEqual(parsed.ok && parsed.message, message);
  }
});

test('enroll: rejects unknown types and non-objects with a reason', () => {
  assert.deepEqual(parseEnrollMessage({ type: 'deleteEverything' }), { ok: false, reason: 'unknown message type "deleteEverything"' });
  assert.equal(parseEnrollMessage(null).ok, false);
  assert.equal(parseEnrollMessage('ready').ok, false);
  assert.equal(parseEnrollMessage([{ type: 'ready' }]).ok, false);
  assert.equal(parseEnrollMessage({ kind: 'ready' }).ok, false);
});

test('enroll: rejects ids the webview must not choose and extra or mistyped fields', () => {
  // The panel knows its org/user; a message naming them is malformed, not obeyed.
  assert.equal(parseEnrollMessage({ type: 'enroll', requestId: 1, form, userId: '00u1' }).ok, false);
  assert.equal(parseEnrollMessage({ type: 'enroll', requestId: 1, form: { ...form, orgId: 'x' } }).ok, false);
  assert.equal(parseEnrollMessage({ type: 'enroll', requestId: 1, form: { ...form, activate: 'true' } }).ok, false);
  const { email: _email, ...missingEmail } = form;
  assert.equal(parseEnrollMessage({ type: 'enroll', requestId: 1, form: missingEmail }).ok, false);
  assert.equal(parseEnrollMessage({ type: 'activate', requestId: 1, passCode: 123456 }).ok, false);
  assert.equal(parseEnrollMessage({ type: 'activate', requestId: 1, passCode: 'x'.repeat(201) }).ok, false);
  assert.equal(parseEnrollMessage({ type: 'ready', extra: 1 }).ok, false);
});

test('request ids must be positive safe integers', () => {
  for (const requestId of [0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER + 1, undefined]) {
    assert.equal(parseEnrollMessage({ type: 'resend', requestId }).ok, false, String(requestId));
  }
  assert.equal(parseEnrollMessage({ type: 'resend', requestId: 7 }).ok, true);
});

test('verify: accepts each well-formed message type, passCode and answer optional', () => {
  for (const message of [
    { type: 'ready' },
    { type: 'sendChallenge', requestId: 1, headers, challenge: { templateId: '', tokenLifetimeSeconds: '' } },
    { type: 'verify', requestId: 7, passCode: '123456', nextPassCode: '654321', headers },
    { type: 'verify', requestId: 2, passCode: '123456', headers },
    { type: 'verify', requestId: 3, answer: 'mayonnaise', headers },
    { type: 'sendPush', requestId: 4, headers },
    { type: 'cancelPush', requestId: 5 },
    { type: 'builtInCode', requestId: 6 },
  ]) {
    assert.equal(parseVerifyMessage(message).ok, true, JSON.stringify(message));
  }
});

test('verify: rejects malformed headers and enroll-only messages', () => {
  assert.equal(parseVerifyMessage({ type: 'sendPush', requestId: 1 }).ok, false);
  assert.equal(parseVerifyMessage({ type: 'sendChallenge', requestId: 1, headers }).ok, false, 'challenge options are required');
  assert.equal(parseVerifyMessage({ type: 'sendChallenge', requestId: 1, headers, challenge: { templateId: '', tokenLifetimeSeconds: 300 } }).ok, false);
  assert.equal(parseVerifyMessage({ type: 'sendPush', requestId: 1, headers: { ...headers, Authorization: 'x' } }).ok, false);
  assert.equal(parseVerifyMessage({ type: 'verify', requestId: 1, passCode: 5, headers }).ok, false);
  assert.equal(parseVerifyMessage({ type: 'resend', requestId: 1 }).ok, false);
  assert.match((parseVerifyMessage({ type: 'verify', requestId: 1 }) as { reason: string }).reason, /malformed "verify"/);
});

test('extra keys named after Object.prototype members are extra keys too', () => {
  for (const key of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__']) {
    const message: unknown = JSON.parse(`{"type":"resend","requestId":1,${JSON.stringify(key)}:"x"}`);
    assert.equal(parseEnrollMessage(message).ok, false, key);
    assert.equal(parseEnrollMessage({ type: 'enroll', requestId: 1, form: JSON.parse(JSON.stringify({ ...form, [key]: 'x' })) as unknown }).ok, false, `form.${key}`);
  }
});

test('a rejected type reaches the log without CR/LF or other control characters', () => {
  const parsed = parseEnrollMessage({ type: 'x\r\n[error] forged line\u2028' });
  assert.equal(parsed.ok, false);
  assert.ok(!parsed.ok && !/[\r\n\u2028]/.test(parsed.reason), !parsed.ok ? parsed.reason : '');
});
