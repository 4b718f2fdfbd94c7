// The token endpoint's OAuth errors and a service app's 403s, each named with its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiErrorFromResponse } from '../../src/okta/errors';
import { OktaOAuthError, serviceAppRefusal, tokenEndpointError } from '../../src/okta/auth/oauthErrors';

const oauth = (status: number, error: string, description: string) =>
  apiErrorFromResponse(status, '', JSON.stringify({ error, error_description: description }), 'application/json', { method: 'POST', path: '/oauth2/v1/token' });

const SCOPES = ['okta.users.read', 'okta.users.manage'];

test('each token endpoint error names its code and the fix', () => {
  const cases: Array<[number, string, string, RegExp]> = [
    [401, 'invalid_client', 'The client_assertion signature is invalid.', /public key registered in Okta matches/],
    [401, 'invalid_client', "The client_assertion 'kid' does not match any key registered for the client.", /public key registered in Okta matches/],
    [401, 'invalid_client', 'The client_assertion token is expired.', /clock is off/],
    // Okta's own words when this computer's clock runs more than an hour ahead.
    [401, 'invalid_client', 'The client_assertion token has an expiration too far into the future', /clock is off/],
    [400, 'invalid_scope', 'The following scopes are not granted to the client: okta.users.manage.',
      /asked for okta\.users\.read, okta\.users\.manage: grant them .*Okta API Scopes > Grant/],
    [400, 'consent_required', 'Consent is required.', /admin must consent/],
    [400, 'invalid_dpop_proof', "The DPoP proof's iat is too old.", /clock is off/],
    [400, 'invalid_dpop_proof', "'htu' claim in the DPoP proof JWT is invalid.", /DPoP proof was refused; if it persists/],
    [400, 'unauthorized_client', 'The client is not authorized to use the provided grant type.', /API Services.*Client Credentials/],
  ];
  for (const [status, code, description, fix] of cases) {
    const error = tokenEndpointError(oauth(status, code, description), SCOPES, undefined);
    assert.ok(error instanceof OktaOAuthError, code);
    assert.equal(error.oauthError, code);
    assert.match(error.message, new RegExp(`\\(${code}, HTTP ${status}\\)`));
    assert.ok(error.message.includes(description.replace(/\.$/, '')), error.message);
    assert.match(error.fix, fix);
  }
});

test("Okta's own error objects and non-JSON answers stay as they are", () => {
  const okta = apiErrorFromResponse(500, '', JSON.stringify({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' }), 'application/json', {});
  assert.equal(tokenEndpointError(okta, SCOPES, undefined), okta);
  const html = apiErrorFromResponse(502, 'Bad Gateway', '<html></html>', 'text/html', {});
  assert.equal(tokenEndpointError(html, SCOPES, 'Bearer realm="x"'), html);
});

test('a DPoP proof refused for its time with an empty body is read from the challenge and blamed on the clock', () => {
  const empty = apiErrorFromResponse(400, '', '', undefined, { method: 'POST', path: '/oauth2/v1/token' });
  const challenge = 'DPoP algs="RS256 ES256", error="invalid_dpop_proof", error_description="The DPoP proof JWT was issued in the future"';
  const error = tokenEndpointError(empty, SCOPES, challenge);
  assert.ok(error instanceof OktaOAuthError, error.message);
  assert.equal(error.oauthError, 'invalid_dpop_proof');
  assert.match(error.message, /issued in the future\. The DPoP proof's time was refused\. This computer's clock is off/);
  assert.doesNotMatch(error.message, /empty body/);
});

test('a 403 names the scope from the challenge, else the admin role, and the questions endpoint its limit', () => {
  const forbidden = apiErrorFromResponse(403, '', JSON.stringify({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' }), 'application/json', {});
  const scoped = serviceAppRefusal(forbidden, 'POST', '/api/v1/users/00u1/factors', 'DPoP realm="x", scope="okta.users.manage", error="insufficient_scope"');
  assert.match(scoped.message, /lacks the okta\.users\.manage scope/);
  assert.match(serviceAppRefusal(forbidden, 'GET', '/api/v1/users', '').message, /assign it an admin role/);
  assert.match(serviceAppRefusal(forbidden, 'GET', '/api/v1/users/00u1/factors/questions', '').message, /API tokens only/);
  const notFound = apiErrorFromResponse(404, '', JSON.stringify({ errorCode: 'E0000007', errorSummary: 'Not found' }), 'application/json', {});
  assert.equal(serviceAppRefusal(notFound, 'GET', '/api/v1/users/x', ''), notFound);
});
