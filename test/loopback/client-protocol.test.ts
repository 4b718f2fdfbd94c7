// What goes over the wire, checked with a scripted loopback server: headers, bodies, query encoding,
// the SDK-style retry headers and Date-based 429 waits, and the response variants Okta is known to
// send that the simulator does not (push verify as 200, Link split over several headers...).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OktaClient, type RequestLogEntry } from '../../src/okta/client';
import { OrgTraffic } from '../../src/okta/http/orgTraffic';
import { factorTransactionId, linkHref, totpQrCodeHref } from '../../src/okta/api/links';
import type { TotpActivation } from '../../src/okta/models';
import { pollPushTransaction } from '../../src/factors/pushPolling';
import { MIN_RESET_GUARD_MS } from '../../src/okta/http/rateLimitTracker';
import { json, useScriptedServer, type Handler } from './scriptedServer';

const server = useScriptedServer();

function client(extra: Partial<ConstructorParameters<typeof OktaClient>[0]> = {}, log: RequestLogEntry[] = []): OktaClient {
  return new OktaClient({ orgUrl: server.origin, token: 'tok-123', retryBaseDelayMs: 5, maxRetryDelayMs: 20, onRequest: (e) => log.push(e), ...extra });
}

test('request shape: Authorization per token type, Accept, User-Agent, JSON content type on POST, body only when given', async () => {
  server.script = [(_r, res) => json(res, 200, { factorResult: 'CHALLENGE' }), (_r, res) => json(res, 200, { id: 'f1', factorType: 'sms' })];
  const ssws = client({ userAgent: 'MyTool/2.0' });
  await ssws.verifyFactor('u1', 'f1');
  await ssws.enrollFactor('u1', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1 555' } }, { activate: true, updatePhone: false, acceptLanguage: 'de' });
  const [verify, enroll] = server.seen;
  assert.equal(verify.method, 'POST');
  assert.equal(verify.url, '/api/v1/users/u1/factors/f1/verify');
  assert.equal(verify.headers.authorization, 'SSWS tok-123');
  assert.equal(verify.headers.accept, 'application/json');
  assert.match(verify.headers['user-agent'] ?? '', /^MyTool\/2\.0 okta-factors-vscode\/\d/);
  assert.equal(verify.body, '');
  assert.equal(verify.headers['content-type'], 'application/json');
  assert.equal(enroll.url, '/api/v1/users/u1/factors?updatePhone=false&activate=true');
  assert.equal(enroll.headers['content-type'], 'application/json');
  assert.equal(enroll.headers['accept-language'], 'de');
  assert.deepEqual(JSON.parse(enroll.body), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1 555' } });

  server.script = [(_r, res) => {
    res.writeHead(204);
    res.end();
  }];
  await client({ tokenType: 'Bearer' }).unenrollFactor('u1', 'f1', { removeRecoveryEnrollment: true });
  assert.equal(server.seen[2].headers.authorization, 'Bearer tok-123');
  assert.equal(server.seen[2].method, 'DELETE');
  assert.equal(server.seen[2].headers['content-type'], undefined);
  assert.equal(server.seen[2].url, '/api/v1/users/u1/factors/f1?removeRecoveryEnrollment=true');
});

test('verify options become query parameters and headers; ids and queries are encoded', async () => {
  server.script = [(_r, res) => json(res, 200, { factorResult: 'SUCCESS' }), (_r, res) => json(res, 200, [])];
  const c = client();
  await c.verifyFactor('00u 1', 'sms+1', { passCode: '123456' }, {
    templateId: 'tpl 1', tokenLifetimeSeconds: 90, xForwardedFor: '203.0.113.7', userAgent: 'Browser/1', acceptLanguage: 'fr',
  });
  const [verify] = server.seen;
  assert.equal(verify.url, '/api/v1/users/00u%201/factors/sms%2B1/verify?templateId=tpl%201&tokenLifetimeSeconds=90');
  assert.equal(verify.headers['x-forwarded-for'], '203.0.113.7');
  assert.equal(verify.headers['user-agent'], 'Browser/1');
  assert.equal(verify.headers['accept-language'], 'fr');
  await c.listUsersPage({ search: 'profile.login sw "a+b" and status eq "ACTIVE"', limit: 5, sortBy: 'profile.lastName', sortOrder: 'desc' });
  assert.equal(server.seen[1].url, '/api/v1/users?search=profile.login%20sw%20%22a%2Bb%22%20and%20status%20eq%20%22ACTIVE%22&limit=5&sortBy=profile.lastName&sortOrder=desc');
});

test('429: waits reset - Date (plus a small guard, no 1 s pad), retries with X-Okta-Retry-For/Count, even for a POST', async () => {
  const now = Date.now();
  const date = new Date(Math.floor(now / 1000) * 1000);
  const reset = Math.floor(now / 1000) + 1; // 1 s after Date
  server.script = [
    (_r, res) => json(res, 429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorCauses: [] }, {
      'X-Rate-Limit-Limit': '10', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': String(reset), Date: date.toUTCString(), 'X-Okta-Request-Id': 'req-429',
    }),
    (_r, res) => json(res, 200, { factorResult: 'SUCCESS' }),
  ];
  const log: RequestLogEntry[] = [];
  const started = Date.now();
  const result = await client({}, log).verifyFactor('u1', 'f1', { passCode: '1' });
  const waited = Date.now() - started;
  assert.equal(result.factorResult, 'SUCCESS');
  assert.equal(server.seen.length, 2);
  assert.equal(server.seen[0].headers['x-okta-retry-for'], undefined);
  assert.equal(server.seen[1].headers['x-okta-retry-for'], 'req-429');
  assert.equal(server.seen[1].headers['x-okta-retry-count'], '1');
  assert.equal(server.seen[1].body, server.seen[0].body);
  // One answer puts our clock up to a second from the server's: the reset converted at that bound
  // is reset*1000 - Date (+ a guard of MIN_RESET_GUARD_MS) = 1 s after the 429's arrival.
  assert.ok(waited >= 1000 && waited < 1000 + MIN_RESET_GUARD_MS + 1500, `waited ${waited} ms`);
  assert.deepEqual(log.map((e) => [e.status, e.attempt]), [[429, 1], [200, 2]]);
});

test('per-factor 429 throttles and a 429 without the exhausted-bucket headers are not retried', async () => {
  server.script = [
    (_r, res) => json(res, 429, { errorCode: 'E0000109', errorSummary: 'An SMS message was recently sent. Please wait 30 seconds before trying again.', errorCauses: [] }, {
      'X-Rate-Limit-Limit': '10', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 1),
    }),
    (_r, res) => json(res, 429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorCauses: [] }),
  ];
  const c = client();
  await assert.rejects(c.verifyFactor('u1', 'f1'), /An SMS message was recently sent\. Please wait 30 seconds before trying again\. \(E0000109, HTTP 429\)/);
  await assert.rejects(c.verifyFactor('u1', 'f2'), /Okta rate limit exceeded \(E0000047, HTTP 429\)/);
  assert.equal(server.seen.length, 2);
});

test('retries are bounded by maxRetries (GET 503 and 429 alike)', async () => {
  const busy: Handler = (_r, res) => json(res, 503, { errorCode: 'E0000009', errorSummary: 'Internal Server Error', errorCauses: [] });
  server.script = Array<Handler>(10).fill(busy);
  await assert.rejects(client({ maxRetries: 2 }).listFactors('u1'), /HTTP 503/);
  assert.equal(server.seen.length, 3);
  server.seen = [];
  const limited: Handler = (_r, res) => json(res, 429, { errorCode: 'E0000047', errorSummary: 'Rate', errorCauses: [] }, {
    'X-Rate-Limit-Limit': '10', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) - 10), Date: new Date().toUTCString(),
  });
  server.script = Array<Handler>(10).fill(limited);
  await assert.rejects(client({ maxRetries: 1 }).getFactor('u1', 'f1'), /E0000047, HTTP 429/);
  assert.equal(server.seen.length, 2);
});

test('variants: push verify as 200, transaction poll via links, resend link as an object, QR link beside activation, Link in several headers', async () => {
  const poll = `${server.origin}/api/v1/users/u1/factors/opf1/transactions/v2mst.abc`;
  server.script = [
    (_r, res) => json(res, 200, { factorResult: 'WAITING', _links: { poll: { href: poll }, cancel: { href: poll } } }),
    (_r, res) => json(res, 200, { factorResult: 'WAITING', _links: { poll: { href: `${poll}?n=2` } } }),
    (_r, res) => json(res, 200, { factorResult: 'SUCCESS' }),
    (_r, res) => json(res, 200, [{ id: 'a', status: 'ACTIVE', profile: { login: 'a' } }], {
      Link: [`<${server.origin}/api/v1/users?limit=1>; rel="self"`, `<${server.origin}/api/v1/users?after=cur%2C1&limit=1>; rel="next"`],
    }),
  ];
  const c = client();
  const waiting = await c.verifyFactor('u1', 'opf1');
  assert.equal(waiting.factorResult, 'WAITING');
  assert.equal(factorTransactionId(waiting), 'v2mst.abc');
  const done = await pollPushTransaction(c, 'u1', 'opf1', linkHref(waiting._links, 'poll')!, { intervalMs: 1 });
  assert.equal(done.factorResult, 'SUCCESS');
  assert.deepEqual(server.seen.slice(1, 3).map((s) => s.url), ['/api/v1/users/u1/factors/opf1/transactions/v2mst.abc', '/api/v1/users/u1/factors/opf1/transactions/v2mst.abc?n=2']);
  const page = await c.listUsersPage({ limit: 1 });
  assert.equal(page.after, 'cur,1');

  assert.equal(linkHref({ resend: { name: 'sms', href: 'https://x/resend' } }, 'resend', 'sms'), 'https://x/resend');
  const activation: TotpActivation = { timeStep: 30, sharedSecret: 'S', encoding: 'base32', keyLength: 6 };
  assert.equal(totpQrCodeHref({ _embedded: { activation, _links: { qrcode: { href: 'https://x/qr' } } } }), 'https://x/qr');
});

test('a redirect is never followed (the token stays on the org)', async () => {
  server.script = [(_r, res) => {
    res.writeHead(302, { Location: 'http://evil.example.com/steal' });
    res.end();
  }];
  await assert.rejects(client().getUser('me'), /HTTP 302 Found .*redirects elsewhere: check the org URL\./);
  assert.equal(server.seen.length, 1);
});

test('concurrency cap: never more than maxConcurrent requests open, shared by all clients given the same traffic state', async () => {
  let open = 0;
  let peak = 0;
  const slow: Handler = (_r, res) => {
    open++;
    peak = Math.max(peak, open);
    setTimeout(() => {
      open--;
      json(res, 200, []);
    }, 30);
  };
  server.script = Array<Handler>(24).fill(slow);
  const traffic = new OrgTraffic(); // what the org registry hands every client of one org and token
  const first = client({ maxConcurrent: 3, traffic });
  const second = client({ traffic });
  await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).listFactors(`u${i}`)));
  assert.equal(server.seen.length, 12);
  assert.equal(peak, 3);
});
