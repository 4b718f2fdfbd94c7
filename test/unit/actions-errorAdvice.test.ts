import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adviseOnError } from '../../src/commands/errorAdvice';

/** Shaped like the client's OktaApiError: an Error with Okta's error fields. */
function oktaError(fields: { status: number; errorCode: string; errorSummary: string; errorCauses?: Array<{ errorSummary: string }>; resetAt?: Date }): Error {
  return Object.assign(new Error(`Okta HTTP ${fields.status} ${fields.errorCode} ${fields.errorSummary}`), { errorCauses: [], ...fields });
}

test('token rejected offers Update token and names the code', () => {
  const advice = adviseOnError('Activate', oktaError({ status: 401, errorCode: 'E0000011', errorSummary: 'Invalid token provided' }));
  assert.equal(advice.offerUpdateToken, true);
  assert.match(advice.message, /^Activate failed: .*rejected the API token/);
  assert.match(advice.message, /E0000011/);
});

test('wrong passcode says so and keeps the cause', () => {
  const advice = adviseOnError('Activate', oktaError({
    status: 403, errorCode: 'E0000068', errorSummary: 'Invalid Passcode/Answer',
    errorCauses: [{ errorSummary: "Your passcode doesn't match our records. Please try again." }],
  }));
  assert.equal(advice.offerUpdateToken, false);
  assert.match(advice.message, /wrong passcode or answer/);
  assert.match(advice.message, /doesn't match our records/);
});

test('rate limit names the reset time and the seconds to wait', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const resetAt = new Date('2026-01-01T10:00:42Z');
  const advice = adviseOnError('Activate', oktaError({ status: 429, errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', resetAt }), now);
  assert.equal(advice.waitSeconds, 42);
  assert.match(advice.message, /rate limit/);
  assert.ok(advice.message.includes(resetAt.toLocaleTimeString()));
});

test('rate limit without a reset time still says when to retry', () => {
  const advice = adviseOnError('Resend', oktaError({ status: 429, errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit' }));
  assert.equal(advice.waitSeconds, undefined);
  assert.match(advice.message, /Try again in a minute/);
});

test('sms cooldown reads the seconds from the summary', () => {
  const advice = adviseOnError('Resend', oktaError({ status: 429, errorCode: 'E0000109', errorSummary: 'An SMS message was recently sent. Please wait 30 seconds before trying again.' }));
  assert.equal(advice.waitSeconds, 30);
  assert.match(advice.message, /Wait 30 seconds/);
});

test('email cooldown falls back to the catalogue default', () => {
  const advice = adviseOnError('Resend', oktaError({ status: 429, errorCode: 'E0000118', errorSummary: 'An email was recently sent.' }));
  assert.equal(advice.waitSeconds, 5);
});

test('unknown codes keep the summary, causes and code', () => {
  const advice = adviseOnError('Unenroll', oktaError({ status: 400, errorCode: 'E0000001', errorSummary: 'Api validation failed', errorCauses: [{ errorSummary: 'bad thing' }] }));
  assert.equal(advice.message, 'Unenroll failed: Api validation failed (bad thing) [E0000001]');
});

test('plain errors and thrown strings keep their message', () => {
  assert.equal(adviseOnError('Refresh', new Error('connect ECONNREFUSED')).message, 'Refresh failed: connect ECONNREFUSED');
  assert.equal(adviseOnError('Refresh', 'boom').message, 'Refresh failed: boom');
});
