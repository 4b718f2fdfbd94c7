// Where saved factor matrices live: one JSON file per org and user filter in a folder of the
// extension's global storage, named by hashes (no org id, URL or filter text in a file name), each
// written whole or not at all. An org's files go when the org is removed; files of orgs no longer
// known go when the extension starts its work (an org removed while it was not running). A saved
// matrix is a convenience: a failure to read or write one is logged, never shown, never thrown.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeMatrixCache, encodeMatrixCache, MAX_MATRIX_CACHE_BYTES, type MatrixCache } from '../../factors/matrixCache';
import { writeFileWhole } from '../../util/wholeFile';

export type MatrixCacheWrite = 'written' | 'too large' | 'org removed' | 'failed';

const hash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);
/** Every file of an org starts with this, so the org's files are found without reading them. */
const orgPrefix = (orgId: string): string => hash(orgId, 16);
/** `<org>-<org and filter>.json`, and the temp files a write leaves if the process dies mid-way. */
const CACHE_FILE = /^([0-9a-f]{16})-[0-9a-f]{32}\.json(\.[0-9a-f]+\.tmp)?$/;

export class MatrixCacheStore {
  /** Orgs removed in this session: a load that ends after the removal must not write their file again. */
  private readonly removed = new Set<string>();
  /** Writes under way by path: a panel reopened while the closed one still saves reads what it saves. */
  private readonly writing = new Map<string, Promise<MatrixCacheWrite>>();

  constructor(private readonly folder: string, private readonly log: (line: string) => void) {}

  /** The file of an org and filter (`undefined`: every user, not the same as an empty filter). */
  pathOf(orgId: string, userFilter: string | undefined): string {
    return join(this.folder, `${orgPrefix(orgId)}-${hash(JSON.stringify([orgId, userFilter ?? null]), 32)}.json`);
  }

  /** The saved matrix, or undefined when there is none fit to show (missing, damaged, old, too big). */
  async read(orgId: string, userFilter: string | undefined): Promise<MatrixCache | undefined> {
    const path = this.pathOf(orgId, userFilter);
    await this.writing.get(path);
    try {
      if ((await stat(path)).size > MAX_MATRIX_CACHE_BYTES) return undefined;
      const cache = decodeMatrixCache(await readFile(path, 'utf8'), { orgId, userFilter });
      if (!cache) this.log('[matrix] The saved factor matrix could not be read (damaged or from another version); the org is read again.');
      return cache;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ENOENT') this.log(`[matrix] Could not read the saved factor matrix: ${describe(err)}`);
      return undefined;
    }
  }

  /** Writes after any write of the same file under way, so the last one asked for is the one kept. */
  write(cache: MatrixCache): Promise<MatrixCacheWrite> {
    const path = this.pathOf(cache.orgId, cache.userFilter);
    const written = (this.writing.get(path) ?? Promise.resolve()).then(() => this.writeNow(path, cache)).catch((err: unknown) => {
      this.log(`[matrix] Could not save the factor matrix: ${describe(err)}`);
      return 'failed' as const;
    });
    this.writing.set(path, written);
    void written.then(() => {
      if (this.writing.get(path) === written) this.writing.delete(path);
    });
    return written;
  }

  private async writeNow(path: string, cache: MatrixCache): Promise<MatrixCacheWrite> {
    if (this.removed.has(cache.orgId)) return 'org removed';
    const text = encodeMatrixCache(cache);
    if (Buffer.byteLength(text) > MAX_MATRIX_CACHE_BYTES) {
      this.log(`[matrix] The factor matrix (${cache.rows.length} users) is too big to save; it is read from the org on each open.`);
      return 'too large';
    }
    await mkdir(this.folder, { recursive: true });
    await writeFileWhole(path, text);
    // Removed while the file was being written: the removal's delete may have come first.
    if (this.removed.has(cache.orgId)) {
      await rm(path, { force: true }).catch(() => undefined);
      return 'org removed';
    }
    return 'written';
  }

  /** Deletes every saved matrix of a removed org (each filter's), and refuses to save one again. */
  async forgetOrg(orgId: string): Promise<void> {
    this.removed.add(orgId);
    const prefix = orgPrefix(orgId);
    await this.deleteWhere((filePrefix) => filePrefix === prefix);
  }

  /** Deletes the saved matrices of every org not in `orgIds` (removed while the extension did not run). */
  async keepOnly(orgIds: Iterable<string>): Promise<void> {
    const kept = new Set([...orgIds].map(orgPrefix));
    await this.deleteWhere((filePrefix) => !kept.has(filePrefix));
  }

  private async deleteWhere(matches: (orgPrefix: string) => boolean): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return; // no folder: nothing saved yet
    }
    const doomed = names.filter((name) => {
      const prefix = CACHE_FILE.exec(name)?.[1];
      return prefix !== undefined && matches(prefix);
    });
    await Promise.all(doomed.map((name) => rm(join(this.folder, name), { force: true }).catch((err: unknown) => {
      this.log(`[matrix] Could not delete a saved factor matrix: ${describe(err)}`);
    })));
  }
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
