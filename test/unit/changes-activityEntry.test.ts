// A System Log event as the MFA activity lists it, for each event type the activity asks for, with
// events shaped like the contract's LogEvent and the recorded ones of the facts doc (§2): the words,
// the factor (from the reason, debugData.factor, the send's own type, the enrollment target), the
// outcome and reason, the client and the actor; an unknown type still reads; nothing of debugContext
// but the factor's name is taken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activityEntry } from '../../src/changes/activityEntry';
import { factorLabelOfLogName, factorNameInReason } from '../../src/changes/logFactorNames';
import type { LogEvent } from '../../src/okta/models';

const USER = { id: '00u1abcdEFGH2345ijkl', type: 'User', alternateId: 'alice@example.com', displayName: 'Alice Example', detailEntry: null };
const ADMIN = { id: '00uadmin000000000001', type: 'User', alternateId: 'admin@example.com', displayName: 'Org Admin', detailEntry: null };

/** An event as Okta sends it: the contract's fields, nulls where recorded events have them. */
function event(eventType: string, fields: Partial<LogEvent> = {}): LogEvent {
  return {
    uuid: 'dc9fd3c0-598c-11ef-8478-2b7584bf8d5a',
    published: '2026-12-07T20:52:48.353Z',
    eventType,
    displayMessage: 'Okta said it',
    severity: 'INFO',
    actor: ADMIN,
    client: {
      userAgent: { rawUserAgent: 'okta-factors/0.1.0 node/22.12.0', os: 'Unknown', browser: 'UNKNOWN' },
      ipAddress: '127.0.0.1',
      id: null,
    },
    outcome: { result: 'SUCCESS', reason: null },
    target: [USER],
    transaction: { type: 'WEB', id: 'WcKPxq1f8QLfFvv3UPHhhgAACGM', detail: {} },
    debugContext: { debugData: { requestId: 'ab609228fe84ce59cdcbfa690bcce016', requestUri: '/api/v1/users/00u1/factors/f1/verify' } },
    ...fields,
  };
}

const enrollment = (displayName: string) => ({ id: 'pfdfdhyjf0HMbkP2e1d7', type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName, detailEntry: null });

test('factor lifecycle: the factor from the reason ("User set up SMS_FACTOR factor"), which is then no reason to show', () => {
  const activated = activityEntry(event('user.mfa.factor.activate', { outcome: { result: 'SUCCESS', reason: 'User set up GOOGLE_OTP factor' } }));
  assert.equal(activated.what, 'Google Authenticator activated');
  assert.equal(activated.factorLabel, 'Google Authenticator');
  assert.equal(activated.reason, undefined);
  assert.equal(activated.outcome, 'SUCCESS');
  assert.equal(activated.tone, 'success');

  const reset = activityEntry(event('user.mfa.factor.deactivate', { outcome: { result: 'SUCCESS', reason: 'User reset FIDO_WEBAUTHN factor' } }));
  assert.equal(reset.what, 'Passkey unenrolled');
  assert.equal(activityEntry(event('user.mfa.factor.activate', { outcome: { result: 'SUCCESS', reason: 'User set up EMAIL_FACTOR factor' } })).what, 'Email activated');
  assert.equal(activityEntry(event('user.mfa.factor.reset_all')).what, 'All factors reset');
  assert.equal(activityEntry(event('user.mfa.factor.update', { outcome: { result: 'SUCCESS', reason: 'User updated SMS_FACTOR factor' } })).what, 'SMS updated');
  assert.equal(activityEntry(event('user.mfa.factor.suspend', { target: [USER, enrollment('Okta Verify')] })).what, 'Okta Verify suspended');
  assert.equal(activityEntry(event('user.mfa.factor.unsuspend')).what, 'A factor unsuspended', 'no factor named: still a sentence');
  assert.equal(activityEntry(event('user.mfa.factor.activate', { outcome: { result: 'FAILURE', reason: 'User set up SMS_FACTOR factor' } })).what, 'SMS activation failed');
});

test('verifications: verified or verify failed, with Okta\'s reason; the factor from debugData.factor, else the enrollment target', () => {
  const failed = activityEntry(event('user.authentication.auth_via_mfa', {
    outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' },
    target: [USER, enrollment('Phone')],
    debugContext: { debugData: { factor: 'SMS_FACTOR', factorIntent: 'AUTHENTICATION', requestUri: '/api/v1/users/00u1/factors/f1/verify' } },
  }));
  assert.equal(failed.what, 'SMS verify failed');
  assert.equal(failed.outcome, 'FAILURE');
  assert.equal(failed.tone, 'failure');
  assert.equal(failed.reason, 'INVALID_CREDENTIALS');
  assert.equal(failed.factorLabel, 'SMS');

  // A recorded Identity Engine event: no factor name in debugData, the enrollment target names it.
  const verified = activityEntry(event('user.authentication.auth_via_mfa', {
    actor: USER, target: [USER, enrollment('Okta Verify')], debugContext: { debugData: { requestId: 'x' } },
  }));
  assert.equal(verified.what, 'Okta Verify verified');
  assert.equal(verified.actor, 'Alice Example (alice@example.com)');

  const unnamed = activityEntry(event('user.authentication.auth_via_mfa', { outcome: { result: 'FAILURE', reason: 'VERIFICATION_ERROR' }, debugContext: undefined }));
  assert.equal(unnamed.what, 'MFA verify failed');
  assert.equal(unnamed.reason, 'VERIFICATION_ERROR');

  const challenged = activityEntry(event('user.authentication.auth_via_mfa', { outcome: { result: 'CHALLENGE' }, debugContext: { debugData: { factor: 'OKTA_VERIFY_PUSH' } } }));
  assert.equal(challenged.what, 'Okta Verify push: challenge');
  assert.equal(challenged.tone, 'other');
});

test('sends: the channel names the factor, whatever the enrollment target says', () => {
  const cases: Array<[string, string, string]> = [
    ['system.sms.send_factor_verify_message', 'SMS verification code sent', 'SMS'],
    ['system.voice.send_mfa_challenge_call', 'Verification call placed', 'Voice call'],
    ['system.email.send_factor_verify_message', 'Verification email sent', 'Email'],
    ['system.push.send_factor_verify_push', 'Okta Verify push sent', 'Okta Verify push'],
    ['system.sms.send_phone_verification_message', 'SMS enrollment code sent', 'SMS'],
    ['system.voice.send_phone_verification_call', 'Enrollment call placed', 'Voice call'],
  ];
  for (const [type, what, factor] of cases) {
    const entry = activityEntry(event(type, { target: [USER, enrollment('Phone')] }));
    assert.deepEqual([entry.what, entry.factorLabel], [what, factor], type);
  }
  assert.equal(activityEntry(event('system.sms.send_factor_verify_message', { outcome: { result: 'FAILURE', reason: 'Provider error' } })).what,
    'SMS verification code not sent');
});

test('Classic\'s push denial and a bypass attempt read as sentences', () => {
  const denied = activityEntry(event('user.mfa.okta_verify.deny_push', { outcome: { result: 'FAILURE' } }));
  assert.equal(denied.what, 'Okta Verify push denied by the user');
  assert.equal(denied.tone, 'failure');
  assert.equal(activityEntry(event('user.mfa.attempt_bypass', { outcome: { result: 'DENY' } })).what, 'MFA bypass attempt failed');
});

test('an unknown event type still reads: Okta\'s message, with the factor when it names one', () => {
  const unknown = activityEntry(event('user.mfa.factor.some_new_thing', { displayMessage: 'Something new happened to a factor', target: [USER, enrollment('YubiKey')] }));
  assert.equal(unknown.what, 'Something new happened to a factor (YubiKey)');
  assert.equal(unknown.eventType, 'user.mfa.factor.some_new_thing');
  assert.equal(activityEntry(event('security.something', { displayMessage: undefined, target: [USER] })).what, 'security.something');
  const bare = activityEntry({});
  assert.deepEqual(
    [bare.what, bare.outcome, bare.tone, bare.severity, bare.published, bare.client, bare.actor],
    ['Unnamed event', 'UNKNOWN', 'other', 'INFO', '', undefined, undefined],
  );
});

test('the client: browser and OS when Okta recognised them, else the User-Agent itself; the IP; the raw agent kept when cut', () => {
  const browser = activityEntry(event('user.authentication.auth_via_mfa', {
    client: {
      userAgent: { rawUserAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/127.0.0.0 Safari/537.36', os: 'Mac OS X', browser: 'CHROME' },
      ipAddress: '10.0.0.1',
    },
  }));
  assert.equal(browser.client, 'Chrome on Mac OS X · 10.0.0.1');
  assert.match(browser.userAgent ?? '', /HeadlessChrome/, 'the raw agent tells a headless test run apart');

  const sdk = activityEntry(event('user.mfa.factor.activate'));
  assert.equal(sdk.client, 'okta-factors/0.1.0 node/22.12.0 · 127.0.0.1');
  assert.equal(sdk.userAgent, undefined, 'the line already shows all of it');

  const none = activityEntry(event('user.mfa.factor.activate', { client: { userAgent: { rawUserAgent: 'UNKNOWN', os: 'Unknown', browser: 'UNKNOWN' }, ipAddress: null } }));
  assert.equal(none.client, undefined);
  assert.equal(activityEntry(event('user.mfa.factor.activate', { client: null })).client, undefined);
});

test('the actor: a person by name and login, a service app by its client id', () => {
  assert.equal(activityEntry(event('user.mfa.factor.activate')).actor, 'Org Admin (admin@example.com)');
  const app = activityEntry(event('user.mfa.factor.deactivate', {
    actor: { id: '0oa1serviceapp000001', type: 'PublicClientAppEntity', alternateId: '0oa1serviceapp000001', displayName: '0oa1serviceapp000001' },
  }));
  assert.equal(app.actor, 'Service app 0oa1serviceapp000001');
});

test('debugContext is never echoed: only a factor name is read from it', () => {
  const entry = activityEntry(event('user.authentication.auth_via_mfa', {
    debugContext: { debugData: { factor: 'not a factor name <b>', requestUri: '/api/v1/users/00u1/factors/f1/verify', secretish: 'abc' } },
  }));
  const json = JSON.stringify(entry);
  assert.ok(!json.includes('requestUri') && !json.includes('/api/v1') && !json.includes('secretish') && !json.includes('<b>'), json);
  assert.equal(entry.what, 'MFA verified', 'a value that is not a factor name names no factor');
});

test('Okta\'s factor names in plain words; unknown ones too', () => {
  assert.equal(factorLabelOfLogName('OKTA_SOFT_TOKEN'), 'Okta Verify TOTP');
  assert.equal(factorLabelOfLogName('SECURID_FACTOR'), 'RSA SecurID');
  assert.equal(factorLabelOfLogName('YUBIKEY_OTP_FACTOR'), 'YubiKey');
  assert.equal(factorLabelOfLogName('DUO_FACTOR'), 'Duo');
  assert.equal(factorLabelOfLogName('SOME_NEW_AUTHENTICATOR'), 'Some new authenticator');
  assert.equal(factorNameInReason('User set up SMS_FACTOR factor'), 'SMS_FACTOR');
  assert.equal(factorNameInReason('INVALID_CREDENTIALS'), undefined);
  assert.equal(factorNameInReason('Verification failed for factor'), undefined);
});
