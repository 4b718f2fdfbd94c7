import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiErrorFromResponse, isCancellation, OktaApiError, OktaError, OktaInputError, OktaNetworkError,
} from '../../src/okta/errors';
import { redactor } from '../../src/okta/http/redact';

const context = { method: 'POST', path: '/api/v1/users/00u1/factors/f1/verify', requestId: 'req-1' };

test('an Okta error object becomes OktaApiError with all fields and a clear message', () => {
  const body = JSON.stringify({
    errorCode: 'E0000068', errorSummary: 'Invalid Passcode/Answer', errorLink: 'E0000068', errorId: 'oaeQYgMN2rJTOm-l6p-lweuKA',
    errorCauses: [{ errorSummary: "Your passcode doesn't match our records. Please try again." }],
  });
  const error = apiErrorFromResponse(403, 'Forbidden', body, 'application/json', context);
  assert.ok(error instanceof OktaApiError && error instanceof OktaError && error instanceof Error);
  assert.equal(error.name, 'OktaApiError');
  assert.equal(error.message, "Okta rejected the passcode (E0000068, HTTP 403): Your passcode doesn't match our records. Please try again.");
  assert.equal(error.status, 403);
  assert.equal(error.errorCode, 'E0000068');
  assert.equal(error.errorSummary, 'Invalid Passcode/Answer');
  assert.deepEqual(error.errorCauses, [{ errorSummary: "Your passcode doesn't match our records. Please try again." }]);
  assert.equal(error.errorId, 'oaeQYgMN2rJTOm-l6p-lweuKA');
  assert.equal(error.errorLink, 'E0000068');
  assert.equal(error.requestId, 'req-1');
  assert.equal(error.method, 'POST');
  assert.equal(error.path, context.path);
});

test('messages: answer vs passcode, token rejected, plain summary with and without causes', () => {
  const answer = apiErrorFromResponse(403, '', JSON.stringify({ errorCode: 'E0000068', errorSummary: 'Invalid Passcode/Answer',
    errorCauses: [{ errorSummary: "Your answer doesn't match our records. Please try again." }] }), undefined, {});
  assert.match(answer.message, /^Okta rejected the answer \(E0000068, HTTP 403\)/);
  const token = apiErrorFromResponse(401, '', JSON.stringify({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] }), undefined, {});
  assert.equal(token.message, 'Okta rejected the API token (invalid, expired or revoked) (E0000011, HTTP 401)');
  const notFound = apiErrorFromResponse(404, '', JSON.stringify({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: mbl1 (UserFactor)', errorCauses: [] }), undefined, {});
  assert.equal(notFound.message, 'Not found: Resource not found: mbl1 (UserFactor) (E0000007, HTTP 404)');
  const phone = apiErrorFromResponse(400, '', JSON.stringify({ errorCode: 'E0000001', errorSummary: 'Api validation failed: factorEnrollRequest',
    errorCauses: [{ errorSummary: 'There is an existing verified phone number.' }, { bogus: 1 }, null] }), undefined, {});
  assert.equal(phone.message, 'Api validation failed: factorEnrollRequest (E0000001, HTTP 400): There is an existing verified phone number.');
  assert.equal(phone.errorCauses.length, 1);
  // OAuth-style error (Bearer tokens).
  const oauth = apiErrorFromResponse(401, '', JSON.stringify({ error: 'invalid_token', error_description: 'The token is expired.' }), undefined, {});
  assert.equal(oauth.errorCode, 'invalid_token');
  assert.match(oauth.message, /The token is expired\. \(invalid_token, HTTP 401\)/);
});

test('a non-JSON error body (proxy HTML page, empty body, JSON that is not an error) still gives a clear OktaApiError', () => {
  const html = apiErrorFromResponse(502, 'Bad Gateway', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html; charset=utf-8', context);
  assert.equal(html.status, 502);
  assert.equal(html.errorCode, undefined);
  assert.equal(html.errorSummary, 'Bad Gateway');
  assert.deepEqual(html.errorCauses, []);
  assert.match(html.message, /^Okta answered HTTP 502 Bad Gateway with text\/html instead of an Okta error\. A proxy or gateway/);
  assert.doesNotMatch(html.message, /<html>/);
  const empty = apiErrorFromResponse(503, '', '', undefined, {});
  assert.match(empty.message, /HTTP 503 Service Unavailable with an empty body/);
  const array = apiErrorFromResponse(400, '', '[1,2]', 'application/json', {});
  assert.match(array.message, /HTTP 400 Bad Request with application\/json instead of an Okta error\.$/);
  const truncated = apiErrorFromResponse(500, '', '{"errorCode":"E00', 'application/json', {});
  assert.equal(truncated.errorCode, undefined);
  assert.equal(apiErrorFromResponse(418, '', 'x', undefined, {}).errorSummary, 'HTTP 418');
  assert.match(apiErrorFromResponse(301, '', '', undefined, {}).message, /HTTP 301 Moved Permanently with an empty body .*redirects elsewhere: check the org URL\.$/);
});

test('network errors and cancellation', () => {
  const aborted = new OktaNetworkError('aborted', 'The request was cancelled.', context);
  assert.ok(isCancellation(aborted));
  assert.equal(aborted.kind, 'aborted');
  assert.equal(aborted.name, 'OktaNetworkError');
  assert.ok(!isCancellation(new OktaNetworkError('timeout', 'x')));
  assert.ok(!isCancellation(new Error('aborted')));
  assert.equal(new OktaInputError('x').name, 'OktaInputError');
});

test('redactor removes the token (raw and URL-encoded) wherever it appears', () => {
  const token = '00aBcD+ef/GH=ij';
  const redact = redactor(token);
  assert.equal(redact(`SSWS ${token} and ${encodeURIComponent(token)} and ${token}`), 'SSWS [redacted] and [redacted] and [redacted]');
  assert.equal(redact('nothing here'), 'nothing here');
  assert.equal(redactor('')('abc'), 'abc');
});

test('a server echoing the token in its error body never gets it into the error (client redacts before building)', () => {
  const token = 'secret-token-123456';
  const redact = redactor(token);
  const body = JSON.stringify({ errorCode: 'E0000004', errorSummary: `Authentication failed for SSWS ${token}`, errorCauses: [{ errorSummary: token }] });
  const error = apiErrorFromResponse(401, '', redact(body), 'application/json', context);
  const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
  assert.ok(!everything.includes(token));
  assert.match(error.message, /\[redacted\]/);
});

test('errors keep their cause; isCancellation finds a cancellation anywhere in the cause chain', () => {
  const abort = new DOMException('This operation was aborted', 'AbortError');
  const wrapped = new OktaNetworkError('connection', 'x', {}, { cause: abort });
  assert.equal(wrapped.cause, abort);
  assert.ok(isCancellation(abort));
  assert.ok(isCancellation(new Error('outer', { cause: new Error('middle', { cause: wrapped }) })));
  const vscodeStyle = new Error('Canceled');
  vscodeStyle.name = 'Canceled';
  assert.ok(isCancellation(new Error('wrapped', { cause: vscodeStyle })));
  const named = new Error('the org was removed');
  named.name = 'CancellationError';
  assert.ok(isCancellation(named));
  assert.ok(isCancellation(new Error('x', { cause: new OktaNetworkError('aborted', 'The request was cancelled.') })));
  assert.ok(!isCancellation(new Error('x', { cause: new OktaNetworkError('timeout', 'slow') })));
  assert.ok(!isCancellation(undefined));
  assert.ok(!isCancellation('AbortError'));
  const loop = new Error('a') as Error & { cause?: unknown };
  loop.cause = loop;
  assert.ok(!isCancellation(loop), 'a cyclic chain ends');
});

test('redaction runs after JSON decoding: a \\u-escaped token in an error body is scrubbed from every field', () => {
  const token = 'secret-token-123456';
  const escaped = [...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const body = `{"errorCode":"E0000004","errorSummary":"Authentication failed for ${escaped}","errorId":"${escaped}","errorLink":"${escaped}","errorCauses":[{"errorSummary":"${escaped}"}]}`;
  const error = apiErrorFromResponse(401, '', body, 'application/json', context, redactor(token));
  const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
  assert.ok(!everything.includes(token), everything);
  assert.equal(error.errorSummary, 'Authentication failed for [redacted]');
  assert.deepEqual(error.errorCauses, [{ errorSummary: '[redacted]' }]);
});
