// The grid of the shown rows, drawn only where it is in view (fixed row height), at most once per
// animation frame, so 1,000 users stay smooth; and its keyboard focus, one roving tab stop that
// moves between cells and scrolls its row into view.
import type { MatrixColumn, MatrixRow } from '../../../factors/factorMatrix';
import { byId } from '../../shared/app/dom';
import { MATRIX_IDS } from '../elementIds';
import { factorCell, headerCell, spacerRow, userCell } from './gridCells';
import type { RowStore } from './rowStore';
import type { Selection } from './selection';

/** Must match `.grid tbody tr` height in media/webview.css. */
const ROW_HEIGHT = 28;
const OVERSCAN = 10;

/** What the next frame redraws besides the rows in view: the shown rows (filter, sort, new data), the header. */
interface Dirty {
  data: boolean;
  head: boolean;
}

/** A drawn row and what it was drawn from: reused while all of that is the same. */
interface DrawnRow {
  tr: HTMLTableRowElement;
  row: MatrixRow;
  index: number;
  columns: readonly MatrixColumn[];
  selection: string;
}

export class VirtualGrid {
  private readonly grid = byId(MATRIX_IDS.grid);
  private readonly head = byId(MATRIX_IDS.gridHead);
  private readonly body = byId(MATRIX_IDS.gridBody);
  private readonly scroller = byId(MATRIX_IDS.gridScroller);
  /** The focused cell: index into the shown rows, and column (0 = the user column). */
  private readonly focus = { row: 0, col: 0 };
  private dirty: Dirty = { data: false, head: false };
  private frame: number | undefined;
  /** The slowest piece of the panel's own work so far: a frame's render, or a key's handling. */
  private maxWorkMs = 0;
  /** The sticky header's height for the keys' scrolling, read on a key after the header was redrawn (layout is fresh by then). */
  private headHeight: number | undefined;
  /** The focus moved to a row not drawn yet: the render that draws it scrolls it into view. */
  private revealAfterRender = false;
  /**
   * The rows drawn last, by user id. Scrolling redraws only the rows that came into view: fewer new
   * elements per frame, so less garbage for the collector (whose pauses were the slowest frames).
   */
  private drawn = new Map<string, DrawnRow>();

  constructor(private readonly store: RowStore, private readonly selection: Selection) {
    this.scroller.addEventListener('scroll', () => this.schedule({}), { passive: true });
    window.addEventListener('resize', () => this.schedule({}));
  }

  private afterRender?: () => void;

  /** The focused cell's place: index into the shown rows, and column (0 = the user column). */
  get focusedAt(): Readonly<{ row: number; col: number }> {
    return this.focus;
  }

  /** Rows a PageUp/PageDown moves: a screenful less one, so a row stays in sight. */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
  }

  /**
   * Redraws by the next animation frame; several calls in one frame draw once. `afterRender` (the
   * latest given) runs right after that frame's render, so what it shows never runs ahead of the rows.
   */
  schedule(what: Partial<Dirty>, afterRender?: () => void): void {
    this.dirty = { data: this.dirty.data || !!what.data, head: this.dirty.head || !!what.head };
    if (afterRender) this.afterRender = afterRender;
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
      const after = this.afterRender;
      this.afterRender = undefined;
      after?.();
    });
  }

  /** Back to the first row, for a new filter. */
  scrollToTop(): void {
    this.focus.row = 0;
    this.scroller.scrollTop = 0;
  }

  /** Records the time since `started` as one piece of work; read by the end-to-end test and the bench. */
  noteWork(started: number): number {
    const ms = performance.now() - started;
    this.maxWorkMs = Math.max(this.maxWorkMs, ms);
    this.grid.dataset.maxRenderMs = this.maxWorkMs.toFixed(1);
    return ms;
  }

  private render(): void {
    const started = performance.now();
    if (this.dirty.data) {
      this.store.applyView();
      const shown = this.store.shown.length;
      this.focus.row = Math.min(this.focus.row, Math.max(0, shown - 1));
      byId(MATRIX_IDS.shown).textContent = shown !== this.store.size ? `Showing ${shown} of ${this.store.size} users.` : `${this.store.size} users.`;
      this.grid.setAttribute('aria-rowcount', String(shown + 1));
    }
    if (this.dirty.head || this.dirty.data) {
      this.renderHead();
      this.headHeight = undefined;
    }
    this.renderBody();
    this.dirty = { data: false, head: false };
    this.grid.dataset.renderMs = this.noteWork(started).toFixed(1);
    this.grid.dataset.rows = String(this.store.shown.length);
  }

  private renderHead(): void {
    const counts = this.store.counts();
    const sort = this.store.sort;
    const tr = document.createElement('tr');
    tr.setAttribute('aria-rowindex', '1');
    tr.append(headerCell('user', 'User', sort), ...this.store.columns.map((c) => headerCell(c.key, c.label, sort, counts[c.key])));
    this.head.replaceChildren(tr);
  }

  /** Draws the rows in view (reusing the unchanged ones), keeps the focus, and shows the selection. */
  renderBody(): void {
    const { shown, columns } = this.store;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(shown.length, Math.ceil((this.scroller.scrollTop + this.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const span = columns.length + 1;
    // Read before the rows move: moving a reused row into the fragment takes the focus out of the page.
    const hadFocus = this.body.contains(document.activeElement);
    const fragment = document.createDocumentFragment();
    if (first > 0) fragment.append(spacerRow(first * ROW_HEIGHT, span));
    const next = new Map<string, DrawnRow>();
    for (let i = first; i < last; i++) {
      const row = shown[i];
      const selection = this.selection.rowKey(row, columns);
      const before = this.drawn.get(row.userId);
      const same = before && before.row === row && before.index === i && before.columns === columns && before.selection === selection;
      const entry = same ? before : { tr: this.drawRow(row, i), row, index: i, columns, selection };
      next.set(row.userId, entry);
      fragment.append(entry.tr);
    }
    this.drawn = next;
    if (last < shown.length) fragment.append(spacerRow((shown.length - last) * ROW_HEIGHT, span));
    this.body.replaceChildren(fragment);
    const cell = this.focusedCell();
    if (cell) this.setTabStop(cell); // a reused row may hold the old tab stop
    if (hadFocus) cell?.focus({ preventScroll: true });
    if (cell && this.revealAfterRender) {
      this.revealAfterRender = false;
      this.revealRow(cell);
    }
    this.selection.render();
  }

  private drawRow(row: MatrixRow, index: number): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.setAttribute('aria-rowindex', String(index + 2));
    tr.dataset.userId = row.userId;
    tr.append(
      this.place(userCell(row, this.selection.hasRow(row)), index, 0),
      ...this.store.columns.map((c, j) => this.place(factorCell(row, c, this.selection.hasCell(row, c)), index, j + 1)),
    );
    return tr;
  }

  /** Gives a drawn cell its grid place: role, row and column, tab stop, selected look. */
  private place(td: HTMLTableCellElement, index: number, col: number): HTMLTableCellElement {
    if (td.getAttribute('role') !== 'rowheader') td.setAttribute('role', 'gridcell');
    td.dataset.row = String(index);
    td.dataset.col = String(col);
    td.tabIndex = index === this.focus.row && col === this.focus.col ? 0 : -1;
    td.classList.toggle('selected', td.getAttribute('aria-selected') === 'true');
    return td;
  }

  focusedCell(): HTMLElement | null {
    return this.body.querySelector<HTMLElement>(`td[data-row="${this.focus.row}"][data-col="${this.focus.col}"]`);
  }

  /**
   * Moves the focus, scrolling the cell into view. A drawn cell takes the focus at once; a row not
   * drawn yet is drawn by the next frame's render, which then moves the focus (the old cell keeps it
   * meanwhile). So a key never rebuilds the rows itself: held PageDown draws once a frame.
   */
  moveFocus(row: number, col: number): void {
    this.focus.row = Math.max(0, Math.min(this.store.shown.length - 1, row));
    this.focus.col = Math.max(0, Math.min(this.store.columns.length, col));
    this.scrollColumnIntoView(this.focus.col);
    const cell = this.focusedCell();
    if (cell) {
      this.focusCell(cell);
      this.revealRow(cell);
    } else {
      // Not drawn yet: scroll to about where the row will be; the next frame draws it and focuses it.
      this.headHeight ??= this.head.offsetHeight;
      const top = this.focus.row * ROW_HEIGHT;
      const inView = this.scroller.clientHeight - this.headHeight;
      this.scroller.scrollTop = top < this.scroller.scrollTop ? top : Math.max(this.scroller.scrollTop, top + ROW_HEIGHT - inView);
    }
    // The frame's redraw of the rows moves the scroll position (Chromium keeps the replaced rows' place):
    // the focused row is revealed again after it, by where it is drawn.
    this.revealAfterRender = true;
    this.schedule({});
  }

  /** Scrolls vertically by the cell's drawn place, so its row shows whole below the sticky header. */
  private revealRow(cell: HTMLElement): void {
    const view = this.scroller.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const top = Math.max(view.top + this.scroller.clientTop, this.head.getBoundingClientRect().bottom);
    const bottom = view.top + this.scroller.clientTop + this.scroller.clientHeight;
    if (box.top < top) this.scroller.scrollTop -= top - box.top;
    else if (box.bottom > bottom) this.scroller.scrollTop += box.bottom - bottom;
  }

  /** Scrolls horizontally so the column shows whole beside the sticky user column (the focus itself does not scroll). */
  private scrollColumnIntoView(col: number): void {
    const headers = this.head.querySelectorAll<HTMLElement>('th');
    const header = headers[col];
    if (!header) return;
    // The user column's header is sticky too, so its offsetLeft moves with the scroll: it starts at 0.
    const left = col === 0 ? 0 : header.offsetLeft - headers[0].offsetWidth;
    const right = header.offsetLeft + header.offsetWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  /** Makes the cell at (row, col) the grid's focused cell; a click that only selects leaves the DOM focus where it is. */
  placeFocus(row: number, col: number): void {
    this.focus.row = row;
    this.focus.col = col;
  }

  focusCell(cell: HTMLElement): void {
    this.setTabStop(cell);
    cell.focus({ preventScroll: true });
  }

  /** The roving tab stop: the focused cell is the grid's one tabbable cell. */
  private setTabStop(cell: HTMLElement): void {
    this.body.querySelectorAll<HTMLElement>('td[tabindex="0"]').forEach((other) => { if (other !== cell) other.tabIndex = -1; });
    cell.tabIndex = 0;
  }
}
