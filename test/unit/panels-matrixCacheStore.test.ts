// Saved factor matrices on disk: one file per org and filter named by hashes, read back only when
// sound, not written past the size cap, and deleted with their org (or when their org is unknown).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { matrixRow } from '../../src/factors/factorMatrix';
import { MATRIX_CACHE_VERSION, MAX_MATRIX_CACHE_BYTES, type MatrixCache } from '../../src/factors/matrixCache';
import { MatrixCacheStore } from '../../src/panels/matrix/matrixCacheStore';
import { aFactor, aUser } from '../support/builders';

function aStore(): { store: MatrixCacheStore; folder: string; log: string[] } {
  const folder = join(mkdtempSync(join(tmpdir(), 'matrix-store-')), 'factor-matrix');
  const log: string[] = [];
  return { store: new MatrixCacheStore(folder, (line) => log.push(line)), folder, log };
}

const cacheOf = (orgId: string, userFilter?: string): MatrixCache => ({
  version: MATRIX_CACHE_VERSION, orgId, ...(userFilter !== undefined ? { userFilter } : {}), savedAt: '2024-05-01T10:00:00.000Z', complete: true,
  columns: [{ key: 'sms/OKTA', label: 'SMS' }], rows: [matrixRow(aUser({ id: '00u1' }), [aFactor('sms')])],
});

test('written whole, owner-only, and read back per org and filter; nothing of either in the file name', async () => {
  const { store, folder } = aStore();
  assert.equal(await store.read('org-1', undefined), undefined, 'nothing saved yet (no folder either)');
  assert.equal(await store.write(cacheOf('org-1')), 'written');
  assert.equal(await store.write(cacheOf('org-1', 'ann')), 'written');
  assert.deepEqual(await store.read('org-1', undefined), cacheOf('org-1'));
  assert.deepEqual(await store.read('org-1', 'ann'), cacheOf('org-1', 'ann'));
  assert.equal(await store.read('org-1', ''), undefined, 'an empty filter is not "every user"');
  const names = readdirSync(folder);
  assert.equal(names.length, 2);
  for (const name of names) {
    assert.match(name, /^[0-9a-f]{16}-[0-9a-f]{32}\.json$/);
    assert.equal(statSync(join(folder, name)).mode & 0o777, 0o600);
  }
});

test('a damaged or oversized file is ignored (and logged), never thrown', async () => {
  const { store, log } = aStore();
  await store.write(cacheOf('org-1'));
  const path = store.pathOf('org-1', undefined);
  writeFileSync(path, readFileSync(path, 'utf8').slice(0, 40));
  assert.equal(await store.read('org-1', undefined), undefined);
  assert.match(log.join('\n'), /could not be read/);
  writeFileSync(path, Buffer.alloc(MAX_MATRIX_CACHE_BYTES + 1, 0x20));
  assert.equal(await store.read('org-1', undefined), undefined);
});

test('a matrix over the size cap is not written', async () => {
  const { store, log } = aStore();
  const cache = cacheOf('org-1');
  const huge = { ...cache, rows: [{ ...cache.rows[0], name: 'x'.repeat(MAX_MATRIX_CACHE_BYTES) }] };
  assert.equal(await store.write(huge), 'too large');
  assert.equal(await store.read('org-1', undefined), undefined);
  assert.match(log.join('\n'), /too big to save/);
});

test('a write that cannot happen is logged and reported, not thrown', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'matrix-store-'));
  writeFileSync(join(parent, 'a-file'), '');
  const log: string[] = [];
  const store = new MatrixCacheStore(join(parent, 'a-file', 'factor-matrix'), (line) => log.push(line));
  assert.equal(await store.write(cacheOf('org-1')), 'failed');
  assert.match(log.join('\n'), /Could not save the factor matrix/);
});

test('a removed org\'s matrices go, every filter\'s, and are not written again; other orgs\' stay', async () => {
  const { store, folder } = aStore();
  await store.write(cacheOf('org-1'));
  await store.write(cacheOf('org-1', 'ann'));
  await store.write(cacheOf('org-2'));
  await store.forgetOrg('org-1');
  assert.deepEqual(readdirSync(folder), [store.pathOf('org-2', undefined).slice(folder.length + 1)]);
  assert.equal(await store.write(cacheOf('org-1')), 'org removed', 'a load that ends after the removal');
  assert.equal(await store.read('org-1', undefined), undefined);
});

test('matrices of orgs no longer known go at start, with temp files a crashed write left; other files stay', async () => {
  const { store, folder } = aStore();
  await store.write(cacheOf('org-1'));
  await store.write(cacheOf('org-2'));
  writeFileSync(`${store.pathOf('org-2', 'x')}.0123456789ab.tmp`, '{');
  writeFileSync(join(folder, 'notes.txt'), 'not ours');
  await store.keepOnly(['org-1']);
  assert.deepEqual(readdirSync(folder).sort(), [store.pathOf('org-1', undefined).slice(folder.length + 1), 'notes.txt'].sort());
});

test('a read waits for the writes of its file under way; the last write asked for is the one kept', async () => {
  const { store } = aStore();
  const first = store.write(cacheOf('org-1'));
  const second = store.write({ ...cacheOf('org-1'), savedAt: '2024-05-02T10:00:00.000Z' });
  assert.equal((await store.read('org-1', undefined))?.savedAt, '2024-05-02T10:00:00.000Z');
  assert.deepEqual([await first, await second], ['written', 'written']);
});
