// MFA Activity panel script (bundled to dist/webview/activity.js): draws the host's state (the events
// newest first, a status line screen readers hear, Load older while the log has older events) and
// sends Refresh and Load older. Relative times are renewed every 30 seconds.
import { plural } from '../../../factors/names';
import { byId, clearErrors, focusWhenReady, setStatus, show, showError } from '../../shared/app/dom';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import { SHARED_IDS } from '../../shared/elementIds';
import { ACTIVITY_IDS } from '../elementIds';
import type { ActivityHostMessage, ActivityState, ActivityWebviewMessage } from '../protocol';
import { entryItem, updateRelativeTimes } from './entryItem';

const RELATIVE_TIME_REFRESH_MS = 30_000;

const client = new WebviewClient<ActivityWebviewMessage, ActivityHostMessage>((message) => {
  if (message.type === 'state') render(message);
});

const list = byId<HTMLOListElement>(ACTIVITY_IDS.list);

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'medium' });
}

function statusOf(state: ActivityState): { text: string; tone: 'info' | 'success' | 'failure' } {
  if (state.loading === 'newest') return { text: 'Loading the newest MFA events...', tone: 'info' };
  if (state.loading === 'older') return { text: 'Loading older events...', tone: 'info' };
  if (!state.readAt) return { text: state.error ? 'The MFA activity could not be read.' : 'Loading the newest MFA events...', tone: state.error ? 'failure' : 'info' };
  const asOf = `read at ${clockTime(state.readAt)}`;
  if (state.entries.length === 0) return { text: `No MFA events (${asOf}).`, tone: 'info' };
  const added = state.added !== undefined ? ` ${plural(state.added, 'older event')} added.` : '';
  const older = state.hasOlder ? ' Older events can be loaded below.' : '';
  return { text: `${plural(state.entries.length, 'event')}, newest first (${asOf}).${added}${older}`, tone: 'info' };
}

function render(state: ActivityState): void {
  byId(SHARED_IDS.title).textContent = `MFA activity: ${state.userLabel}`;
  byId(SHARED_IDS.subtitle).textContent = `${state.orgLabel} - from the org's System Log`;
  byId(ACTIVITY_IDS.retention).textContent = `Factor events and verifications of the last ${state.retentionDays} days (Okta keeps the System Log that long). `
    + 'A new event can take a few seconds to appear; enrolling a factor logs nothing until it is activated.';
  const { text, tone } = statusOf(state);
  setStatus(text, tone);
  const empty = byId(ACTIVITY_IDS.empty);
  empty.textContent = `No factor events or verifications for ${state.userLabel} in the last ${state.retentionDays} days. `
    + 'If one happened just now, Refresh in a few seconds.';
  show(empty, !state.loading && !state.error && state.readAt !== undefined && state.entries.length === 0);
  const now = Date.now();
  list.replaceChildren(...state.entries.map((entry) => entryItem(entry, now)));
  // Read by the end-to-end tests to wait for a read to end.
  list.dataset.phase = state.loading ? 'loading' : state.error ? 'failed' : 'done';
  show(list, state.entries.length > 0);
  const loadOlder = byId<HTMLButtonElement>(ACTIVITY_IDS.loadOlder);
  show(loadOlder, state.hasOlder);
  if (state.error) showError(state.error);
  else clearErrors();
}

byId(ACTIVITY_IDS.refresh).addEventListener('click', () => {
  const done = runRequest(() => client.request({ type: 'refresh' }));
  // The button is disabled while the read is out, which drops its focus: it gets it back after.
  focusWhenReady(byId(ACTIVITY_IDS.refresh));
  void done;
});

byId(ACTIVITY_IDS.loadOlder).addEventListener('click', () => {
  const before = list.children.length;
  void runRequest(() => client.request({ type: 'loadOlder' })).then(() => {
    // Keyboard and screen reader users go on reading at the first older event (the button may be gone).
    const first = list.children.item(before) as HTMLElement | null;
    if (!first) return;
    first.tabIndex = -1;
    first.focus();
  });
});

setInterval(() => updateRelativeTimes(list), RELATIVE_TIME_REFRESH_MS);

client.ready();
