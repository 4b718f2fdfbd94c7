// The factor matrix as a file: CSV (one row per user, one column per factor type, RFC 4180 quoting,
// and cells a spreadsheet would run as a formula defused) or JSON. Free of `vscode`.
import { statusOf, type MatrixColumn, type MatrixRow } from './factorMatrix';

/** A spreadsheet runs a cell starting with one of these as a formula (also after a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: a leading ' defuses a formula, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function matrixCsv(rows: readonly MatrixRow[], columns: readonly MatrixColumn[]): string {
  const header = ['login', 'name', 'user status', ...columns.map((c) => c.label), 'error'];
  const lines = [header, ...rows.map((row) => [
    row.login, row.name, row.userStatus, ...columns.map((c) => (row.error ? '' : statusOf(row, c.key))), row.error ?? '',
  ])];
  // CRLF, as RFC 4180 and spreadsheets expect.
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function matrixJson(rows: readonly MatrixRow[], columns: readonly MatrixColumn[], about: { org: string; userFilter?: string; exportedAt: string }): string {
  return JSON.stringify({
    ...about,
    columns,
    users: rows.map((row) => ({
      id: row.userId, login: row.login, name: row.name, status: row.userStatus,
      ...(row.error ? { error: row.error } : {
        factors: Object.fromEntries(columns.filter((c) => row.cells[c.key]).map((c) => [c.key, row.cells[c.key].factors])),
      }),
    })),
  }, null, 2) + '\n';
}
