// Static markup of the Factor Matrix panel. Its element ids come from elementIds.ts, which the script
// and the end-to-end tests (test/e2e) import too. The grid itself is drawn by the script, only
// the rows in view (a 1,000-user matrix stays a few dozen DOM rows).
import { SHARED_IDS } from '../shared/elementIds';
import { ERROR_BOX_AND_END } from '../shared/pageMarkup';
import { MATRIX_IDS } from './elementIds';

export const MATRIX_BODY = `
<header>
  <h1 id="${SHARED_IDS.title}">Factor matrix</h1>
  <p id="${SHARED_IDS.subtitle}" class="muted">Loading...</p>
  <p id="${MATRIX_IDS.scope}" class="note" hidden></p>
</header>
<main id="${MATRIX_IDS.main}">
<div class="actions" id="${MATRIX_IDS.loadBar}">
  <p id="${MATRIX_IDS.progress}" class="status" role="status" aria-live="polite">Loading users...</p>
  <p id="${MATRIX_IDS.savedMark}" class="saved-mark" role="status" aria-live="polite" hidden></p>
  <button id="${MATRIX_IDS.cancelLoad}" type="button" class="secondary">Cancel</button>
  <button id="${MATRIX_IDS.reload}" type="button" class="secondary" hidden title="Reads only the users the System Log names as changed">Refresh</button>
  <button id="${MATRIX_IDS.readAll}" type="button" class="secondary" hidden title="Lists every user and reads each one's factors">Read all users</button>
  <span class="spacer"></span>
  <button id="${MATRIX_IDS.exportCsv}" type="button" class="secondary">Export CSV...</button>
  <button id="${MATRIX_IDS.exportJson}" type="button" class="secondary">Export JSON...</button>
</div>
<div class="matrix-filters" role="search">
  <span class="inline"><label for="${MATRIX_IDS.filterText}">User</label>
  <input id="${MATRIX_IDS.filterText}" type="text" placeholder="login or name contains..." autocomplete="off" spellcheck="false"></span>
  <span class="check"><input id="${MATRIX_IDS.filterPending}" type="checkbox"><label for="${MATRIX_IDS.filterPending}">A pending factor</label></span>
  <span class="check"><input id="${MATRIX_IDS.filterNoMfa}" type="checkbox"><label for="${MATRIX_IDS.filterNoMfa}">No MFA at all (no active factor)</label></span>
  <span class="inline"><label for="${MATRIX_IDS.filterHas}">Has</label>
  <select id="${MATRIX_IDS.filterHas}"><option value="">any factor type</option></select></span>
</div>
<div class="actions matrix-bulk">
  <span id="${MATRIX_IDS.selection}" class="muted">Nothing selected. Space selects a cell; Space on a user selects the row.</span>
  <button id="${MATRIX_IDS.bulkUnenroll}" type="button" class="secondary" disabled>Unenroll selected factors</button>
  <button id="${MATRIX_IDS.bulkReset}" type="button" class="secondary" disabled>Reset factors of selected users</button>
  <button id="${MATRIX_IDS.bulkEnroll}" type="button" class="secondary" disabled>Enroll a factor on selected users</button>
  <button id="${MATRIX_IDS.clearSelection}" type="button" class="secondary" disabled>Clear selection</button>
</div>
<p id="${MATRIX_IDS.shown}" class="muted"></p>
<div id="${MATRIX_IDS.gridScroller}" class="grid-scroller">
  <table id="${MATRIX_IDS.grid}" role="grid" aria-labelledby="${SHARED_IDS.title}" aria-rowcount="0">
    <thead id="${MATRIX_IDS.gridHead}"></thead>
    <tbody id="${MATRIX_IDS.gridBody}"></tbody>
  </table>
</div>
<div id="${MATRIX_IDS.cellMenu}" class="cell-menu" role="menu" hidden></div>
${ERROR_BOX_AND_END}`;
