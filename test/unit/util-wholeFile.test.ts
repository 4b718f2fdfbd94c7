// Writing a file whole: all or nothing, owner-only, and a failure in words that name the folder.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileWriteError, writeFileWhole } from '../../src/util/wholeFile';

test('writes the whole text, readable by its owner only, with no temp file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whole-'));
  const target = join(dir, 'secrets.env');
  writeFileSync(target, 'old');
  await writeFileWhole(target, 'A=1\n');
  assert.equal(readFileSync(target, 'utf8'), 'A=1\n');
  assert.equal(statSync(target).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir), ['secrets.env']);
});

test('a folder that cannot be written: the folder and the reason in words, no Node code or temp name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whole-'));
  const missing = join(dir, 'no-such-folder', 'secrets.env');
  await assert.rejects(writeFileWhole(missing, 'A=1\n'), (err: unknown) => {
    assert.ok(err instanceof FileWriteError);
    assert.equal(err.message, `Could not write secrets.env in ${join(dir, 'no-such-folder')}: the folder does not exist. Nothing was written.`);
    assert.doesNotMatch(err.message, /ENOENT|\.tmp/);
    return true;
  });
  const fileInTheWay = join(dir, 'a-file');
  writeFileSync(fileInTheWay, '');
  await assert.rejects(writeFileWhole(join(fileInTheWay, 'secrets.env'), 'A=1\n'), /a-file: part of the path is a file, not a folder\. Nothing was written\./);
});
