// The token endpoint's OAuth errors and a service app's 403s, each named with its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiErrorFromResponse } from '../../src/okta/errors';
import { OktaOAuthError, serviceAppRefusal, tokenEndpointError } from '../../src/okta/auth/oauthErrors';

const oauth = (status: number, error: string, description: string) =>
  apiErrorFromResponse(status, '', JSON.stringify({ error, error_description: description }), 'application/json', { method: 'POST', path: '/oauth2/v1/token' });

test('each token endpoint error names its code and the fix', () => {
  const cases: Array<[number, string, string, RegExp]> = [
    [401, 'invalid_client', 'The client_assertion signature is invalid.', /public key registered in Okta matches/],
    [401, 'invalid_client', 'The client_assertion token is expired.', /clock/],
    [400, 'invalid_scope', 'The following scopes are not granted to the client: okta.users.manage.', /Okta API Scopes > Grant/],
    [400, 'consent_required', 'Consent is required.', /admin must consent/],
    [400, 'invalid_dpop_proof', "The DPoP proof's iat is too old.", /DPoP proof was refused/],
    [400, 'unauthorized_client', 'The client is not authorized to use the provided grant type.', /API Services.*Client Credentials/],
  ];
  for (const [status, code, description, fix] of cases) {
    const error = tokenEndpointError(oauth(status, code, description));
    assert.ok(error instanceof OktaOAuthError, code);
    assert.equal(error.oauthError, code);
    assert.match(error.message, new RegExp(`\\(${code}, HTTP ${status}\\)`));
    assert.ok(error.message.includes(description.replace(/\.$/, '')), error.message);
    assert.match(error.fix, fix);
  }
});

test("Okta's own error objects and non-JSON answers stay as they are", () => {
  const okta = apiErrorFromResponse(500, '', JSON.stringify({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' }), 'application/json', {});
  assert.equal(tokenEndpointError(okta), okta);
  const html = apiErrorFromResponse(502, 'Bad Gateway', '<html></html>', 'text/html', {});
  assert.equal(tokenEndpointError(html), html);
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
