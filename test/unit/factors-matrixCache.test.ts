// The saved factor matrix as data: what goes into the file (statuses, factor kinds and ids, logins,
// names; no factor profile, no phone number, no secret, whatever the row objects carry), and what
// comes back out (exactly that shape, or nothing: damaged, old, foreign or oversized files are ignored).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnKeyOf, matrixRow, sortColumns, type MatrixColumn, type MatrixRow } from '../../src/factors/factorMatrix';
import { decodeMatrixCache, encodeMatrixCache, MATRIX_CACHE_VERSION, MAX_MATRIX_CACHE_BYTES, type MatrixCache } from '../../src/factors/matrixCache';
import { aUser } from '../support/builders';
import { activeSms, googleTotp, push, question } from './factorFixtures';

const ORG = { orgId: 'org-1' };
const ann = aUser({ id: '00u1', profile: { login: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', email: 'ann.private@example.org', mobilePhone: '+1-555-0100' } });
const bob = aUser({ id: '00u2', profile: { login: 'bob@example.com' } });
const factors = [activeSms, question, googleTotp, push];
const columns: MatrixColumn[] = sortColumns(factors.map((f) => ({ key: columnKeyOf(f), label: f.factorType })));

function aCache(overrides: Partial<MatrixCache> = {}): MatrixCache {
  return {
    version: MATRIX_CACHE_VERSION, orgId: ORG.orgId, savedAt: '2024-05-01T10:00:00.000Z', complete: true,
    columns, rows: [matrixRow(ann, factors), matrixRow(bob, [], 'Okta refused: you may not read this user\'s factors.')],
    ...overrides,
  };
}

/** The file's JSON, edited (Reflect for what the types forbid): for files this version did not write. */
function edited(edit: (json: MatrixCache) => void, cache = aCache()): string {
  const json = JSON.parse(encodeMatrixCache(cache)) as MatrixCache;
  edit(json);
  return JSON.stringify(json);
}

test('round trip: what is encoded decodes to the same matrix, with its filter and change-feed cursor', () => {
  const cache = aCache({ userFilter: 'ann', cursor: 'https://example.okta.com/api/v1/logs?after=1714557600000_1' });
  assert.deepEqual(decodeMatrixCache(encodeMatrixCache(cache), { orgId: ORG.orgId, userFilter: 'ann' }), cache);
  const everyUser = aCache();
  assert.deepEqual(decodeMatrixCache(encodeMatrixCache(everyUser), ORG), everyUser);
});

test('a cache is only for its own org and filter', () => {
  const text = encodeMatrixCache(aCache({ userFilter: 'ann' }));
  assert.equal(decodeMatrixCache(text, { orgId: 'org-2', userFilter: 'ann' }), undefined);
  assert.equal(decodeMatrixCache(text, { orgId: ORG.orgId, userFilter: 'bob' }), undefined);
  assert.equal(decodeMatrixCache(text, ORG), undefined, 'every user is not the filtered matrix');
});

test('only statuses and factor kinds are stored: no factor profile, phone number, email other than the login, or secret', () => {
  const row = matrixRow(ann, factors);
  // What a careless caller might hand over: the user, the factors with their profiles, a secret.
  const leaky = {
    ...row,
    user: ann,
    profile: ann.profile,
    cells: Object.fromEntries(Object.entries(row.cells).map(([key, cell]) => [key, {
      ...cell, profile: { phoneNumber: '+1-555-415-1337' }, factors: cell.factors.map((f) => ({ ...f, profile: { phoneNumber: '+1-555-415-1337' }, sharedSecret: 'JBSWY3DPEHPK3PXP' })),
    }])),
  } as MatrixRow;
  const text = encodeMatrixCache(aCache({ rows: [leaky], columns: columns.map((c) => ({ ...c, hint: 'x' }) as MatrixColumn) }));
  for (const leak of ['+1-555-415-1337', '+1-555-0100', 'ann.private@example.org', 'JBSWY3DPEHPK3PXP', 'favorite_art_piece', 'credentialId', 'profile', 'hint']) {
    assert.ok(!text.includes(leak), `${leak} is not stored`);
  }
  assert.deepEqual(decodeMatrixCache(text, ORG)?.rows, [row], 'what is kept is the row as the grid shows it');
  assert.deepEqual(Object.keys(row).sort(), ['cells', 'login', 'name', 'userId', 'userStatus'], 'a matrix row itself holds nothing more');
});

test('a damaged, truncated or foreign file is ignored, never a crash', () => {
  const text = encodeMatrixCache(aCache());
  const refused: Array<[string, string]> = [
    ['empty', ''],
    ['truncated', text.slice(0, text.length / 2)],
    ['not JSON', 'garbage'],
    ['an array', '[]'],
    ['null', 'null'],
    ['an older version', edited((j) => Reflect.set(j, 'version', 0))],
    ['a newer version', edited((j) => Reflect.set(j, 'version', MATRIX_CACHE_VERSION + 1))],
    ['a field this version does not know', edited((j) => Reflect.set(j, 'extra', 1))],
    ['an unreadable date', edited((j) => { j.savedAt = 'yesterday'; })],
    ['complete not a boolean', edited((j) => Reflect.set(j, 'complete', 'yes'))],
    ['a cursor not a string', edited((j) => Reflect.set(j, 'cursor', 42))],
    ['rows not a list', edited((j) => Reflect.set(j, 'rows', {}))],
    ['a row without a user id', edited((j) => Reflect.deleteProperty(j.rows[0], 'userId'))],
    ['a row with an empty user id', edited((j) => { j.rows[0].userId = ''; })],
    ['the same user twice', edited((j) => { j.rows.push(j.rows[0]); })],
    ['a row with a field more', edited((j) => Reflect.set(j.rows[0], 'phoneNumber', '+1-555-415-1337'))],
    ['a factor with a profile', edited((j) => Reflect.set(j.rows[0].cells['sms/OKTA'].factors[0], 'profile', { phoneNumber: '+1' }))],
    ['a cell without factors', edited((j) => { j.rows[0].cells['sms/OKTA'].factors = []; })],
    ['a status not a string', edited((j) => Reflect.set(j.rows[0].cells['sms/OKTA'], 'status', 1))],
    ['a cell in no column', edited((j) => { j.rows[0].cells['nosuch/OKTA'] = j.rows[0].cells['sms/OKTA']; })],
    ['a column named like a prototype field', edited((j) => Reflect.set(j.rows[0].cells, 'constructor', j.rows[0].cells['sms/OKTA']))],
    ['a column listed twice', edited((j) => { j.columns.push(j.columns[0]); })],
    ['a column without a label', edited((j) => Reflect.deleteProperty(j.columns[0], 'label'))],
    ['a name of a megabyte', edited((j) => { j.rows[0].name = 'x'.repeat(1_000_000); })],
  ];
  for (const [what, bad] of refused) assert.equal(decodeMatrixCache(bad, ORG), undefined, what);
  // `__proto__` in JSON is an own key: refused like any key outside the columns, never a prototype.
  const proto = text.replace('"cells":{', '"cells":{"__proto__":{"status":"ACTIVE","factors":[{"id":"x","status":"ACTIVE"}]},');
  assert.equal(decodeMatrixCache(proto, ORG), undefined);
});

test('an oversized file is refused before it is parsed', () => {
  const huge = ' '.repeat(MAX_MATRIX_CACHE_BYTES + 1);
  const parse = JSON.parse;
  let parsed = false;
  JSON.parse = ((...args: Parameters<typeof JSON.parse>): unknown => { parsed = true; return parse(...args); }) as typeof JSON.parse;
  try {
    assert.equal(decodeMatrixCache(huge, ORG), undefined);
  } finally {
    JSON.parse = parse;
  }
  assert.equal(parsed, false);
});

test('a cell keyed outside the columns is written with a column of its own, so the file reads back', () => {
  const text = encodeMatrixCache(aCache({ columns: [] }));
  const back = decodeMatrixCache(text, ORG);
  assert.deepEqual(back?.columns.map((c) => c.key).sort(), columns.map((c) => c.key).sort());
});
