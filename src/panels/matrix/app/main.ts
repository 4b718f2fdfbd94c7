// Factor Matrix panel script (bundled to dist/webview/matrix.js): connects the host's messages and
// the page's events to the row store, the virtual grid, the selection and the cell menu. Keyboard:
// arrows move between cells, Home/End, PageUp/PageDown, Enter opens the cell's actions, Space
// selects the cell (on the user column: the row), Escape closes the actions.
import type { MatrixColumn, MatrixRow } from '../../../factors/factorMatrix';
import { byId, show, showError } from '../../shared/app/dom';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import { SHARED_IDS } from '../../shared/elementIds';
import { MATRIX_IDS } from '../elementIds';
import type { MatrixBulkAction, MatrixExportFormat, MatrixHostMessage, MatrixProgressView, MatrixWebviewMessage } from '../protocol';
import { CellMenu } from './cellMenu';
import { FILTER_CHOICE_IDS, offerColumns, readFilter } from './filterBar';
import { renderProgress } from './loadProgress';
import { RowStore } from './rowStore';
import { Selection } from './selection';
import { VirtualGrid } from './virtualGrid';

const store = new RowStore();
const selection = new Selection(store);
const grid = new VirtualGrid(store, selection);
const menu = new CellMenu(
  (action, userId, factorId) => void runRequest(() => client.request({ type: 'factorAction', action, userId, factorId })),
  () => grid.focusedCell()?.focus(),
);

const client = new WebviewClient<MatrixWebviewMessage, MatrixHostMessage>((message) => {
  switch (message.type) {
    case 'state':
      byId(SHARED_IDS.title).textContent = `Factor matrix: ${message.orgLabel}`;
      byId(SHARED_IDS.subtitle).textContent = 'Rows are users, columns are factor types; each cell shows the status by symbol and in words.';
      byId(MATRIX_IDS.scope).textContent = message.userFilter !== undefined
        ? `Only users matching the org's filter in the Okta view: ${message.userFilter}`
        : '';
      show(byId(MATRIX_IDS.scope), message.userFilter !== undefined);
      store.clear();
      upsert(message.columns, message.rows, message.progress);
      break;
    case 'update':
      if (message.removed) {
        store.remove(message.removed);
        selection.forget(message.removed);
      }
      upsert(message.columns, message.rows, message.progress);
      break;
  }
});

/** Rows replace the rows of the same users (a saved row by the one read now), so an update may repeat one. */
function upsert(columns: MatrixColumn[], rows: MatrixRow[], progress: MatrixProgressView): void {
  if (store.upsert(columns, rows)) offerColumns(store.columns);
  // In the frame that draws the rows: a load shown as done has its rows in the grid.
  grid.schedule({ data: true, head: true }, () => renderProgress(progress));
}

function toggleSelection(rowIndex: number, col: number): void {
  const row = store.shown[rowIndex];
  if (!row) return;
  if (col === 0) selection.toggleRow(row);
  else if (!selection.toggleCell(row, store.columns[col - 1])) return;
  grid.renderBody();
}

function openMenu(rowIndex: number, col: number): void {
  const row = store.shown[rowIndex];
  const column = store.columns[col - 1];
  const anchor = grid.focusedCell();
  if (row && column && anchor) menu.open(anchor, row, column);
}

function bulk(action: MatrixBulkAction): void {
  const { userIds, factors } = selection.targets();
  void runRequest(() => client.request({ type: 'bulk', action, userIds, factors }));
}

function exportAs(format: MatrixExportFormat): void {
  void runRequest(() => client.request({ type: 'export', format, view: store.viewCopy() }));
}

const cellOf = (target: EventTarget | null): HTMLElement | null => (target as HTMLElement | null)?.closest<HTMLElement>('td[data-row]') ?? null;

byId(MATRIX_IDS.gridBody).addEventListener('click', (event) => {
  const td = cellOf(event.target);
  if (!td) return;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  grid.placeFocus(row, col);
  if ((event.target as HTMLElement).dataset.select === 'row' || event.ctrlKey || event.metaKey) return toggleSelection(row, col);
  grid.focusCell(td);
  if (col > 0) openMenu(row, col);
});

byId(MATRIX_IDS.gridBody).addEventListener('keydown', (event) => {
  if (!cellOf(event.target)) return;
  const { row, col } = grid.focusedAt;
  const page = grid.pageRows;
  const lastRow = store.shown.length - 1;
  const lastCol = store.columns.length;
  const moves: Record<string, () => void> = {
    ArrowUp: () => grid.moveFocus(row - 1, col),
    ArrowDown: () => grid.moveFocus(row + 1, col),
    ArrowLeft: () => grid.moveFocus(row, col - 1),
    ArrowRight: () => grid.moveFocus(row, col + 1),
    PageUp: () => grid.moveFocus(row - page, col),
    PageDown: () => grid.moveFocus(row + page, col),
    Home: () => (event.ctrlKey ? grid.moveFocus(0, 0) : grid.moveFocus(row, 0)),
    End: () => (event.ctrlKey ? grid.moveFocus(lastRow, lastCol) : grid.moveFocus(row, lastCol)),
    Enter: () => openMenu(row, col),
    ' ': () => toggleSelection(row, col),
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  const started = performance.now();
  move();
  grid.noteWork(started);
});

byId(MATRIX_IDS.gridHead).addEventListener('click', (event) => {
  const key = (event.target as HTMLElement).closest<HTMLElement>('button[data-sort]')?.dataset.sort;
  if (!key) return;
  store.sortBy(key);
  grid.schedule({ data: true });
});

const onFilter = () => {
  store.filterBy(readFilter());
  grid.scrollToTop();
  grid.schedule({ data: true });
};
byId(MATRIX_IDS.filterText).addEventListener('input', onFilter);
for (const id of FILTER_CHOICE_IDS) byId(id).addEventListener('change', onFilter);

byId(MATRIX_IDS.cancelLoad).addEventListener('click', () => {
  // Outside the busy wrapper: the rest of the panel stays usable while the load winds down.
  void client.request({ type: 'cancelLoad' }).then((error) => error && showError(error));
});
byId(MATRIX_IDS.reload).addEventListener('click', () => void runRequest(() => client.request({ type: 'reload', mode: 'changes' })));
byId(MATRIX_IDS.readAll).addEventListener('click', () => void runRequest(() => client.request({ type: 'reload', mode: 'full' })));
byId(MATRIX_IDS.bulkUnenroll).addEventListener('click', () => bulk('unenrollFactors'));
byId(MATRIX_IDS.bulkReset).addEventListener('click', () => bulk('resetFactors'));
byId(MATRIX_IDS.bulkEnroll).addEventListener('click', () => bulk('enrollFactorOnUsers'));
byId(MATRIX_IDS.clearSelection).addEventListener('click', () => {
  selection.clear();
  grid.renderBody();
});
byId(MATRIX_IDS.exportCsv).addEventListener('click', () => exportAs('csv'));
byId(MATRIX_IDS.exportJson).addEventListener('click', () => exportAs('json'));

client.ready();
