// The factor matrix of one org and user filter as kept between sessions, so the panel can draw it
// the moment it opens and read the org again behind it. What is kept is what the grid shows:
// logins, display names, user statuses, and per cell the status and factor ids with their statuses
// (a row's error sentence too). Never a factor's profile (phone numbers, email addresses), never a
// secret: encoding copies those fields only, whatever else a row object carries, and decoding
// refuses anything that is not exactly that shape. Free of `vscode`.
import type { MatrixCell, MatrixColumn, MatrixRow } from './factorMatrix';

/** Bumped when the shape changes: a file of another version is ignored (read again from the org). */
export const MATRIX_CACHE_VERSION = 1;

/**
 * A cache file bigger than this is neither written nor read. 10,000 users take about 4 MB; a file
 * this big would be parsed on the extension host's one thread on every open and posted whole to the
 * webview, a freeze longer than reading the org again is worth.
 */
export const MAX_MATRIX_CACHE_BYTES = 50 * 1024 * 1024;

export interface MatrixCache {
  version: typeof MATRIX_CACHE_VERSION;
  orgId: string;
  /** The org's user filter in the tree the matrix was limited to; absent: every user. */
  userFilter?: string;
  /** When the oldest row was read (ISO). */
  savedAt: string;
  /** The rows cover every user a finished load listed (false: a load stopped part-way). */
  complete: boolean;
  /** Opaque to the matrix: where a change feed resumes (a System Log `next` link). */
  cursor?: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

// Caps on what is read back: generous for Okta's values, small enough that a damaged file cannot
// put megabytes into one label.
const MAX_ID = 100;
const MAX_TEXT = 1000;
const MAX_STATUS = 60;
const MAX_CURSOR = 4000;

/** The file's text: the kept fields only. */
export function encodeMatrixCache(cache: MatrixCache): string {
  const columns = new Map(cache.columns.map(({ key, label }) => [key, { key, label }]));
  // Decoding wants every cell in a listed column; a column a caller forgot is named by its key.
  for (const row of cache.rows) for (const key of Object.keys(row.cells)) if (!columns.has(key)) columns.set(key, { key, label: key });
  const kept: MatrixCache = {
    version: MATRIX_CACHE_VERSION,
    orgId: cache.orgId,
    ...(cache.userFilter !== undefined ? { userFilter: cache.userFilter } : {}),
    savedAt: cache.savedAt,
    complete: cache.complete,
    ...(cache.cursor !== undefined ? { cursor: cache.cursor } : {}),
    columns: [...columns.values()],
    rows: cache.rows.map(keptRow),
  };
  return JSON.stringify(kept);
}

function keptRow(row: MatrixRow): MatrixRow {
  const cells = Object.fromEntries(Object.entries(row.cells).map(([key, cell]): [string, MatrixCell] =>
    [key, { status: cell.status, factors: cell.factors.map(({ id, status }) => ({ id, status })) }]));
  const { userId, login, name, userStatus, error } = row;
  return { userId, login, name, userStatus, cells, ...(error !== undefined ? { error } : {}) };
}

/**
 * The cache in `text` when it is exactly a cache of this version for `orgId` and `userFilter`;
 * undefined for anything else (damaged, truncated, another version, another org, too big).
 */
export function decodeMatrixCache(text: string, expected: { orgId: string; userFilter?: string }): MatrixCache | undefined {
  // Length in UTF-16 units is at most the byte length: a cheap first refusal before parsing.
  if (text.length > MAX_MATRIX_CACHE_BYTES) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !hasOnly(raw, ['version', 'orgId', 'userFilter', 'savedAt', 'complete', 'cursor', 'columns', 'rows'])) return undefined;
  const { version, orgId, userFilter, savedAt, complete, cursor, columns, rows } = raw;
  if (version !== MATRIX_CACHE_VERSION || orgId !== expected.orgId || userFilter !== expected.userFilter) return undefined;
  if (!isText(savedAt, MAX_ID) || Number.isNaN(Date.parse(savedAt)) || typeof complete !== 'boolean') return undefined;
  if (cursor !== undefined && !isText(cursor, MAX_CURSOR)) return undefined;
  if (!Array.isArray(columns) || !columns.every(isColumn)) return undefined;
  const keys = new Set(columns.map((c) => c.key));
  if (keys.size !== columns.length || !Array.isArray(rows)) return undefined;
  const read: MatrixRow[] = [];
  const users = new Set<string>();
  for (const row of rows) {
    const checked = readRow(row, keys);
    if (!checked || users.has(checked.userId)) return undefined;
    users.add(checked.userId);
    read.push(checked);
  }
  return {
    version, orgId: expected.orgId, ...(userFilter !== undefined ? { userFilter: expected.userFilter } : {}), savedAt, complete,
    ...(cursor !== undefined ? { cursor } : {}), columns: columns.map(({ key, label }) => ({ key, label })), rows: read,
  };
}

function readRow(raw: unknown, columnKeys: ReadonlySet<string>): MatrixRow | undefined {
  if (!isRecord(raw) || !hasOnly(raw, ['userId', 'login', 'name', 'userStatus', 'cells', 'error'])) return undefined;
  const { userId, login, name, userStatus, cells, error } = raw;
  if (!isText(userId, MAX_ID) || userId === '' || !isText(login, MAX_TEXT) || !isText(name, MAX_TEXT) || !isText(userStatus, MAX_STATUS)) return undefined;
  if (error !== undefined && !isText(error, MAX_TEXT)) return undefined;
  if (!isRecord(cells)) return undefined;
  const entries: Array<[string, MatrixCell]> = [];
  for (const [key, cell] of Object.entries(cells)) {
    // Every cell is in a listed column: a key such as `__proto__` or `constructor` is not.
    if (!columnKeys.has(key)) return undefined;
    const checked = readCell(cell);
    if (!checked) return undefined;
    entries.push([key, checked]);
  }
  // fromEntries defines own properties: a column key can never reach a prototype.
  return { userId, login, name, userStatus, cells: Object.fromEntries(entries), ...(error !== undefined ? { error } : {}) };
}

function readCell(raw: unknown): MatrixCell | undefined {
  if (!isRecord(raw) || !hasOnly(raw, ['status', 'factors']) || !isText(raw.status, MAX_STATUS) || !Array.isArray(raw.factors)) return undefined;
  const factors: MatrixCell['factors'] = [];
  for (const factor of raw.factors) {
    if (!isRecord(factor) || !hasOnly(factor, ['id', 'status']) || !isText(factor.id, MAX_ID) || !isText(factor.status, MAX_STATUS)) return undefined;
    factors.push({ id: factor.id, status: factor.status });
  }
  // A cell exists because the user has a factor in that column.
  return factors.length > 0 ? { status: raw.status, factors } : undefined;
}

function isColumn(raw: unknown): raw is MatrixColumn {
  return isRecord(raw) && hasOnly(raw, ['key', 'label']) && isText(raw.key, MAX_TEXT) && raw.key !== '' && isText(raw.label, MAX_TEXT);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** No field but these: a file with more was not written by this version. */
function hasOnly(value: Record<string, unknown>, fields: readonly string[]): boolean {
  return Object.keys(value).every((key) => fields.includes(key));
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}
