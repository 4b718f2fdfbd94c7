// The factor matrix model: columns per type and provider, cell status, counts, filters, sorting,
// and the CSV/JSON export (quoting, formula injection).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  columnCounts, columnKeyOf, columnLabelOf, DEFAULT_VIEW, matrixRow, sortColumns, statusOf, viewRows, type MatrixView,
} from '../../src/factors/factorMatrix';
import { csvField, matrixCsv, matrixJson } from '../../src/factors/matrixExport';
import { aFactor, aUser } from '../support/builders';
import { activeSms, googleTotp, push, question, sms } from './factorFixtures';

const user = (id: string, login: string, firstName?: string) => aUser({ id, profile: { login, firstName, lastName: firstName && 'Lee' } });
const oktaTotp = aFactor('token:software:totp', { id: 't2' });
const hotp = aFactor('token:hotp', { id: 'h1', factorProfileId: 'fpr1' });

const view = (patch: Partial<MatrixView['filter']> = {}, sort: MatrixView['sort'] = DEFAULT_VIEW.sort): MatrixView =>
  ({ filter: { ...DEFAULT_VIEW.filter, ...patch }, sort });

const rows = [
  matrixRow(user('u1', 'ann@example.com', 'Ann'), [activeSms, question]),
  matrixRow(user('u2', 'bob@example.com'), [sms, googleTotp]),
  matrixRow(user('u3', 'cy@example.com'), []),
  matrixRow(user('u4', 'dee@example.com'), [oktaTotp, hotp, push]),
];

test('columns tell providers apart where it matters, and Custom HOTP by factor profile', () => {
  assert.equal(columnKeyOf(googleTotp), 'token:software:totp/GOOGLE');
  assert.equal(columnKeyOf(oktaTotp), 'token:software:totp/OKTA');
  assert.equal(columnKeyOf(hotp), 'token:hotp/CUSTOM/fpr1');
  assert.equal(columnLabelOf(googleTotp), 'Google Authenticator');
  assert.equal(columnLabelOf(hotp, new Map([['fpr1', 'Lab tokens']])), 'Custom HOTP (Lab tokens)');
  const columns = sortColumns([{ key: 'sms/OKTA', label: 'SMS' }, { key: 'email/OKTA', label: 'Email' }, { key: 'sms/OKTA', label: 'SMS' }]);
  assert.deepEqual(columns.map((c) => c.key), ['email/OKTA', 'sms/OKTA']);
});

test('a cell shows its best status; an absent column reads NOT_SETUP', () => {
  const twoPushes = matrixRow(user('u5', 'eve@example.com'), [push, aFactor('push', { id: 'p2' })]);
  assert.equal(statusOf(twoPushes, 'push/OKTA'), 'ACTIVE');
  assert.deepEqual(twoPushes.cells['push/OKTA'].factors.map((f) => f.id), ['p2', 'p1']);
  assert.equal(statusOf(rows[0], 'push/OKTA'), 'NOT_SETUP');
  assert.equal(rows[0].name, 'Ann Lee');
});

test('counts per column and status leave out rows that failed to load', () => {
  const failed = matrixRow(user('u9', 'zed@example.com'), [], 'Okta answered 500');
  const counts = columnCounts([...rows, failed], [{ key: 'sms/OKTA', label: 'SMS' }, { key: 'push/OKTA', label: 'push' }]);
  assert.deepEqual(counts['sms/OKTA'], { ACTIVE: 1, PENDING_ACTIVATION: 1, NOT_SETUP: 2 });
  assert.deepEqual(counts['push/OKTA'], { NOT_SETUP: 3, PENDING_ACTIVATION: 1 });
});

test('a "has" filter by a name that is no column (a prototype name) matches nobody', () => {
  for (const key of ['constructor', '__proto__', 'toString']) assert.deepEqual(viewRows(rows, view({ has: [key] })), []);
});

test('filters: a pending factor, no MFA at all, has <type>, text on login or name; all at once narrows', () => {
  const logins = (v: MatrixView) => viewRows(rows, v).map((r) => r.login);
  assert.deepEqual(logins(view({ pending: true })), ['bob@example.com', 'dee@example.com']);
  assert.deepEqual(logins(view({ noMfa: true })), ['bob@example.com', 'cy@example.com']);
  assert.deepEqual(logins(view({ has: ['sms/OKTA'] })), ['ann@example.com', 'bob@example.com']);
  assert.deepEqual(logins(view({ text: 'LEE' })), ['ann@example.com']);
  assert.deepEqual(logins(view({ text: 'dee' })), ['dee@example.com']);
  assert.deepEqual(logins(view({ pending: true, has: ['sms/OKTA'] })), ['bob@example.com']);
  assert.deepEqual(logins(view({ noMfa: true, has: ['question/OKTA'] })), []);
});

test('sorting by a column orders active, pending, other, not set up; ties by login; descending reverses', () => {
  const bySms = viewRows(rows, view({}, { by: 'sms/OKTA', descending: false })).map((r) => r.userId);
  assert.deepEqual(bySms, ['u1', 'u2', 'u3', 'u4']);
  const byPush = (descending: boolean) => viewRows(rows, view({}, { by: 'push/OKTA', descending })).map((r) => r.userId);
  assert.deepEqual(byPush(false), ['u4', 'u1', 'u2', 'u3']);
  assert.deepEqual(byPush(true), ['u1', 'u2', 'u3', 'u4']);
  const byUser = viewRows(rows, view({}, { by: 'user', descending: true })).map((r) => r.userId);
  assert.deepEqual(byUser, ['u4', 'u3', 'u2', 'u1']);
});

test('CSV: quoted where needed, formula starts defused, one line per user, CRLF', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  for (const start of ['=', '+', '-', '@']) assert.equal(csvField(`${start}1+1`), `'${start}1+1`);
  assert.equal(csvField('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  const evil = matrixRow(aUser({ id: 'u7', profile: { login: '=cmd|x@example.com', firstName: 'Smith, Jo' } }), [activeSms]);
  const csv = matrixCsv([rows[0], evil, matrixRow(user('u8', 'x@example.com'), [], 'Okta answered 500')], [{ key: 'sms/OKTA', label: 'SMS' }, { key: 'push/OKTA', label: 'Okta Verify push' }]);
  assert.equal(csv, [
    'login,name,user status,SMS,Okta Verify push,error',
    'ann@example.com,Ann Lee,ACTIVE,ACTIVE,NOT_SETUP,',
    `'=cmd|x@example.com,"Smith, Jo",ACTIVE,ACTIVE,NOT_SETUP,`,
    'x@example.com,x@example.com,ACTIVE,,,Okta answered 500',
    '',
  ].join('\r\n'));
});

test('JSON: every user with its factors per column, or its error', () => {
  const json = JSON.parse(matrixJson([rows[1], matrixRow(user('u8', 'x@example.com'), [], 'boom')], [{ key: 'sms/OKTA', label: 'SMS' }, { key: 'push/OKTA', label: 'push' }],
    { org: 'Demo', exportedAt: '2026-01-01T00:00:00.000Z' })) as { org: string; users: Array<{ factors?: unknown }> };
  assert.equal(json.org, 'Demo');
  assert.deepEqual(json.users[0].factors, { 'sms/OKTA': [{ id: 'sms1', status: 'PENDING_ACTIVATION' }] });
  assert.deepEqual(json.users[1], { id: 'u8', login: 'x@example.com', name: 'x@example.com', status: 'ACTIVE', error: 'boom' });
});
