import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserFactor } from '../../src/okta/models';
import { aFactor, aUser } from '../support/builders';
import { factorIconId, factorStatusColorId, factorTooltipRows, isCatalogEntryEnrolled } from '../../src/tree/factorPresentation';
import { describeUserStatus, userStatusColorId } from '../../src/presentation/userPresentation';
import { userDisplayName } from '../../src/factors/names';
import { adminConsoleUserUrl } from '../../src/presentation/adminConsoleUrl';
import { SECRET_FACTOR_KEYS } from '../../src/presentation/secretFactorKeys';
import { formatRequestLine, isRateLimitLow, rateLimitText } from '../../src/log/requestLine';
import { orgDescription } from '../../src/tree/orgPresentation';

test('codicon per factor type', () => {
  assert.equal(factorIconId('sms'), 'device-mobile');
  assert.equal(factorIconId('push'), 'device-mobile');
  assert.equal(factorIconId('call'), 'call-outgoing');
  assert.equal(factorIconId('email'), 'mail');
  assert.equal(factorIconId('token:software:totp'), 'key');
  assert.equal(factorIconId('question'), 'question');
  assert.equal(factorIconId('webauthn'), 'shield');
  assert.equal(factorIconId('u2f'), 'shield');
  assert.equal(factorIconId('something-new'), 'lock');
});

test('status colours: active green, pending yellow, expired red, others dimmed', () => {
  assert.equal(factorStatusColorId('ACTIVE'), 'charts.green');
  assert.equal(factorStatusColorId('PENDING_ACTIVATION'), 'charts.yellow');
  assert.equal(factorStatusColorId('EXPIRED'), 'charts.red');
  assert.equal(factorStatusColorId('NOT_SETUP'), 'disabledForeground');
});

test('tooltip rows show profile details but never write-only secrets', () => {
  const factor = {
    id: 'ufs1', factorType: 'question', provider: 'OKTA', status: 'ACTIVE', created: '2024-01-01T00:00:00.000Z',
    profile: { question: 'favorite_art_piece', questionText: 'What is your favorite piece of art?', answer: 'secret-answer' },
  } as UserFactor;
  const rows = Object.fromEntries(factorTooltipRows(factor));
  assert.equal(rows.ID, 'ufs1');
  assert.equal(rows['profile.questionText'], 'What is your favorite piece of art?');
  assert.equal(rows.Created, '2024-01-01T00:00:00.000Z');
  assert.ok(!JSON.stringify(rows).includes('secret-answer'));
  assert.equal(rows['Last updated'], undefined);
});

test('tooltip rows leave out every key of the shared secret list', () => {
  const profile = Object.fromEntries([...SECRET_FACTOR_KEYS].map((key) => [key, `secret-${key}`]));
  const rows = factorTooltipRows({ id: 'f1', factorType: 'token:hotp', provider: 'CUSTOM', status: 'ACTIVE', profile } as unknown as UserFactor);
  assert.ok(SECRET_FACTOR_KEYS.has('sharedSecret') && SECRET_FACTOR_KEYS.has('answer') && SECRET_FACTOR_KEYS.has('passCode'));
  assert.ok(!JSON.stringify(rows).includes('secret-'), JSON.stringify(rows));
});

test('catalog entry enrolled when type and provider match', () => {
  const factors = [aFactor('token:software:totp', { provider: 'GOOGLE' })];
  assert.equal(isCatalogEntryEnrolled({ factorType: 'token:software:totp', provider: 'GOOGLE' }, factors), true);
  assert.equal(isCatalogEntryEnrolled({ factorType: 'token:software:totp', provider: 'OKTA' }, factors), false);
});

test('users: name or login, status words and colours', () => {
  const user = aUser({ status: 'LOCKED_OUT', profile: { login: 'ann@example.com', firstName: 'Ann', lastName: 'Lee' } });
  assert.equal(userDisplayName(user), 'Ann Lee');
  assert.equal(userDisplayName({ ...user, profile: { login: 'x@example.com', firstName: null } }), 'x@example.com');
  assert.equal(describeUserStatus(user), 'locked out');
  assert.equal(userStatusColorId('LOCKED_OUT'), 'charts.red');
  assert.equal(userStatusColorId('ACTIVE'), undefined);
});

test('admin console URL for real orgs, none for loopback simulators', () => {
  assert.equal(adminConsoleUserUrl('https://acme.okta.com', '00u1'), 'https://acme-admin.okta.com/admin/user/profile/view/00u1');
  assert.equal(adminConsoleUserUrl('https://dev-1.oktapreview.com', '00u2'), 'https://dev-1-admin.oktapreview.com/admin/user/profile/view/00u2');
  assert.equal(adminConsoleUserUrl('http://127.0.0.1:4567', '00u1'), undefined);
  assert.equal(adminConsoleUserUrl('http://localhost:4567', '00u1'), undefined);
});

test('request log line: method, path, status, time; failures named', () => {
  assert.equal(formatRequestLine({ method: 'GET', path: '/api/v1/users?limit=25', status: 200, durationMs: 41.4, attempt: 1, requestId: 'r1' }), 'GET /api/v1/users?limit=25 -> 200 (41 ms) [req r1]');
  assert.equal(formatRequestLine({ method: 'GET', path: '/api/v1/users', durationMs: 3000, attempt: 2, error: 'timed out' }), 'GET /api/v1/users -> failed: timed out (3000 ms, attempt 2)');
});

test('rate-limit headroom is low below 20%', () => {
  const resetAt = new Date();
  assert.equal(isRateLimitLow({ limit: 600, remaining: 119, resetAt }), true);
  assert.equal(isRateLimitLow({ limit: 600, remaining: 120, resetAt }), false);
  assert.equal(isRateLimitLow({ limit: 0, remaining: 0, resetAt }), false);
  assert.equal(rateLimitText({ limit: 600, remaining: 12, resetAt }), 'Okta: 12/600 requests left');
});

test('an org row says whose token or which service app, and the host only when the org was renamed', () => {
  const url = 'https://dev-123456.okta.com';
  assert.equal(orgDescription({ url, label: 'dev-123456.okta.com', ownerLogin: 'ann@example.com' }), 'ann@example.com');
  assert.equal(orgDescription({ url, label: 'Staging', ownerLogin: 'ann@example.com' }), 'ann@example.com · dev-123456.okta.com');
  assert.equal(orgDescription({ url, label: 'Staging' }), 'token owner unknown · dev-123456.okta.com');
  // The client id comes right after a short word, so a narrow sidebar still shows most of it.
  const serviceApp = { clientId: '0oa1b2c3d4e5f6g7h8i9', scopes: ['okta.users.read'] };
  assert.equal(orgDescription({ url, label: 'Staging', serviceApp }), 'app 0oa1b2c3d4e5f6g7h8i9 · dev-123456.okta.com');
});
