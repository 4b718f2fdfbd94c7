import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost, normalizeOrgUrl, orgHostForms } from '../../src/okta/orgUrl';

test('keeps a plain https org URL and strips path, query, fragment and trailing slashes', () => {
  assert.deepEqual(normalizeOrgUrl('https://acme.okta.com'), { url: 'https://acme.okta.com' });
  assert.deepEqual(normalizeOrgUrl('  https://ACME.okta.com/// '), { url: 'https://acme.okta.com' });
  assert.deepEqual(normalizeOrgUrl('https://acme.okta.com/app/UserHome?x=1#top'), { url: 'https://acme.okta.com' });
  assert.deepEqual(normalizeOrgUrl('https://login.example.com:8443/oauth2/v1'), { url: 'https://login.example.com:8443' });
});

test('a bare host means https', () => {
  assert.equal(normalizeOrgUrl('acme.oktapreview.com').url, 'https://acme.oktapreview.com');
  assert.equal(normalizeOrgUrl('localhost:8080').url, 'https://localhost:8080');
});

test('plain http only for loopback hosts', () => {
  assert.equal(normalizeOrgUrl('http://127.0.0.1:4567/').url, 'http://127.0.0.1:4567');
  assert.equal(normalizeOrgUrl('http://127.8.9.10:1').url, 'http://127.8.9.10:1');
  assert.equal(normalizeOrgUrl('http://localhost:3000/x').url, 'http://localhost:3000');
  assert.equal(normalizeOrgUrl('http://[::1]:9000').url, 'http://[::1]:9000');
  assert.throws(() => normalizeOrgUrl('http://acme.okta.com'), /https:\/\//);
  assert.throws(() => normalizeOrgUrl('http://10.0.0.1'), /https:\/\//);
  assert.throws(() => normalizeOrgUrl('http://127.0.0.1.evil.com'), /https:\/\//);
  assert.throws(() => normalizeOrgUrl('http://localhost.evil.com'), /https:\/\//);
});

test('refuses other schemes, credentials and garbage with clear messages', () => {
  assert.throws(() => normalizeOrgUrl(''), /Enter the Okta org URL/);
  assert.throws(() => normalizeOrgUrl('   '), /Enter the Okta org URL/);
  assert.throws(() => normalizeOrgUrl('ftp://acme.okta.com'), /not an https:\/\/ URL/);
  assert.throws(() => normalizeOrgUrl('file:///etc/passwd'), /https/);
  assert.throws(() => normalizeOrgUrl('https://admin:secret@acme.okta.com'), /must not contain a user name or password/);
  assert.throws(() => normalizeOrgUrl('https://exa mple.com'), /not a valid URL/);
});

test('an Admin Console URL becomes the org URL, with a notice', () => {
  const result = normalizeOrgUrl('https://acme-admin.okta.com/admin/dashboard');
  assert.equal(result.url, 'https://acme.okta.com');
  assert.match(result.notice ?? '', /acme-admin\.okta\.com is the Admin Console address; using the org URL https:\/\/acme\.okta\.com/);
  assert.equal(normalizeOrgUrl('dev-123-admin.oktapreview.com').url, 'https://dev-123.oktapreview.com');
  assert.equal(normalizeOrgUrl('https://acme-admin.okta-emea.com').url, 'https://acme.okta-emea.com');
  // Not an Okta domain, or nothing before "-admin": left alone.
  assert.deepEqual(normalizeOrgUrl('https://my-admin.example.com'), { url: 'https://my-admin.example.com' });
  assert.deepEqual(normalizeOrgUrl('https://-admin.okta.com'), { url: 'https://-admin.okta.com' });
});

test('isLoopbackHost', () => {
  for (const host of ['127.0.0.1', '127.255.0.3', 'localhost', 'LOCALHOST', '[::1]']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['128.0.0.1', '::1x', 'localhost.example.com', '127.0.0.1.nip.io', 'example.com']) assert.ok(!isLoopbackHost(host), host);
});

test('a trailing dot on the host names the same org', () => {
  assert.deepEqual(normalizeOrgUrl('https://acme.okta.com.'), { url: 'https://acme.okta.com' });
  assert.deepEqual(normalizeOrgUrl('acme.okta.com./app'), { url: 'https://acme.okta.com' });
  assert.equal(normalizeOrgUrl('https://acme-admin.okta.com./admin').url, 'https://acme.okta.com');
  assert.equal(normalizeOrgUrl('http://localhost.:8080').url, 'http://localhost:8080');
  assert.throws(() => normalizeOrgUrl('https://.'), /host name|not a valid URL/);
});

test('orgHostForms tells the Unicode and the punycode form of a host, so look-alikes can be shown', () => {
  // "асme" with Cyrillic а and с looks like "acme".
  const { url } = normalizeOrgUrl('https://\u0430\u0441me.okta.com');
  assert.equal(url, 'https://xn--me-6kc2e.okta.com');
  assert.deepEqual(orgHostForms(url), { ascii: 'xn--me-6kc2e.okta.com', unicode: '\u0430\u0441me.okta.com', internationalized: true });
  assert.deepEqual(orgHostForms('https://acme.okta.com'), { ascii: 'acme.okta.com', unicode: 'acme.okta.com', internationalized: false });
  assert.deepEqual(orgHostForms('https://b\u00fccher.example:8443'), { ascii: 'xn--bcher-kva.example:8443', unicode: 'b\u00fccher.example:8443', internationalized: true });
});
