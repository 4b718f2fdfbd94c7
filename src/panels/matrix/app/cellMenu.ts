// The menu of one cell's factors (Verify, Show details, Unenroll), opened under the cell by a click
// or Enter. Arrow keys move through it; Escape or a click elsewhere closes it.
import { ACTIVE, statusText, type MatrixColumn, type MatrixRow } from '../../../factors/factorMatrix';
import { byId, show } from '../../shared/app/dom';
import { MATRIX_IDS } from '../elementIds';
import type { MatrixFactorAction } from '../protocol';

export class CellMenu {
  private readonly menu = byId(MATRIX_IDS.cellMenu);

  /** `onAction` runs a chosen action; `returnFocus` puts the focus back on the grid as the menu closes. */
  constructor(
    private readonly onAction: (action: MatrixFactorAction, userId: string, factorId: string) => void,
    private readonly returnFocus: () => void,
  ) {
    this.menu.addEventListener('keydown', (event) => {
      const items = Array.from(this.menu.querySelectorAll<HTMLButtonElement>('button'));
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') this.close();
      else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
      else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
      else return;
      event.preventDefault();
    });
    document.addEventListener('mousedown', (event) => {
      if (!this.menu.contains(event.target as Node)) show(this.menu, false);
    });
  }

  /** Opens the menu of the cell of `row` in `column`, drawn at `anchor`; an empty cell has none. */
  open(anchor: HTMLElement, row: MatrixRow, column: MatrixColumn): void {
    const cell = row.cells[column.key];
    if (!cell) return;
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
          this.close();
          this.onAction(action, row.userId, factor.id);
        });
        items.push(button);
        group.append(button);
      }
      return group;
    });
    this.menu.replaceChildren(...groups);
    this.menu.setAttribute('aria-label', `Actions for ${row.login}, ${column.label}`);
    const box = anchor.getBoundingClientRect();
    this.menu.style.top = `${box.bottom + window.scrollY}px`;
    this.menu.style.left = `${Math.min(box.left, window.innerWidth - 220) + window.scrollX}px`;
    show(this.menu, true);
    items[0]?.focus();
  }

  private close(): void {
    if (this.menu.hidden) return;
    show(this.menu, false);
    this.returnFocus();
  }
}
