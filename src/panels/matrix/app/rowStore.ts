// The matrix rows the host has streamed in, and the view of them the grid shows: filtered and sorted
// by the same functions as the host's export, so an export holds what the user sees. No DOM here.
import {
  columnCounts, DEFAULT_VIEW, viewRows, type CellStatus, type MatrixColumn, type MatrixFilter, type MatrixRow, type MatrixView,
} from '../../../factors/factorMatrix';

export class RowStore {
  private readonly rows = new Map<string, MatrixRow>();
  private readonly view: MatrixView = structuredClone(DEFAULT_VIEW);
  private currentColumns: MatrixColumn[] = [];
  private visible: MatrixRow[] = [];

  /** The factor columns; a new array only when they changed (the grid redraws its rows then). */
  get columns(): readonly MatrixColumn[] {
    return this.currentColumns;
  }

  /** The rows as of the last `applyView()`, filtered and sorted. */
  get shown(): readonly MatrixRow[] {
    return this.visible;
  }

  /** Every row loaded, shown or not. */
  get size(): number {
    return this.rows.size;
  }

  get sort(): MatrixView['sort'] {
    return this.view.sort;
  }

  get(userId: string): MatrixRow | undefined {
    return this.rows.get(userId);
  }

  clear(): void {
    this.rows.clear();
  }

  /** Adds or replaces rows by user id; true when the columns changed. */
  upsert(columns: MatrixColumn[], changed: readonly MatrixRow[]): boolean {
    const columnsChanged = columns.map((c) => c.key).join('\n') !== this.currentColumns.map((c) => c.key).join('\n');
    if (columnsChanged) this.currentColumns = columns;
    for (const row of changed) this.rows.set(row.userId, row);
    return columnsChanged;
  }

  /** Drops the rows of users no longer listed. */
  remove(userIds: readonly string[]): void {
    for (const userId of userIds) this.rows.delete(userId);
  }

  /** Sorts by `key`; the same key again flips the direction. */
  sortBy(key: string): void {
    this.view.sort = { by: key, descending: this.view.sort.by === key ? !this.view.sort.descending : false };
  }

  filterBy(filter: MatrixFilter): void {
    this.view.filter = filter;
  }

  /** Recomputes `shown`: once a frame at most, as the grid draws. */
  applyView(): void {
    this.visible = viewRows(this.rows.values(), this.view);
  }

  /** Each column's shown cells by status, for the column headers. */
  counts(): Record<string, Record<CellStatus, number>> {
    return columnCounts(this.visible, this.currentColumns);
  }

  /** A copy of the filter and sort, for the host's export. */
  viewCopy(): MatrixView {
    return structuredClone(this.view);
  }
}
