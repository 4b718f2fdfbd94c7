// One event of the MFA Activity list as a list item: what happened first (the outcome as a symbol
// and in words), then labelled facts: when (relative and exact), outcome and reason, client, who.
// Built with textContent only: event text is Okta's data, never markup. Runs in the webview only.
import type { ActivityEntry } from '../protocol';
import { timeAgo } from '../../../presentation/relativeTime';

const MARKS: Record<ActivityEntry['tone'], string> = { success: '✓', failure: '✗', other: '•' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The exact time in the reader's locale, seconds included (what a test log is compared with). */
function exactTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The "3 minutes ago" of every listed time, again (they age while the panel is open). */
export function updateRelativeTimes(root: ParentNode, nowMs: number = Date.now()): void {
  root.querySelectorAll<HTMLTimeElement>('time[data-relative]').forEach((time) => {
    time.textContent = timeAgo(time.dateTime, nowMs) ?? 'time unknown';
  });
}

function fact(list: HTMLDListElement, label: string, ...values: Array<Node | string>): void {
  const value = element('dd');
  value.append(...values);
  list.append(element('dt', undefined, label), value);
}

export function entryItem(entry: ActivityEntry, nowMs: number = Date.now()): HTMLLIElement {
  const item = element('li', 'activity-entry');
  item.dataset.tone = entry.tone;
  item.dataset.eventType = entry.eventType;
  const what = element('p', 'activity-what');
  const mark = element('span', 'outcome-mark', MARKS[entry.tone]);
  mark.setAttribute('aria-hidden', 'true');
  what.append(mark, element('span', undefined, entry.what));
  item.append(what);

  const facts = element('dl', 'activity-facts');
  if (entry.published) {
    const relative = element('time', undefined, timeAgo(entry.published, nowMs) ?? 'time unknown');
    relative.dateTime = entry.published;
    relative.dataset.relative = '';
    fact(facts, 'When', relative, ` · ${exactTime(entry.published)}`);
  } else {
    fact(facts, 'When', 'not given');
  }
  const outcome = element('span', 'activity-outcome', entry.outcome);
  fact(facts, 'Outcome', outcome, ...(entry.reason ? [' · ', element('code', 'activity-reason', entry.reason)] : []));
  if (entry.client) fact(facts, 'Client', entry.client);
  if (entry.userAgent) fact(facts, 'User-Agent', element('span', 'activity-agent', entry.userAgent));
  if (entry.actor) fact(facts, 'By', entry.actor);
  if (entry.severity !== 'INFO') fact(facts, 'Severity', entry.severity);
  item.append(facts);
  return item;
}
