import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserFactor } from '../../src/okta/models';
import { PanelRegistry } from '../../src/panels/shared/panelRegistry';
import { qrCodeDataUrl } from '../../src/panels/enroll/qrCode';
import { verifyModeOf } from '../../src/panels/verify/verifyMode';

const factor = (factorType: string, profile?: Record<string, unknown>): UserFactor =>
  ({ id: 'f1', factorType, provider: 'OKTA', status: 'ACTIVE', profile }) as UserFactor;

test('verify mode per factor type', () => {
  for (const t of ['sms', 'call', 'email']) assert.equal(verifyModeOf(factor(t)).mode, 'challenge-then-passcode', t);
  for (const t of ['token:software:totp', 'token', 'token:hardware', 'token:hotp']) assert.equal(verifyModeOf(factor(t)).mode, 'passcode', t);
  assert.deepEqual(verifyModeOf(factor('question', { question: 'disliked_food', questionText: 'What is the food you least liked as a child?' })),
    { mode: 'answer', prompt: 'What is the food you least liked as a child?' });
  assert.equal(verifyModeOf(factor('push')).mode, 'push');
  const passkey = verifyModeOf(factor('webauthn'));
  assert.equal(passkey.mode, 'passkey');
  assert.match(passkey.prompt ?? '', /software passkey .* hardware key or a platform passkey is verified in a browser/);
  for (const t of ['u2f', 'signed_nonce']) {
    const { mode, prompt } = verifyModeOf(factor(t));
    assert.equal(mode, 'unsupported', t);
    assert.match(prompt ?? '', /ceremony/);
  }
});

test('QR codes are local SVG data URLs', async () => {
  const url = await qrCodeDataUrl('otpauth://totp/Demo:a%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo');
  assert.match(url, /^data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.doesNotMatch(svg, /<script|href=/i);
});

test('panel registry reveals the open panel and forgets it on dispose', () => {
  const listeners: Array<() => void> = [];
  const make = () => ({ onDidDispose: (l: () => void) => listeners.push(l) });
  const registry = new PanelRegistry<ReturnType<typeof make>>();
  const first = registry.getOrCreate('org/user', make);
  assert.equal(first.created, true);
  const again = registry.getOrCreate('org/user', make);
  assert.deepEqual([again.created, again.panel === first.panel], [false, true]);
  assert.equal(registry.getOrCreate('org/other', make).created, true);
  listeners[0]();
  assert.equal(registry.getOrCreate('org/user', make).created, true);
});
