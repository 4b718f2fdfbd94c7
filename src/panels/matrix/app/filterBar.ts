// The filter inputs above the grid: what they ask for, and the factor types the "Has" list offers.
import type { MatrixColumn, MatrixFilter } from '../../../factors/factorMatrix';
import { byId } from '../../shared/app/dom';
import { MATRIX_IDS } from '../elementIds';

/** The inputs whose change filters anew (the text box filters on each keystroke). */
export const FILTER_CHOICE_IDS = [MATRIX_IDS.filterPending, MATRIX_IDS.filterNoMfa, MATRIX_IDS.filterHas] as const;

export function readFilter(): MatrixFilter {
  const has = byId<HTMLSelectElement>(MATRIX_IDS.filterHas).value;
  return {
    text: byId<HTMLInputElement>(MATRIX_IDS.filterText).value,
    pending: byId<HTMLInputElement>(MATRIX_IDS.filterPending).checked,
    noMfa: byId<HTMLInputElement>(MATRIX_IDS.filterNoMfa).checked,
    has: has ? [has] : [],
  };
}

/** Offers the current columns in "Has", keeping the choice while its column is still there. */
export function offerColumns(columns: readonly MatrixColumn[]): void {
  const select = byId<HTMLSelectElement>(MATRIX_IDS.filterHas);
  const current = select.value;
  select.replaceChildren(new Option('any factor type', ''), ...columns.map((c) => new Option(c.label, c.key)));
  select.value = columns.some((c) => c.key === current) ? current : '';
}
