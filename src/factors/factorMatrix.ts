// The factor matrix as data: rows are users, columns are factor types (with the provider where it
// tells two apart: Google Authenticator vs Okta Verify TOTP, a Custom HOTP per factor profile),
// cells the status. Counting, filtering and sorting live here so the panel's script and the host's
// export agree on what "the matrix as shown" is. Free of `vscode` and of the DOM.
import type { OktaUser, UserFactor } from '../okta/models';
import { factorTypeLabel, userDisplayName } from './names';

/** A cell's status: the factor's own, or NOT_SETUP when the user has none of that column. */
export type CellStatus = 'ACTIVE' | 'PENDING_ACTIVATION' | 'NOT_SETUP' | string;
export const NOT_SETUP = 'NOT_SETUP';
export const PENDING = 'PENDING_ACTIVATION';
export const ACTIVE = 'ACTIVE';

export interface MatrixColumn {
  /** `factorType/provider`, plus `/factorProfileId` for Custom HOTP. */
  key: string;
  label: string;
}

export interface MatrixCell {
  status: CellStatus;
  /** Every factor of the user in this column (a user may have two push devices), best status first. */
  factors: Array<{ id: string; status: string }>;
}

export interface MatrixRow {
  userId: string;
  login: string;
  name: string;
  userStatus: string;
  /** Column key -> cell; a column missing here is NOT_SETUP. */
  cells: Record<string, MatrixCell>;
  /** The user's factors could not be read: the sentence why (the cells are unknown, not empty). */
  error?: string;
}

/** A column's key for a factor. */
export function columnKeyOf(factor: Pick<UserFactor, 'factorType' | 'provider'> & { factorProfileId?: string }): string {
  const base = `${factor.factorType}/${String(factor.provider ?? '').toUpperCase()}`;
  return factor.factorType === 'token:hotp' && factor.factorProfileId ? `${base}/${factor.factorProfileId}` : base;
}

/** "Google Authenticator", "Custom HOTP (My profile)". `profileNames` maps Custom TOTP profile ids to names. */
export function columnLabelOf(factor: Pick<UserFactor, 'factorType' | 'provider'> & { factorProfileId?: string },
  profileNames: ReadonlyMap<string, string> = new Map()): string {
  const label = factorTypeLabel(factor);
  if (factor.factorType !== 'token:hotp' || !factor.factorProfileId) return label;
  return `${label} (${profileNames.get(factor.factorProfileId) ?? factor.factorProfileId})`;
}

const STATUS_RANK: Record<string, number> = { [ACTIVE]: 0, [PENDING]: 1, [NOT_SETUP]: 3 };
const rankOf = (status: string): number => STATUS_RANK[status] ?? 2;

/** One user's row from the factors Okta listed (or the reason they could not be read). */
export function matrixRow(user: OktaUser, factors: readonly UserFactor[], error?: string): MatrixRow {
  const cells: Record<string, MatrixCell> = {};
  for (const factor of factors) {
    const cell = (cells[columnKeyOf(factor)] ??= { status: NOT_SETUP, factors: [] });
    cell.factors.push({ id: factor.id, status: factor.status });
  }
  for (const cell of Object.values(cells)) {
    cell.factors.sort((a, b) => rankOf(a.status) - rankOf(b.status));
    cell.status = cell.factors[0].status;
  }
  return { userId: user.id, login: user.profile.login, name: userDisplayName(user), userStatus: user.status, cells, ...(error ? { error } : {}) };
}

/** Columns in a stable order: by label, so a streamed-in column lands where it will stay. */
export function sortColumns(columns: Iterable<MatrixColumn>): MatrixColumn[] {
  const unique = new Map<string, MatrixColumn>();
  for (const column of columns) unique.set(column.key, column);
  return [...unique.values()].sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

/** A column's cell of the row: its own key only (a name such as `constructor` is no column). */
const cellOf = (row: MatrixRow, key: string): MatrixCell | undefined => (Object.hasOwn(row.cells, key) ? row.cells[key] : undefined);

export const statusOf = (row: MatrixRow, key: string): CellStatus => cellOf(row, key)?.status ?? NOT_SETUP;

/** Per column, how many rows have each status (NOT_SETUP included; rows that failed to load left out). */
export function columnCounts(rows: readonly MatrixRow[], columns: readonly MatrixColumn[]): Record<string, Record<CellStatus, number>> {
  const counts: Record<string, Record<CellStatus, number>> = {};
  for (const column of columns) counts[column.key] = {};
  for (const row of rows) {
    if (row.error) continue;
    for (const column of columns) {
      const byStatus = counts[column.key];
      const status = statusOf(row, column.key);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
  }
  return counts;
}

export interface MatrixFilter {
  /** Case-insensitive substring of the login or the name. */
  text: string;
  /** Only users with a factor pending activation. */
  pending: boolean;
  /** Only users with no active factor at all. */
  noMfa: boolean;
  /** Only users with a factor (any status) in each of these columns. */
  has: string[];
}

export interface MatrixSort {
  /** `user`, `userStatus`, or a column key. */
  by: string;
  descending: boolean;
}

export interface MatrixView {
  filter: MatrixFilter;
  sort: MatrixSort;
}

export const DEFAULT_VIEW: MatrixView = { filter: { text: '', pending: false, noMfa: false, has: [] }, sort: { by: 'user', descending: false } };

const hasStatus = (row: MatrixRow, status: string): boolean => Object.values(row.cells).some((c) => c.factors.some((f) => f.status === status));

export function matchesFilter(row: MatrixRow, filter: MatrixFilter): boolean {
  const text = filter.text.trim().toLowerCase();
  if (text && !row.login.toLowerCase().includes(text) && !row.name.toLowerCase().includes(text)) return false;
  if (filter.pending && !hasStatus(row, PENDING)) return false;
  if (filter.noMfa && (row.error || hasStatus(row, ACTIVE))) return false;
  return filter.has.every((key) => cellOf(row, key) !== undefined);
}

/** The rows as the matrix shows them: filtered, then sorted (ties by login, so the order is stable). */
/** One collator for every comparison: String.localeCompare sets one up per call, too slow for 1,000 rows in a frame. */
const compareText = new Intl.Collator().compare;

export function viewRows(rows: Iterable<MatrixRow>, view: MatrixView): MatrixRow[] {
  const { by, descending } = view.sort;
  const key = (row: MatrixRow): string | number => (by === 'user' ? row.login : by === 'userStatus' ? row.userStatus : rankOf(statusOf(row, by)));
  // Each row's key computed once, not once per comparison.
  const keyed = [...rows].filter((row) => matchesFilter(row, view.filter)).map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    const primary = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareText(String(a.key), String(b.key));
    return (descending ? -primary : primary) || compareText(a.row.login, b.row.login);
  });
  return keyed.map((entry) => entry.row);
}

/** Words for a status: "active", "pending activation", "not set up". */
export function statusText(status: CellStatus): string {
  return status === NOT_SETUP ? 'not set up' : status.toLowerCase().replace(/_/g, ' ');
}
