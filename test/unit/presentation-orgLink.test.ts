import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkOnOrg } from '../../src/presentation/orgLink';

const org = 'https://acme.okta.com';

test('links on the org are made absolute', () => {
  assert.equal(linkOnOrg(org, 'https://acme.okta.com/api/v1/users/u1/factors/f1/qr/t1'), 'https://acme.okta.com/api/v1/users/u1/factors/f1/qr/t1');
  assert.equal(linkOnOrg(org, '/api/v1/users/u1/factors/f1/qr/t1'), 'https://acme.okta.com/api/v1/users/u1/factors/f1/qr/t1');
  assert.equal(linkOnOrg('http://127.0.0.1:4567', 'http://127.0.0.1:4567/qr'), 'http://127.0.0.1:4567/qr');
});

test('links elsewhere, on another port or scheme, or missing are refused', () => {
  assert.equal(linkOnOrg(org, 'https://evil.example.com/qr'), undefined);
  assert.equal(linkOnOrg(org, 'https://acme.okta.com.evil.example.com/qr'), undefined);
  assert.equal(linkOnOrg(org, 'http://acme.okta.com/qr'), undefined);
  assert.equal(linkOnOrg(org, 'https://acme.okta.com:8443/qr'), undefined);
  assert.equal(linkOnOrg(org, '//evil.example.com/qr'), undefined);
  assert.equal(linkOnOrg(org, 'javascript:alert(1)'), undefined);
  assert.equal(linkOnOrg(org, undefined), undefined);
  assert.equal(linkOnOrg(org, ''), undefined);
});
