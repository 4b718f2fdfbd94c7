// The rows a Factor Matrix holds while it reads an org: rows read in this session (with the user and
// factors their actions need) and rows kept from the saved matrix, shown until their user is read
// again. It knows how old the oldest row shown is and whether the rows cover every user a finished
// load listed, and turns itself into the cache to save. Free of `vscode`.
import type { OktaUser, UserFactor } from '../okta/models';
import { columnKeyOf, columnLabelOf, matrixRow, sortColumns, type MatrixColumn, type MatrixRow } from './factorMatrix';
import { MATRIX_CACHE_VERSION, type MatrixCache } from './matrixCache';

export interface ReadUser {
  user: OktaUser;
  factors: readonly UserFactor[];
  row: MatrixRow;
}

/** Rows from the saved matrix still on screen: since when, how many, and whether it had every user. */
export interface SavedRowsMark {
  savedAt: string;
  rows: number;
  complete: boolean;
}

export class MatrixRows {
  private readonly read = new Map<string, ReadUser>();
  private readonly saved = new Map<string, MatrixRow>();
  private readonly columnsByKey = new Map<string, MatrixColumn>();
  /** When the saved rows were read (ISO). */
  private savedAt?: string;
  /** Set when the System Log confirmed the saved rows as of then (a quick refresh). */
  private confirmedAt?: string;
  /** When the current load started: no row read since is older. */
  private readSince?: string;
  /** The rows cover every user that a finished load listed. */
  private covered = false;
  private revision = 0;
  /** Opaque to the matrix: kept for the change feed and saved with the rows. */
  cursor?: string;
  /** Custom HOTP profile names, for the labels of their columns. */
  profileNames: ReadonlyMap<string, string> = new Map();

  /** Grows with every change, so a matrix that did not change is not saved again. */
  get changes(): number {
    return this.revision;
  }

  /** Shows a saved matrix until its users are read again; a user read already keeps the row read. */
  restore(cache: MatrixCache): void {
    for (const row of cache.rows) if (!this.read.has(row.userId)) this.saved.set(row.userId, row);
    for (const column of cache.columns) if (!this.columnsByKey.has(column.key)) this.columnsByKey.set(column.key, column);
    this.savedAt = cache.savedAt;
    this.covered = cache.complete;
    this.cursor = cache.cursor;
  }

  /** A load starts at `now`: rows read before stay on screen, as saved rows as old as the load that read them. */
  beginLoad(now: string): void {
    if (this.confirmedAt !== undefined) this.savedAt = this.confirmedAt;
    this.confirmedAt = undefined;
    if (this.read.size > 0) {
      // The age shown is the oldest row's: saved rows still on screen are older than any read since.
      if (this.saved.size === 0) this.savedAt = this.readSince ?? now;
      for (const [userId, { row }] of this.read) this.saved.set(userId, row);
      this.read.clear();
    }
    this.readSince = now;
  }

  /**
   * The System Log says the saved rows not read again are as they were: they are current as of
   * `now` (the feed's look), and no longer marked as saved.
   */
  confirmSaved(now: string): void {
    if (this.saved.size === 0) return;
    this.confirmedAt = now;
    this.revision++;
  }

  /**
   * The user a row is about: as read, or for a saved row the identity it shows (id, login, status),
   * enough to read the user's factors by.
   */
  shownUser(userId: string): OktaUser | undefined {
    const row = this.saved.get(userId);
    return this.read.get(userId)?.user ?? (row && { id: row.userId, status: row.userStatus as OktaUser['status'], profile: { login: row.login } });
  }

  /** A saved row's factors read again: the identity the row shows (login, name, status) stays, only the cells change. */
  putFactors(userId: string, factors: readonly UserFactor[]): void {
    const row = this.saved.get(userId);
    const user = this.shownUser(userId);
    if (!user) return;
    const put = this.put(user, factors);
    if (row) put.name = row.name;
  }

  /** Drops a user's row (deleted, or no longer shown); returns whether there was one. */
  remove(userId: string): boolean {
    const had = this.read.delete(userId) || this.saved.delete(userId);
    if (had) this.revision++;
    return had;
  }

  /** A user's factors as read now (or, with `error`, why they could not be): replaces the user's row. */
  put(user: OktaUser, factors: readonly UserFactor[], error?: string): MatrixRow {
    for (const factor of factors) {
      const key = columnKeyOf(factor);
      // The label again: a Custom HOTP profile may have been renamed since the matrix was saved.
      this.columnsByKey.set(key, { key, label: columnLabelOf(factor, this.profileNames) });
    }
    const row = matrixRow(user, factors, error);
    this.read.set(user.id, { user, factors, row });
    this.saved.delete(user.id);
    this.revision++;
    return row;
  }

  /**
   * The load read every user it listed, so a saved row left is of a user no longer listed: those
   * rows go (their ids are returned), and so do columns no row has any more.
   */
  completeLoad(): string[] {
    const gone = [...this.saved.keys()];
    this.saved.clear();
    this.savedAt = undefined;
    this.confirmedAt = undefined;
    this.covered = true;
    const used = new Set([...this.read.values()].flatMap(({ row }) => Object.keys(row.cells)));
    for (const key of [...this.columnsByKey.keys()]) if (!used.has(key)) this.columnsByKey.delete(key);
    this.revision++;
    return gone;
  }

  /** A user read in this session. */
  get(userId: string): ReadUser | undefined {
    return this.read.get(userId);
  }

  /** The row shown for a user, read or saved. */
  row(userId: string): MatrixRow | undefined {
    return this.read.get(userId)?.row ?? this.saved.get(userId);
  }

  /** Whether the user's row is from the saved matrix, not read again yet. */
  isSaved(userId: string): boolean {
    return this.saved.has(userId);
  }

  get size(): number {
    return this.read.size + this.saved.size;
  }

  rows(): MatrixRow[] {
    return [...this.saved.values(), ...[...this.read.values()].map((u) => u.row)];
  }

  columns(): MatrixColumn[] {
    return sortColumns(this.columnsByKey.values());
  }

  /** Set while rows from the saved matrix are on screen. */
  savedMark(): SavedRowsMark | undefined {
    if (this.confirmedAt !== undefined) return undefined;
    return this.saved.size > 0 && this.savedAt !== undefined ? { savedAt: this.savedAt, rows: this.saved.size, complete: this.covered } : undefined;
  }

  /** What to save; undefined while there is nothing worth keeping (no row, and no finished load saying so). */
  toCache(orgId: string, userFilter: string | undefined, now: string): MatrixCache | undefined {
    if (this.size === 0 && !this.covered) return undefined;
    return {
      version: MATRIX_CACHE_VERSION,
      orgId,
      ...(userFilter !== undefined ? { userFilter } : {}),
      savedAt: (this.saved.size > 0 ? this.confirmedAt ?? this.savedAt : this.readSince) ?? now,
      complete: this.covered,
      ...(this.cursor !== undefined ? { cursor: this.cursor } : {}),
      columns: this.columns(),
      rows: this.rows(),
    };
  }
}
