// Static markup of the Factor Matrix panel. Element ids are a contract with the end-to-end tests
// (test/e2e) and with ui/matrix.ts: keep them stable. The grid itself is drawn by the script, only
// the rows in view (a 1,000-user matrix stays a few dozen DOM rows).
import { ERROR_BOX_AND_END } from '../shared/pageMarkup';

export const MATRIX_BODY = `
<header>
  <h1 id="title">Factor matrix</h1>
  <p id="subtitle" class="muted">Loading...</p>
  <p id="scope" class="note" hidden></p>
</header>
<main id="matrix">
<div class="actions" id="load-bar">
  <p id="progress" class="status" role="status" aria-live="polite">Loading users...</p>
  <button id="cancel-load" type="button" class="secondary">Cancel</button>
  <button id="reload" type="button" class="secondary" hidden>Reload</button>
  <span class="spacer"></span>
  <button id="export-csv" type="button" class="secondary">Export CSV...</button>
  <button id="export-json" type="button" class="secondary">Export JSON...</button>
</div>
<div class="matrix-filters" role="search">
  <span class="inline"><label for="filter-text">User</label>
  <input id="filter-text" type="text" placeholder="login or name contains..." autocomplete="off" spellcheck="false"></span>
  <span class="check"><input id="filter-pending" type="checkbox"><label for="filter-pending">A pending factor</label></span>
  <span class="check"><input id="filter-nomfa" type="checkbox"><label for="filter-nomfa">No MFA at all (no active factor)</label></span>
  <span class="inline"><label for="filter-has">Has</label>
  <select id="filter-has"><option value="">any factor type</option></select></span>
</div>
<div class="actions matrix-bulk">
  <span id="selection" class="muted">Nothing selected. Space selects a cell; Space on a user selects the row.</span>
  <button id="bulk-unenroll" type="button" class="secondary" disabled>Unenroll selected factors</button>
  <button id="bulk-reset" type="button" class="secondary" disabled>Reset factors of selected users</button>
  <button id="bulk-enroll" type="button" class="secondary" disabled>Enroll a factor on selected users</button>
  <button id="clear-selection" type="button" class="secondary" disabled>Clear selection</button>
</div>
<p id="shown" class="muted"></p>
<div id="grid-scroller" class="grid-scroller">
  <table id="grid" role="grid" aria-labelledby="title" aria-rowcount="0">
    <thead id="grid-head"></thead>
    <tbody id="grid-body"></tbody>
  </table>
</div>
<div id="cell-menu" class="cell-menu" role="menu" hidden></div>
${ERROR_BOX_AND_END}`;
