// Factor Matrix panel script (bundled to dist/webview/matrix.js). Holds the rows the host streams
// in and draws only those in view (fixed row height), at most once per animation frame, so 1,000
// users stay smooth. Sorting and filtering use the same functions as the host's export. Keyboard:
// arrows move between cells, Home/End, PageUp/PageDown, Enter opens the cell's actions, Space
// selects the cell (on the user column: the row), Escape closes the actions.
import {
  ACTIVE, columnCounts, DEFAULT_VIEW, NOT_SETUP, PENDING, statusOf, statusText, viewRows,
  type MatrixColumn, type MatrixRow, type MatrixView,
} from '../../../factors/factorMatrix';
import { byId, show, showError } from '../../shared/app/dom';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import type { MatrixBulkAction, MatrixFactorAction, MatrixHostMessage, MatrixProgressView, MatrixWebviewMessage } from '../../shared/protocol';

/** Must match `.grid tbody tr` height in media/webview.css. */
const ROW_HEIGHT = 28;
const OVERSCAN = 10;

const rows = new Map<string, MatrixRow>();
let columns: MatrixColumn[] = [];
const view: MatrixView = structuredClone(DEFAULT_VIEW);
let shown: MatrixRow[] = [];
/** `userId\tcolumnKey` of selected cells; user ids of selected rows. */
const selectedCells = new Set<string>();
const selectedRows = new Set<string>();
/** The focused cell: index into `shown`, and column (0 = the user column). */
const focus = { row: 0, col: 0 };
let dirty = { data: false, head: false };
let frame: number | undefined;
/** The slowest piece of the panel's own work so far: a frame's render, or a key's handling. */
let maxWorkMs = 0;
/** The sticky header's height for the keys' scrolling, read on a key after the header was redrawn (layout is fresh by then). */
let headHeight: number | undefined;

const client = new WebviewClient<MatrixWebviewMessage, MatrixHostMessage>((message) => {
  switch (message.type) {
    case 'state':
      byId('title').textContent = `Factor matrix: ${message.orgLabel}`;
      byId('subtitle').textContent = 'Rows are users, columns are factor types; each cell shows the status by symbol and in words.';
      byId('scope').textContent = message.userFilter !== undefined
        ? `Only users matching the org's filter in the Okta view: ${message.userFilter}`
        : '';
      show(byId('scope'), message.userFilter !== undefined);
      rows.clear();
      upsert(message.columns, message.rows, message.progress);
      break;
    case 'update':
      upsert(message.columns, message.rows, message.progress);
      break;
    case 'reset':
      rows.clear();
      selectedCells.clear();
      selectedRows.clear();
      upsert([], [], { phase: 'loading', loaded: 0 });
      break;
  }
});

function upsert(nextColumns: MatrixColumn[], changed: MatrixRow[], progress: MatrixProgressView): void {
  if (nextColumns.map((c) => c.key).join('\n') !== columns.map((c) => c.key).join('\n')) {
    columns = nextColumns;
    refreshHasOptions();
  }
  for (const row of changed) rows.set(row.userId, row);
  renderProgress(progress);
  schedule({ data: true, head: true });
}

function renderProgress(progress: MatrixProgressView): void {
  const { phase, loaded, total } = progress;
  const counted = total !== undefined ? `${loaded} of ${total}` : `${loaded}`;
  const text = {
    loading: `Loading factors: ${counted} users loaded...`,
    done: `${loaded} users loaded.`,
    cancelled: `Cancelled after ${loaded} users. Reload loads them all.`,
    failed: `Stopped after ${loaded} users. ${progress.message ?? ''}`,
  }[phase];
  const line = byId('progress');
  line.textContent = text;
  line.dataset.tone = phase === 'failed' ? 'failure' : phase === 'done' ? 'success' : 'info';
  line.dataset.phase = phase;
  show(byId('cancel-load'), phase === 'loading');
  show(byId('reload'), phase !== 'loading');
}

function refreshHasOptions(): void {
  const select = byId<HTMLSelectElement>('filter-has');
  const current = select.value;
  select.replaceChildren(new Option('any factor type', ''), ...columns.map((c) => new Option(c.label, c.key)));
  select.value = columns.some((c) => c.key === current) ? current : '';
}

function schedule(what: Partial<typeof dirty>): void {
  dirty = { data: dirty.data || !!what.data, head: dirty.head || !!what.head };
  frame ??= requestAnimationFrame(() => {
    frame = undefined;
    render();
  });
}

function render(): void {
  const started = performance.now();
  if (dirty.data) {
    shown = viewRows(rows.values(), view);
    focus.row = Math.min(focus.row, Math.max(0, shown.length - 1));
    const filtered = shown.length !== rows.size;
    byId('shown').textContent = filtered ? `Showing ${shown.length} of ${rows.size} users.` : `${rows.size} users.`;
    byId('grid').setAttribute('aria-rowcount', String(shown.length + 1));
  }
  if (dirty.head || dirty.data) {
    renderHead();
    headHeight = undefined;
  }
  renderBody();
  dirty = { data: false, head: false };
  const grid = byId('grid');
  grid.dataset.renderMs = noteWork(started).toFixed(1);
  grid.dataset.rows = String(shown.length);
}

/** Records the time since `started` as one piece of work; read by the end-to-end test and the bench. */
function noteWork(started: number): number {
  const ms = performance.now() - started;
  maxWorkMs = Math.max(maxWorkMs, ms);
  byId('grid').dataset.maxRenderMs = maxWorkMs.toFixed(1);
  return ms;
}

const ICONS: Record<string, string> = { [ACTIVE]: '✓', [PENDING]: '◐', [NOT_SETUP]: '–' };
const iconOf = (status: string): string => ICONS[status] ?? '✕';
const toneOf = (status: string): string => (status === ACTIVE ? 'active' : status === PENDING ? 'pending' : status === NOT_SETUP ? 'none' : 'other');

function sortLabel(key: string): string {
  if (view.sort.by !== key) return 'none';
  return view.sort.descending ? 'descending' : 'ascending';
}

function headerCell(key: string, label: string, counts?: Record<string, number>): HTMLTableCellElement {
  const th = document.createElement('th');
  th.scope = 'col';
  th.setAttribute('aria-sort', sortLabel(key));
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'sort' });
  button.dataset.sort = key;
  const arrow = view.sort.by === key ? (view.sort.descending ? ' ▼' : ' ▲') : '';
  button.textContent = `${label}${arrow}`;
  button.title = `Sort by ${label}`;
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

function renderHead(): void {
  const counts = columnCounts(shown, columns);
  const tr = document.createElement('tr');
  tr.setAttribute('aria-rowindex', '1');
  tr.append(headerCell('user', 'User'), ...columns.map((c) => headerCell(c.key, c.label, counts[c.key])));
  byId('grid-head').replaceChildren(tr);
}

function spacer(height: number, span: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = 'spacer';
  tr.setAttribute('aria-hidden', 'true');
  const td = document.createElement('td');
  td.colSpan = span;
  td.style.height = `${height}px`;
  tr.append(td);
  return tr;
}

const cellKey = (row: MatrixRow, column: MatrixColumn): string => `${row.userId}\t${column.key}`;

function userCell(row: MatrixRow, index: number): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'user';
  td.setAttribute('role', 'rowheader');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', tabIndex: -1, checked: selectedRows.has(row.userId) });
  box.setAttribute('aria-label', `Select ${row.login}`);
  box.dataset.select = 'row';
  const login = Object.assign(document.createElement('span'), { textContent: row.login });
  td.append(box, login);
  td.title = `${row.name} · ${statusText(row.userStatus)}${row.error ? `\n${row.error}` : ''}`;
  if (row.userStatus !== 'ACTIVE') td.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: ` ${statusText(row.userStatus)}` }));
  td.setAttribute('aria-selected', String(selectedRows.has(row.userId)));
  return decorate(td, index, 0);
}

function factorCell(row: MatrixRow, column: MatrixColumn, index: number, col: number): HTMLTableCellElement {
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
  const selected = selectedCells.has(cellKey(row, column)) || selectedRows.has(row.userId);
  td.setAttribute('aria-selected', String(selected));
  return decorate(td, index, col);
}

function decorate(td: HTMLTableCellElement, index: number, col: number): HTMLTableCellElement {
  if (td.getAttribute('role') !== 'rowheader') td.setAttribute('role', 'gridcell');
  td.dataset.row = String(index);
  td.dataset.col = String(col);
  td.tabIndex = index === focus.row && col === focus.col ? 0 : -1;
  td.classList.toggle('selected', td.getAttribute('aria-selected') === 'true');
  return td;
}

/** A drawn row and what it was drawn from: reused while all of that is the same. */
interface DrawnRow {
  tr: HTMLTableRowElement;
  row: MatrixRow;
  index: number;
  columns: MatrixColumn[];
  selection: string;
}

/**
 * The rows drawn last, by user id. Scrolling redraws only the rows that came into view: fewer new
 * elements per frame, so less garbage for the collector (whose pauses were the slowest frames).
 */
let drawn = new Map<string, DrawnRow>();

/** Which parts of a row are selected, as a short key. */
function rowSelection(row: MatrixRow): string {
  return `${selectedRows.has(row.userId) ? 1 : 0}${columns.map((c) => (selectedCells.has(cellKey(row, c)) ? 1 : 0)).join('')}`;
}

function drawRow(row: MatrixRow, index: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.setAttribute('aria-rowindex', String(index + 2));
  tr.dataset.userId = row.userId;
  tr.append(userCell(row, index), ...columns.map((c, j) => factorCell(row, c, index, j + 1)));
  return tr;
}

function renderBody(): void {
  const scroller = byId('grid-scroller');
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
  const span = columns.length + 1;
  const fragment = document.createDocumentFragment();
  if (first > 0) fragment.append(spacer(first * ROW_HEIGHT, span));
  const next = new Map<string, DrawnRow>();
  for (let i = first; i < last; i++) {
    const row = shown[i];
    const selection = rowSelection(row);
    const before = drawn.get(row.userId);
    const same = before && before.row === row && before.index === i && before.columns === columns && before.selection === selection;
    const entry = same ? before : { tr: drawRow(row, i), row, index: i, columns, selection };
    next.set(row.userId, entry);
    fragment.append(entry.tr);
  }
  drawn = next;
  if (last < shown.length) fragment.append(spacer((shown.length - last) * ROW_HEIGHT, span));
  const body = byId('grid-body');
  const hadFocus = body.contains(document.activeElement);
  body.replaceChildren(fragment);
  const cell = focusedCell();
  if (cell) setTabStop(cell); // a reused row may hold the old tab stop
  if (hadFocus) cell?.focus({ preventScroll: true });
  renderSelection();
}

function focusedCell(): HTMLElement | null {
  return byId('grid-body').querySelector<HTMLElement>(`td[data-row="${focus.row}"][data-col="${focus.col}"]`);
}

/**
 * Moves the focus, scrolling the row into view. A drawn cell takes the focus at once; the rows a
 * scroll brings into view are drawn by the next frame's render, which then moves the focus (the
 * body keeps it meanwhile). So a key never rebuilds the rows itself: held PageDown draws once a frame.
 */
function moveFocus(row: number, col: number): void {
  focus.row = Math.max(0, Math.min(shown.length - 1, row));
  focus.col = Math.max(0, Math.min(columns.length, col));
  const scroller = byId('grid-scroller');
  headHeight ??= byId('grid-head').offsetHeight;
  const inView = scroller.clientHeight - headHeight;
  const top = focus.row * ROW_HEIGHT;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + ROW_HEIGHT > scroller.scrollTop + inView) scroller.scrollTop = top + ROW_HEIGHT - inView;
  const cell = focusedCell();
  if (cell) focusCell(cell);
}

function focusCell(cell: HTMLElement): void {
  setTabStop(cell);
  cell.focus({ preventScroll: true });
}

/** The roving tab stop: the focused cell is the grid's one tabbable cell. */
function setTabStop(cell: HTMLElement): void {
  byId('grid-body').querySelectorAll<HTMLElement>('td[tabindex="0"]').forEach((other) => { if (other !== cell) other.tabIndex = -1; });
  cell.tabIndex = 0;
}

// ---- selection and bulk actions ----

function selection(): { userIds: string[]; factors: Array<{ userId: string; factorId: string }> } {
  const userIds = new Set(selectedRows);
  const factors: Array<{ userId: string; factorId: string }> = [];
  for (const key of selectedCells) {
    const [userId, columnKey] = key.split('\t');
    const row = rows.get(userId);
    if (!row) continue;
    userIds.add(userId);
    for (const factor of row.cells[columnKey]?.factors ?? []) factors.push({ userId, factorId: factor.id });
  }
  return { userIds: [...userIds], factors };
}

function renderSelection(): void {
  const { userIds, factors } = selection();
  byId('selection').textContent = userIds.length === 0
    ? 'Nothing selected. Space selects a cell; Space on a user selects the row.'
    : `Selected: ${factors.length} factor${factors.length === 1 ? '' : 's'} of ${userIds.length} user${userIds.length === 1 ? '' : 's'}.`;
  byId<HTMLButtonElement>('bulk-unenroll').disabled = factors.length === 0;
  byId<HTMLButtonElement>('bulk-reset').disabled = userIds.length === 0;
  byId<HTMLButtonElement>('bulk-enroll').disabled = userIds.length === 0;
  byId<HTMLButtonElement>('clear-selection').disabled = userIds.length === 0;
}

function toggleSelection(rowIndex: number, col: number): void {
  const row = shown[rowIndex];
  if (!row) return;
  if (col === 0) {
    if (!selectedRows.delete(row.userId)) selectedRows.add(row.userId);
  } else {
    const column = columns[col - 1];
    if (!row.cells[column.key]) return; // nothing to act on in an empty cell
    const key = cellKey(row, column);
    if (!selectedCells.delete(key)) selectedCells.add(key);
  }
  renderBody();
}

function bulk(action: MatrixBulkAction): void {
  const { userIds, factors } = selection();
  void runRequest(() => client.request({ type: 'bulk', action, userIds, factors }));
}

// ---- a cell's own actions ----

function openMenu(rowIndex: number, col: number): void {
  const row = shown[rowIndex];
  const column = columns[col - 1];
  const cell = row && column ? row.cells[column.key] : undefined;
  const anchor = focusedCell();
  if (!row || !column || !cell || !anchor) return;
  const menu = byId('cell-menu');
  const items: HTMLButtonElement[] = [];
  const groups = cell.factors.map((factor) => {
    const group = document.createElement('div');
    group.className = 'menu-group';
    const title = Object.assign(document.createElement('p'), { className: 'muted', textContent: `${column.label}, ${statusText(factor.status)}` });
    group.append(title);
    const actions: Array<[MatrixFactorAction, string]> = [
      ...(factor.status === ACTIVE ? [['verify', 'Verify...'] as [MatrixFactorAction, string]] : []),
      ['details', 'Show details'],
      ['unenroll', 'Unenroll...'],
    ];
    for (const [action, label] of actions) {
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: label });
      button.setAttribute('role', 'menuitem');
      button.dataset.action = action;
      button.addEventListener('click', () => {
        closeMenu();
        void runRequest(() => client.request({ type: 'factorAction', action, userId: row.userId, factorId: factor.id }));
      });
      items.push(button);
      group.append(button);
    }
    return group;
  });
  menu.replaceChildren(...groups);
  menu.setAttribute('aria-label', `Actions for ${row.login}, ${column.label}`);
  const box = anchor.getBoundingClientRect();
  menu.style.top = `${box.bottom + window.scrollY}px`;
  menu.style.left = `${Math.min(box.left, window.innerWidth - 220) + window.scrollX}px`;
  show(menu, true);
  items[0]?.focus();
}

function closeMenu(): void {
  const menu = byId('cell-menu');
  if (menu.hidden) return;
  show(menu, false);
  focusedCell()?.focus();
}

byId('cell-menu').addEventListener('keydown', (event) => {
  const items = Array.from(byId('cell-menu').querySelectorAll<HTMLButtonElement>('button'));
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (event.key === 'Escape') closeMenu();
  else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
  else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
  else return;
  event.preventDefault();
});
document.addEventListener('mousedown', (event) => {
  if (!byId('cell-menu').contains(event.target as Node)) show(byId('cell-menu'), false);
});

// ---- events ----

const cellOf = (target: EventTarget | null): HTMLElement | null => (target as HTMLElement | null)?.closest<HTMLElement>('td[data-row]') ?? null;

byId('grid-body').addEventListener('click', (event) => {
  const td = cellOf(event.target);
  if (!td) return;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  focus.row = row;
  focus.col = col;
  if ((event.target as HTMLElement).dataset.select === 'row' || event.ctrlKey || event.metaKey) return toggleSelection(row, col);
  focusCell(td);
  if (col > 0) openMenu(row, col);
});

byId('grid-body').addEventListener('keydown', (event) => {
  if (!cellOf(event.target)) return;
  const page = Math.max(1, Math.floor(byId('grid-scroller').clientHeight / ROW_HEIGHT) - 1);
  const moves: Record<string, () => void> = {
    ArrowUp: () => moveFocus(focus.row - 1, focus.col),
    ArrowDown: () => moveFocus(focus.row + 1, focus.col),
    ArrowLeft: () => moveFocus(focus.row, focus.col - 1),
    ArrowRight: () => moveFocus(focus.row, focus.col + 1),
    PageUp: () => moveFocus(focus.row - page, focus.col),
    PageDown: () => moveFocus(focus.row + page, focus.col),
    Home: () => (event.ctrlKey ? moveFocus(0, 0) : moveFocus(focus.row, 0)),
    End: () => (event.ctrlKey ? moveFocus(shown.length - 1, columns.length) : moveFocus(focus.row, columns.length)),
    Enter: () => openMenu(focus.row, focus.col),
    ' ': () => toggleSelection(focus.row, focus.col),
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  const started = performance.now();
  move();
  noteWork(started);
});

byId('grid-head').addEventListener('click', (event) => {
  const key = (event.target as HTMLElement).closest<HTMLElement>('button[data-sort]')?.dataset.sort;
  if (!key) return;
  view.sort = { by: key, descending: view.sort.by === key ? !view.sort.descending : false };
  schedule({ data: true });
});

byId('grid-scroller').addEventListener('scroll', () => schedule({}), { passive: true });
window.addEventListener('resize', () => schedule({}));

const onFilter = () => {
  view.filter = {
    text: byId<HTMLInputElement>('filter-text').value,
    pending: byId<HTMLInputElement>('filter-pending').checked,
    noMfa: byId<HTMLInputElement>('filter-nomfa').checked,
    has: byId<HTMLSelectElement>('filter-has').value ? [byId<HTMLSelectElement>('filter-has').value] : [],
  };
  focus.row = 0;
  byId('grid-scroller').scrollTop = 0;
  schedule({ data: true });
};
byId('filter-text').addEventListener('input', onFilter);
for (const id of ['filter-pending', 'filter-nomfa', 'filter-has']) byId(id).addEventListener('change', onFilter);

byId('cancel-load').addEventListener('click', () => {
  // Outside the busy wrapper: the rest of the panel stays usable while the load winds down.
  void client.request({ type: 'cancelLoad' }).then((error) => error && showError(error));
});
byId('reload').addEventListener('click', () => void runRequest(() => client.request({ type: 'reload' })));
byId('bulk-unenroll').addEventListener('click', () => bulk('unenrollFactors'));
byId('bulk-reset').addEventListener('click', () => bulk('resetFactors'));
byId('bulk-enroll').addEventListener('click', () => bulk('enrollFactorOnUsers'));
byId('clear-selection').addEventListener('click', () => {
  selectedCells.clear();
  selectedRows.clear();
  renderBody();
});
byId('export-csv').addEventListener('click', () => void runRequest(() => client.request({ type: 'export', format: 'csv', view: structuredClone(view) })));
byId('export-json').addEventListener('click', () => void runRequest(() => client.request({ type: 'export', format: 'json', view: structuredClone(view) })));

client.ready();
