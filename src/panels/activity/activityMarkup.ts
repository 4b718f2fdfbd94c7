// Static markup of the MFA Activity panel. Its element ids come from elementIds.ts, which the script
// and the end-to-end tests (test/e2e) import too. The events are a list, newest first: each one
// says what happened first, then when, the outcome and the client as labelled facts, so it reads
// well at any width.
import { SHARED_IDS } from '../shared/elementIds';
import { ERROR_BOX_AND_END, panelHeader } from '../shared/pageMarkup';
import { ACTIVITY_IDS } from './elementIds';

export const ACTIVITY_BODY = `
${panelHeader('MFA activity')}
<main>
<div class="actions">
  <button id="${ACTIVITY_IDS.refresh}" type="button">Refresh</button>
  <p id="${SHARED_IDS.status}" class="status" role="status" aria-live="polite">Loading the newest MFA events...</p>
</div>
<p id="${ACTIVITY_IDS.retention}" class="muted"></p>
<p id="${ACTIVITY_IDS.empty}" class="note" hidden></p>
<ol id="${ACTIVITY_IDS.list}" class="activity-list" aria-label="MFA events, newest first"></ol>
<div class="actions">
  <button id="${ACTIVITY_IDS.loadOlder}" type="button" class="secondary" hidden>Load older events</button>
</div>
${ERROR_BOX_AND_END}`;
