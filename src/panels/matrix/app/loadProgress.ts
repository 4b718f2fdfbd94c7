// The load bar: how far the host's load of the users' factors got, and Cancel while it runs or
// Reload once it stopped; beside it, the marker of rows shown from the matrix saved earlier.
import { byId, show } from '../../shared/app/dom';
import { MATRIX_IDS } from '../elementIds';
import type { MatrixProgressView } from '../protocol';
import { savedMarkText } from '../savedMarkText';

export function renderProgress(progress: MatrixProgressView): void {
  const { phase, loaded, total } = progress;
  const counted = total !== undefined ? `${loaded} of ${total}` : `${loaded}`;
  const text = {
    loading: progress.fromLog ? (total === undefined ? 'Looking at the System Log for changes since the last look...' : `Reading the users the System Log names as changed: ${counted}...`)
      : `${progress.note ? `${progress.note} ` : ''}Loading factors: ${counted} users loaded...`,
    done: progress.note ? `${progress.note}` : `${loaded} users loaded.`,
    cancelled: `Cancelled after ${loaded} users. Reload loads them all.`,
    failed: `Stopped after ${loaded} users. ${progress.message ?? ''}`,
  }[phase];
  const line = byId(MATRIX_IDS.progress);
  line.textContent = text;
  line.dataset.tone = phase === 'failed' ? 'failure' : phase === 'done' ? 'success' : 'info';
  // Read by the end-to-end tests to wait for the end of the load.
  line.dataset.phase = phase;
  show(byId(MATRIX_IDS.cancelLoad), phase === 'loading');
  show(byId(MATRIX_IDS.reload), phase !== 'loading');
  show(byId(MATRIX_IDS.readAll), phase !== 'loading');
  renderSavedMark(progress);
}

/**
 * The marker is a live region of its own, written only when its words change: a screen reader hears
 * it once per change, not on every update of the rows.
 */
function renderSavedMark(progress: MatrixProgressView): void {
  const mark = byId(MATRIX_IDS.savedMark);
  const text = savedMarkText(progress) ?? '';
  if (mark.textContent !== text) mark.textContent = text;
  // Read by the end-to-end tests and the bench: `saved` while saved rows are shown, `current` once up to date.
  mark.dataset.cache = progress.cached ? 'saved' : text ? 'current' : 'none';
  show(mark, text !== '');
}
