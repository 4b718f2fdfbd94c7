// The words of bulk actions (sample, summary) and the TOTP export file (.env and JSON).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BulkUnit } from '../../src/factors/bulkWork';
import { sampleOf, summaryText } from '../../src/presentation/bulkText';
import { exportFormatOf, formatTestSecrets, type PasskeyExportEntry } from '../../src/presentation/testSecretsExport';

const unit = (label: string): BulkUnit => ({ orgId: 'o', userId: label, label, run: async () => '' });

test('a sample names three and counts the rest', () => {
  assert.equal(sampleOf(['a', 'b']), 'a, b');
  assert.equal(sampleOf(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
});

test('the summary says done, failed with the first reason, and skipped', () => {
  assert.equal(summaryText('Reset Factors', { done: [{ unit: unit('a'), note: 'factors reset' }], failed: [], skipped: [] }),
    'Reset Factors: 1 user done.');
  assert.equal(summaryText('Reset Factors', {
    done: [],
    failed: [
      { unit: unit('bob'), reason: 'Not found: Resource not found: bob (User).', error: undefined, retryable: true },
      { unit: unit('eve'), reason: 'x', error: undefined, retryable: true },
    ],
    skipped: [unit('c'), unit('d')],
  }), 'Reset Factors: 0 users done, 2 failed (bob: Not found: Resource not found: bob (User); 1 more in the log), 2 skipped (cancelled before they started).');
});

test('the summary says when a retry cannot change a failure (Okta refused the step for what it is)', () => {
  const refused = { unit: unit('bob'), reason: 'Api validation failed: answer.', error: undefined, retryable: false };
  assert.equal(summaryText('Enroll', { done: [], failed: [refused], skipped: [] }),
    'Enroll: 0 users done, 1 failed (bob: Api validation failed: answer; a retry cannot change this).');
  assert.equal(summaryText('Enroll', { done: [], failed: [refused, { ...refused, unit: unit('eve'), retryable: true }], skipped: [] }),
    'Enroll: 0 users done, 2 failed (bob: Api validation failed: answer; 1 more in the log; a retry cannot change 1 of them).');
});

const URI = 'otpauth://totp/Acme%3Aalice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30';

test('the format follows the file name; anything else is refused', () => {
  assert.equal(exportFormatOf('/home/me/secrets.json'), 'json');
  assert.equal(exportFormatOf('/home/me/.env'), 'env');
  assert.equal(exportFormatOf('C:\\tmp\\ci.ENV'), 'env');
  assert.equal(exportFormatOf('/home/me/secrets.txt'), undefined);
});

const ORG = 'https://acme.okta.com';
const ALICE = { login: 'alice@example.com', userId: 'u1', status: 'ACTIVE' };

test('.env: the org URL, each user\'s login, one secret and one URI per factor, a second factor told apart by its id', () => {
  const text = formatTestSecrets('env', 'Acme', { org: ORG, users: [ALICE, { login: 'dave@example.com', userId: 'u4', status: 'STAGED' }], totp: [
    { login: 'alice@example.com', userId: 'u1', factorId: 'uft1', otpauthUri: URI },
    { login: 'alice@example.com', userId: 'u1', factorId: 'uft2', otpauthUri: URI },
  ], passkeys: [] }, new Date('2026-01-02T03:04:05Z'));
  const lines = text.trimEnd().split('\n');
  assert.match(lines[0], /^# Secrets of Okta test users .*Acme.*2026-01-02T03:04:05.000Z/);
  assert.match(lines[1], /keep it out of version control/);
  assert.deepEqual(lines.slice(2), [
    'OKTA_ORG_URL=https://acme.okta.com', 'OKTA_USER_ALICE_EXAMPLE_COM=alice@example.com', 'OKTA_USER_DAVE_EXAMPLE_COM=dave@example.com',
    'OKTA_TOTP_ALICE_EXAMPLE_COM=JBSWY3DPEHPK3PXP', `OKTA_TOTP_ALICE_EXAMPLE_COM_URI="${URI}"`,
    'OKTA_TOTP_ALICE_EXAMPLE_COM_UFT2=JBSWY3DPEHPK3PXP', `OKTA_TOTP_ALICE_EXAMPLE_COM_UFT2_URI="${URI}"`,
  ]);
});

test('JSON: the org, the time, the users and each factor\'s parameters', () => {
  const parsed: unknown = JSON.parse(formatTestSecrets('json', 'Acme', { org: ORG, users: [ALICE], totp: [{ login: 'alice@example.com', userId: 'u1', factorId: 'uft1', otpauthUri: URI }], passkeys: [PASSKEY] }, new Date(0)));
  assert.deepEqual(parsed, {
    org: 'Acme', orgUrl: ORG, exportedAt: '1970-01-01T00:00:00.000Z', users: [ALICE],
    factors: [{ login: 'alice@example.com', userId: 'u1', factorId: 'uft1', secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: 30, algorithm: 'SHA1', issuer: 'Acme', otpauthUri: URI }],
    passkeys: [PASSKEY],
  });
});

const PASSKEY: PasskeyExportEntry = {
  login: 'carol@example.com', userId: 'u3', factorId: 'fwa1',
  playwright: { rpId: 'acme.okta.com', id: 'Y3JlZA', userHandle: 'dTM', privateKey: 'cHJpdg', publicKey: 'cHVi', signCount: 2 },
  devtools: { credentialId: 'Y3JlZA==', isResidentCredential: false, rpId: 'acme.okta.com', privateKey: 'cHJpdg==', userHandle: 'dTM=', signCount: 2 },
};

test('.env: a passkey as its Playwright and DevTools credentials, JSON in single quotes', () => {
  const lines = formatTestSecrets('env', 'Acme', { org: ORG, users: [], totp: [], passkeys: [PASSKEY] }, new Date(0)).trimEnd().split('\n').slice(3);
  assert.deepEqual(lines, [
    `OKTA_PASSKEY_CAROL_EXAMPLE_COM_PLAYWRIGHT='${JSON.stringify(PASSKEY.playwright)}'`,
    `OKTA_PASSKEY_CAROL_EXAMPLE_COM_DEVTOOLS='${JSON.stringify(PASSKEY.devtools)}'`,
  ]);
});
