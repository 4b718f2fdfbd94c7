// The rows a Factor Matrix holds while it reads an org: saved rows until their user is read again,
// users no longer listed dropped when a load completes, the age of the oldest row, and the cache
// made from it all.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrixRow } from '../../src/factors/factorMatrix';
import { MATRIX_CACHE_VERSION, type MatrixCache } from '../../src/factors/matrixCache';
import { MatrixRows } from '../../src/factors/matrixRows';
import { aFactor, aUser } from '../support/builders';

const ann = aUser({ id: 'u1' });
const bob = aUser({ id: 'u2' });
const gone = aUser({ id: 'u3' });
const sms = aFactor('sms', { id: 'sms1' });
const push = aFactor('push', { id: 'push1', status: 'PENDING_ACTIVATION' });
const SAVED_AT = '2024-05-01T10:00:00.000Z';
const LOAD_1 = '2024-05-02T10:00:00.000Z';
const LOAD_2 = '2024-05-02T11:00:00.000Z';

function saved(complete = true): MatrixCache {
  return {
    version: MATRIX_CACHE_VERSION, orgId: 'org', savedAt: SAVED_AT, complete, cursor: 'next-link',
    columns: [{ key: 'sms/OKTA', label: 'SMS' }, { key: 'push/OKTA', label: 'Okta Verify push' }],
    rows: [matrixRow(ann, [sms]), matrixRow(bob, [sms]), matrixRow(gone, [push])],
  };
}

test('a restored matrix is shown, marked saved, until each user is read again', () => {
  const rows = new MatrixRows();
  rows.restore(saved());
  rows.beginLoad(LOAD_1);
  assert.equal(rows.size, 3);
  assert.deepEqual(rows.savedMark(), { savedAt: SAVED_AT, rows: 3, complete: true });
  assert.ok(rows.isSaved('u1'));
  assert.equal(rows.get('u1'), undefined, 'a saved row has no user to act on');
  rows.put(ann, [sms, push]);
  assert.ok(!rows.isSaved('u1'));
  assert.equal(rows.get('u1')?.user, ann);
  assert.deepEqual(Object.keys(rows.row('u1')!.cells).sort(), ['push/OKTA', 'sms/OKTA']);
  assert.equal(rows.size, 3, 'replaced, not added');
  assert.deepEqual(rows.savedMark(), { savedAt: SAVED_AT, rows: 2, complete: true });
});

test('a completed load drops users no longer listed and columns no row has, and is up to date', () => {
  const rows = new MatrixRows();
  rows.restore(saved());
  rows.beginLoad(LOAD_1);
  rows.put(ann, [sms]);
  rows.put(bob, [sms]);
  assert.deepEqual(rows.completeLoad(), ['u3']);
  assert.deepEqual(rows.rows().map((r) => r.userId).sort(), ['u1', 'u2']);
  assert.deepEqual(rows.columns().map((c) => c.key), ['sms/OKTA']);
  assert.equal(rows.savedMark(), undefined);
  const cache = rows.toCache('org', undefined, LOAD_2)!;
  assert.equal(cache.savedAt, LOAD_1, 'no row is older than the load that read them');
  assert.equal(cache.complete, true);
  assert.equal(cache.cursor, 'next-link', 'the change feed\'s cursor is kept as it was');
});

test('a load that stops keeps the saved rows: the cache is as old as they are and as complete as it was', () => {
  const rows = new MatrixRows();
  rows.restore(saved(false));
  rows.beginLoad(LOAD_1);
  rows.put(ann, [sms]);
  const cache = rows.toCache('org', 'a', LOAD_2)!;
  assert.equal(cache.savedAt, SAVED_AT);
  assert.equal(cache.complete, false);
  assert.equal(cache.userFilter, 'a');
  assert.equal(cache.rows.length, 3);
});

test('a reload shows the rows read before as saved rows, as old as the load that read them', () => {
  const rows = new MatrixRows();
  rows.beginLoad(LOAD_1);
  rows.put(ann, [sms]);
  rows.completeLoad();
  rows.beginLoad(LOAD_2);
  assert.deepEqual(rows.savedMark(), { savedAt: LOAD_1, rows: 1, complete: true });
  assert.equal(rows.get('u1'), undefined);
  assert.ok(rows.isSaved('u1'));
});

test('custom HOTP columns are labelled by profile name, and a label read now replaces the saved one', () => {
  const rows = new MatrixRows();
  const hotp = aFactor('token:hotp', { id: 'h1', factorProfileId: 'fpr1' });
  rows.restore({ ...saved(), columns: [{ key: 'token:hotp/CUSTOM/fpr1', label: 'Custom HOTP (old name)' }], rows: [matrixRow(ann, [hotp])] });
  rows.profileNames = new Map([['fpr1', 'Lab tokens']]);
  rows.put(ann, [hotp]);
  assert.deepEqual(rows.columns(), [{ key: 'token:hotp/CUSTOM/fpr1', label: 'Custom HOTP (Lab tokens)' }]);
});

test('nothing read and no finished load: nothing to save; every change counts', () => {
  const rows = new MatrixRows();
  rows.beginLoad(LOAD_1);
  assert.equal(rows.toCache('org', undefined, LOAD_2), undefined);
  const before = rows.changes;
  rows.put(ann, [], 'Okta refused.');
  assert.ok(rows.changes > before);
  assert.equal(rows.row('u1')?.error, 'Okta refused.');
  const empty = new MatrixRows();
  empty.beginLoad(LOAD_1);
  empty.completeLoad();
  assert.deepEqual(empty.toCache('org', 'nobody', LOAD_2)?.rows, [], 'a finished load of no user is worth saving');
});

test('brought up to date from the System Log: a changed row keeps its name, a gone user goes, the rest are current as of the look', () => {
  const LOOK = '2024-05-02T10:00:05.000Z';
  const rows = new MatrixRows();
  rows.restore(saved());
  rows.beginLoad(LOAD_1);
  const named = rows.row('u2')!.name;
  assert.deepEqual(rows.shownUser('u2'), { id: 'u2', status: bob.status, profile: { login: bob.profile.login } });
  rows.putFactors('u2', []);
  assert.deepEqual(rows.row('u2')!.cells, {}, 'the factors read now');
  assert.equal(rows.row('u2')!.name, named, 'the name the row showed, not the bare login');
  assert.ok(rows.remove('u3'));
  assert.ok(!rows.remove('u3'), 'once');
  rows.confirmSaved(LOOK);
  assert.equal(rows.savedMark(), undefined, 'no longer marked as saved: the log says they are current');
  assert.equal(rows.size, 2);
  const cache = rows.toCache('org', undefined, LOAD_2)!;
  assert.equal(cache.savedAt, LOOK, 'as of the look');
  assert.equal(cache.complete, true);
  rows.beginLoad(LOAD_2);
  assert.deepEqual(rows.savedMark(), { savedAt: LOOK, rows: 2, complete: true }, 'a later load marks every row saved as of the look');
});
