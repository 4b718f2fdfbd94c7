// Okta's QR images reach the client as bytes: a PNG is returned as is; a 200 with anything but an
// image (a captive portal's HTML) is refused, and a link off the org is never fetched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { OktaInputError, OktaNetworkError } from '../../src/okta/errors';
import { rejection } from './client-fixtures';
import { useScriptedServer } from './scriptedServer';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0xff, 0x00, 0x80]);
const server = useScriptedServer((req, res) => {
  if (req.url?.includes('/qr/png')) {
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Sign in to the Wi-Fi</html>');
  }
});

test('a PNG comes back byte for byte (no text decoding)', async () => {
  const client = new OktaClient({ orgUrl: server.origin, token: 'image-token-1234' });
  const image = await client.activationQrCode(`${server.origin}/api/v1/users/u1/factors/f1/qr/png`);
  assert.equal(image.contentType, 'image/png');
  assert.deepEqual(Buffer.from(image.data), PNG);
});

test('HTML instead of an image is an invalid response; a link off the org is not followed', async () => {
  const client = new OktaClient({ orgUrl: server.origin, token: 'image-token-1234', maxRetries: 0 });
  const html = await rejection(client.activationQrCode(`${server.origin}/api/v1/users/u1/factors/f1/qr/html`));
  assert.ok(html instanceof OktaNetworkError && html.kind === 'invalid-response', String(html));
  const before = server.seen.length;
  const elsewhere = await rejection(client.activationQrCode('https://evil.example/api/v1/qr/png'));
  assert.ok(elsewhere instanceof OktaInputError);
  assert.equal(server.seen.length, before, 'nothing sent');
});
