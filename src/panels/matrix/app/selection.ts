// What the bulk actions act on: selected cells (a user's factors of one column) and selected rows
// (users), and the line and buttons of the bulk bar that reflect them.
import type { MatrixColumn, MatrixRow } from '../../../factors/factorMatrix';
import { byId } from '../../shared/app/dom';
import { MATRIX_IDS } from '../elementIds';
import type { RowStore } from './rowStore';

export interface BulkTargets {
  userIds: string[];
  factors: Array<{ userId: string; factorId: string }>;
}

const cellKey = (row: MatrixRow, column: MatrixColumn): string => `${row.userId}\t${column.key}`;

export class Selection {
  /** `userId\tcolumnKey` of selected cells. */
  private readonly cells = new Set<string>();
  /** User ids of selected rows. */
  private readonly rows = new Set<string>();

  constructor(private readonly store: RowStore) {}

  clear(): void {
    this.cells.clear();
    this.rows.clear();
  }

  /** Unselects the rows and cells of users no longer in the matrix. */
  forget(userIds: readonly string[]): void {
    const gone = new Set(userIds);
    for (const userId of gone) this.rows.delete(userId);
    for (const key of [...this.cells]) if (gone.has(key.slice(0, key.indexOf('\t')))) this.cells.delete(key);
  }

  hasRow(row: MatrixRow): boolean {
    return this.rows.has(row.userId);
  }

  /** A cell counts as selected on its own or with its row. */
  hasCell(row: MatrixRow, column: MatrixColumn): boolean {
    return this.cells.has(cellKey(row, column)) || this.rows.has(row.userId);
  }

  toggleRow(row: MatrixRow): void {
    if (!this.rows.delete(row.userId)) this.rows.add(row.userId);
  }

  /** Toggles a cell; false (and nothing selected) when the cell is empty: nothing to act on there. */
  toggleCell(row: MatrixRow, column: MatrixColumn): boolean {
    if (!row.cells[column.key]) return false;
    const key = cellKey(row, column);
    if (!this.cells.delete(key)) this.cells.add(key);
    return true;
  }

  /** Which parts of a row are selected, as a short key: the grid redraws a row when it changes. */
  rowKey(row: MatrixRow, columns: readonly MatrixColumn[]): string {
    return `${this.rows.has(row.userId) ? 1 : 0}${columns.map((c) => (this.cells.has(cellKey(row, c)) ? 1 : 0)).join('')}`;
  }

  /** The users and factors a bulk action gets: selected rows, and the users and factors of selected cells. */
  targets(): BulkTargets {
    const userIds = new Set(this.rows);
    const factors: BulkTargets['factors'] = [];
    for (const key of this.cells) {
      const [userId, columnKey] = key.split('\t');
      const row = this.store.get(userId);
      if (!row) continue;
      userIds.add(userId);
      for (const factor of row.cells[columnKey]?.factors ?? []) factors.push({ userId, factorId: factor.id });
    }
    return { userIds: [...userIds], factors };
  }

  /** Shows the selection in the bulk bar and enables the actions that have something to act on. */
  render(): void {
    const { userIds, factors } = this.targets();
    byId(MATRIX_IDS.selection).textContent = userIds.length === 0
      ? 'Nothing selected. Space selects a cell; Space on a user selects the row.'
      : `Selected: ${factors.length} factor${factors.length === 1 ? '' : 's'} of ${userIds.length} user${userIds.length === 1 ? '' : 's'}.`;
    byId<HTMLButtonElement>(MATRIX_IDS.bulkUnenroll).disabled = factors.length === 0;
    byId<HTMLButtonElement>(MATRIX_IDS.bulkReset).disabled = userIds.length === 0;
    byId<HTMLButtonElement>(MATRIX_IDS.bulkEnroll).disabled = userIds.length === 0;
    byId<HTMLButtonElement>(MATRIX_IDS.clearSelection).disabled = userIds.length === 0;
  }
}
