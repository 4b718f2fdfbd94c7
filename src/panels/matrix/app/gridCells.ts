// How one header cell, user cell or factor cell of the matrix looks: status by symbol and in words
// (never by colour alone), counts under each column header, the row's checkbox. Elements only: where
// a cell sits and whether it has the focus is the grid's business (virtualGrid.ts).
import { ACTIVE, NOT_SETUP, PENDING, statusOf, statusText, type MatrixColumn, type MatrixRow, type MatrixSort } from '../../../factors/factorMatrix';

const ICONS: Record<string, string> = { [ACTIVE]: '✓', [PENDING]: '◐', [NOT_SETUP]: '–' };
const iconOf = (status: string): string => ICONS[status] ?? '✕';
const toneOf = (status: string): string => (status === ACTIVE ? 'active' : status === PENDING ? 'pending' : status === NOT_SETUP ? 'none' : 'other');

function sortLabel(key: string, sort: MatrixSort): string {
  if (sort.by !== key) return 'none';
  return sort.descending ? 'descending' : 'ascending';
}

/** A column header: a sort button, and under a factor column the count of its cells by status. */
export function headerCell(key: string, label: string, sort: MatrixSort, counts?: Record<string, number>): HTMLTableCellElement {
  const th = document.createElement('th');
  th.scope = 'col';
  th.setAttribute('aria-sort', sortLabel(key, sort));
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'sort' });
  button.dataset.sort = key;
  const arrow = sort.by === key ? (sort.descending ? ' ▼' : ' ▲') : '';
  button.append(Object.assign(document.createElement('span'), { className: 'name', textContent: `${label}${arrow}` }));
  // The header shows at most two lines of the name: the whole name stays its title and accessible name.
  button.title = `Sort by ${label}`;
  button.setAttribute('aria-label', label);
  th.append(button);
  if (counts) {
    const line = document.createElement('div');
    line.className = 'counts';
    const parts = [ACTIVE, PENDING, NOT_SETUP].map((s) => `${iconOf(s)} ${counts[s] ?? 0}`);
    const others = Object.entries(counts).filter(([s]) => ![ACTIVE, PENDING, NOT_SETUP].includes(s)).reduce((n, [, c]) => n + c, 0);
    if (others) parts.push(`${iconOf('OTHER')} ${others}`);
    line.textContent = parts.join('  ');
    line.title = Object.entries(counts).map(([s, c]) => `${statusText(s)}: ${c}`).join(', ');
    th.append(line);
  }
  return th;
}

/** Stands in for the rows above or below the drawn ones, so the scrollbar spans every shown row. */
export function spacerRow(height: number, span: number): HTMLTableRowElement {
  const td = Object.assign(document.createElement('td'), { colSpan: span });
  td.style.height = `${height}px`;
  const tr = Object.assign(document.createElement('tr'), { className: 'spacer' });
  tr.setAttribute('aria-hidden', 'true');
  tr.append(td);
  return tr;
}

export function userCell(row: MatrixRow, selected: boolean): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'user';
  td.setAttribute('role', 'rowheader');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', tabIndex: -1, checked: selected });
  box.setAttribute('aria-label', `Select ${row.login}`);
  box.dataset.select = 'row';
  const login = Object.assign(document.createElement('span'), { textContent: row.login });
  td.append(box, login);
  // The narrow column may cut the login short: the title has it whole.
  td.title = `${row.login}\n${row.name} · ${statusText(row.userStatus)}${row.error ? `\n${row.error}` : ''}`;
  if (row.userStatus !== 'ACTIVE') td.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: ` ${statusText(row.userStatus)}` }));
  td.setAttribute('aria-selected', String(selected));
  return td;
}

export function factorCell(row: MatrixRow, column: MatrixColumn, selected: boolean): HTMLTableCellElement {
  const td = document.createElement('td');
  if (row.error) {
    td.className = 'cell tone-error';
    td.textContent = '⚠ not read';
    td.title = row.error;
  } else {
    const status = statusOf(row, column.key);
    const cell = row.cells[column.key];
    td.className = `cell tone-${toneOf(status)}`;
    const icon = Object.assign(document.createElement('span'), { className: 'icon', textContent: iconOf(status) });
    icon.setAttribute('aria-hidden', 'true');
    const words = statusText(status).replace('pending activation', 'pending');
    td.append(icon, ` ${words}${cell && cell.factors.length > 1 ? ` (${cell.factors.length})` : ''}`);
    td.title = `${column.label}: ${cell ? cell.factors.map((f) => statusText(f.status)).join(', ') : 'not set up'}`;
  }
  td.setAttribute('aria-selected', String(selected));
  return td;
}
