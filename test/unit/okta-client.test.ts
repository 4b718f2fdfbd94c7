import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { OktaInputError } from '../../src/okta/errors';

test('constructor normalises the org URL and keeps an Admin Console notice', () => {
  const client = new OktaClient({ orgUrl: 'https://acme-admin.okta.com/admin/dashboard', token: 'abc123' });
  assert.equal(client.orgUrl, 'https://acme.okta.com');
  assert.match(client.orgUrlNotice ?? '', /Admin Console/);
  assert.equal(client.authScheme, 'SSWS');
  assert.equal(new OktaClient({ orgUrl: 'http://127.0.0.1:9', token: 'x', tokenType: 'Bearer' }).authScheme, 'Bearer');
});

test('constructor refuses bad input with clear errors that do not repeat the token', () => {
  assert.throws(() => new OktaClient({ orgUrl: 'http://acme.okta.com', token: 'abc' }), /https:\/\//);
  assert.throws(() => new OktaClient({ orgUrl: 'https://acme.okta.com', token: '  ' }), (e: unknown) => e instanceof OktaInputError && /token is empty/.test(e.message));
  assert.throws(() => new OktaClient({ orgUrl: 'https://acme.okta.com', token: 'abc def-secret' }),
    (e: unknown) => e instanceof OktaInputError && !e.message.includes('def-secret') && /without spaces or control characters/.test(e.message));
  assert.throws(() => new OktaClient({ orgUrl: 'https://acme.okta.com', token: 'abc', tokenType: 'Basic' as 'SSWS' }), /use SSWS or Bearer/);
});

test('the token is kept out of inspection and JSON', () => {
  const token = 'very-secret-token-value-123';
  const client = new OktaClient({ orgUrl: 'https://acme.okta.com', token, onRequest: () => undefined });
  for (const view of [inspect(client, { showHidden: true, depth: 20 }), JSON.stringify(client), String(client), JSON.stringify(Object.entries(client))]) {
    assert.ok(!view.includes(token), view);
  }
});
