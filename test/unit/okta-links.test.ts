import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factorTransactionId, isHref, linkAllows, linkHref, linksFor, parseLinkHeader, totpQrCodeHref } from '../../src/okta/api/links';
import type { HalLinks } from '../../src/okta/models';

test('Link header: one header with several values, several headers, quoted and bare rel, commas inside URLs', () => {
  const joined = '<https://acme.okta.com/api/v1/users?limit=200>; rel="self", <https://acme.okta.com/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200>; rel="next"';
  assert.deepEqual(parseLinkHeader(joined), {
    self: 'https://acme.okta.com/api/v1/users?limit=200',
    next: 'https://acme.okta.com/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200',
  });
  assert.deepEqual(parseLinkHeader(['<https://a/x?fields=id,status>; rel=self', '<https://a/x?after=1,2>;rel=next']), {
    self: 'https://a/x?fields=id,status', next: 'https://a/x?after=1,2',
  });
  assert.deepEqual(parseLinkHeader('<https://a/n>; title="a, b; c"; rel="next prev"'), { next: 'https://a/n', prev: 'https://a/n' });
  assert.deepEqual(parseLinkHeader('<https://a/n>; REL="Next"'), { next: 'https://a/n' });
  assert.deepEqual(parseLinkHeader(undefined), {});
  assert.deepEqual(parseLinkHeader(''), {});
  assert.deepEqual(parseLinkHeader('garbage; rel="next"'), {});
  assert.deepEqual(parseLinkHeader('<https://a/no-rel>'), {});
});

test('HAL links: a relation as one object or as an array', () => {
  const links: HalLinks = {
    resend: [{ name: 'sms', href: 'https://a/resend-sms', hints: { allow: ['POST'] } }, { name: 'email', href: 'https://a/resend-email' }],
    self: { href: 'https://a/self', hints: { allow: ['GET', 'DELETE'] } },
    activate: { href: 'https://a/activate', hints: { allow: ['POST'] } },
  };
  assert.equal(linkHref(links, 'resend'), 'https://a/resend-sms');
  assert.equal(linkHref(links, 'resend', 'email'), 'https://a/resend-email');
  assert.equal(linkHref({ resend: { name: 'sms', href: 'https://a/r' } }, 'resend', 'sms'), 'https://a/r');
  assert.equal(linkHref(links, 'self'), 'https://a/self');
  assert.equal(linkHref(links, 'verify'), undefined);
  assert.equal(linkHref(undefined, 'self'), undefined);
  assert.equal(linksFor(links, 'resend').length, 2);
  assert.ok(linkAllows(links, 'self', 'delete'));
  assert.ok(!linkAllows(links, 'activate', 'DELETE'));
  assert.ok(!linkAllows({ self: { href: 'x' } }, 'self', 'GET'));
});

test('push transaction id from the poll or cancel link', () => {
  const href = 'https://acme.okta.com/api/v1/users/00u1/factors/opf1/transactions/v2mst.WmiSGGkvQc6P-QUQ5Qy0jg';
  assert.equal(factorTransactionId({ _links: { poll: { href } } }), 'v2mst.WmiSGGkvQc6P-QUQ5Qy0jg');
  assert.equal(factorTransactionId({ _links: { cancel: [{ href: `${href.replace('v2mst.WmiSGGkvQc6P-QUQ5Qy0jg', 'mst1eiHghhPxf0yhp0g')}?x=1` }] } }), 'mst1eiHghhPxf0yhp0g');
  assert.equal(factorTransactionId({ _links: { verify: { href: 'https://a/verify' } } }), undefined);
  assert.equal(factorTransactionId(undefined), undefined);
});

test('TOTP QR link in either place', () => {
  const qr = { href: 'https://a/qr/abc', type: 'image/png' };
  assert.equal(totpQrCodeHref({ _embedded: { activation: { sharedSecret: 'X', _links: { qrcode: qr } } } }), qr.href);
  assert.equal(totpQrCodeHref({ _embedded: { activation: { sharedSecret: 'X' }, _links: { qrcode: qr } } }), qr.href);
  assert.equal(totpQrCodeHref({ _embedded: { activation: { sharedSecret: 'X' } } }), undefined);
  assert.equal(totpQrCodeHref({}), undefined);
});

test('isHref tells links from bare ids', () => {
  for (const v of ['https://a/x', 'http://127.0.0.1:1/x', '//a/x', '/api/v1/users/u/factors/f/transactions/t']) assert.ok(isHref(v), v);
  for (const v of ['v2mst.WmiSGGkvQc6P-QUQ5Qy0jg', 'mst1eiHghhPxf0yhp0g', 'https:x']) assert.ok(!isHref(v), v);
});
