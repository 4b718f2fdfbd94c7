import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorFromResponse, OktaNetworkError } from '../../src/okta/errors';
import { isNotFound, isRateLimited, isWrongPasscode, sendCooldownSeconds } from '../../src/factors/errorKinds';
import { adviseOnError } from '../../src/presentation/errorAdvice';

/** The error the client builds from an Okta error response. */
function oktaError(status: number, errorCode: string, errorSummary: string, causes: string[] = []): Error {
  const body = JSON.stringify({ errorCode, errorSummary, errorLink: errorCode, errorId: 'oae123', errorCauses: causes.map((errorSummary) => ({ errorSummary })) });
  return apiErrorFromResponse(status, '', body, 'application/json', { method: 'POST', path: '/api/v1/users/u/factors/f/lifecycle/activate' });
}

test('token rejected offers Update token and names the code', () => {
  const advice = adviseOnError('Activate Factor', oktaError(401, 'E0000011', 'Invalid token provided'));
  assert.equal(advice.offerUpdateToken, true);
  assert.match(advice.message, /^Activate Factor failed: .*API token.*E0000011/);
  assert.match(advice.message, /Update the token for this org\.$/);
});

test('wrong passcode says so, keeps the cause and is recognised', () => {
  const err = oktaError(403, 'E0000068', 'Invalid Passcode/Answer', ["Your passcode doesn't match our records. Please try again."]);
  const advice = adviseOnError('Activate Factor', err);
  assert.equal(advice.offerUpdateToken, false);
  assert.match(advice.message, /passcode/);
  assert.match(advice.message, /doesn't match our records/);
  assert.match(advice.message, /Check the code or answer and try again\.$/);
  assert.equal(isWrongPasscode(err), true);
  assert.equal(isRateLimited(err), false);
});

test('rate limit says to try again later and is recognised', () => {
  const err = oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
  assert.match(adviseOnError('Resend Code', err).message, /rate limit.*E0000047.*Try again in a minute\.$/);
  assert.equal(isRateLimited(err), true);
});

test('sms cooldown reads the seconds from the summary', () => {
  const advice = adviseOnError('Resend Code', oktaError(429, 'E0000109', 'An SMS message was recently sent. Please wait 30 seconds before trying again.'));
  assert.equal(sendCooldownSeconds(oktaError(429, 'E0000109', 'An SMS message was recently sent. Please wait 30 seconds before trying again.')), 30);
  assert.match(advice.message, /Wait 30 seconds before sending another code\.$/);
});

test('only the send cooldown codes have a cooldown', () => {
  assert.equal(sendCooldownSeconds(oktaError(429, 'E0000133', 'A phone call was recently made. Please wait 30 seconds before trying again.')), 30);
  assert.equal(sendCooldownSeconds(oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.')), undefined);
  assert.equal(sendCooldownSeconds(new Error('Please wait 30 seconds')), undefined);
});

test('email cooldown falls back to the catalogue value when the summary has no number', () => {
  assert.equal(sendCooldownSeconds(oktaError(429, 'E0000118', 'An email was recently sent.')), 5);
});

test('not found hints at a refresh and is recognised', () => {
  const err = oktaError(404, 'E0000007', 'Not found: Resource not found: f (UserFactor)');
  assert.match(adviseOnError('Show Factor Details', err).message, /refresh the tree\.$/);
  assert.equal(isNotFound(err), true);
});

test('other codes keep the client message with code and causes', () => {
  const advice = adviseOnError('Unenroll Factor', oktaError(400, 'E0000001', 'Api validation failed: factor', ['bad thing']));
  assert.match(advice.message, /^Unenroll Factor failed: Api validation failed: factor \(E0000001, HTTP 400\): bad thing\.$/);
});

test('network errors and thrown strings keep their message', () => {
  const network = new OktaNetworkError('connection', 'Could not connect to 127.0.0.1:1: the connection was refused.');
  assert.equal(adviseOnError('Refresh', network).message, 'Refresh failed: Could not connect to 127.0.0.1:1: the connection was refused.');
  assert.equal(adviseOnError('Refresh', 'boom').message, 'Refresh failed: boom.');
});
