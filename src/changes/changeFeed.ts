// The System Log as a change feed of one org: a cursor (the log's `next` link of a polling request)
// taken before a full read of the org, and, on each later look, the users named in factor and user
// lifecycle events since then. A look costs the log pages it reads, not the size of the org. When
// the log cannot serve (no permission, a cursor lost or too old, more changes than a full read
// would cost), it says why, and the caller reads the whole org instead. Free of `vscode`.
import type { OktaClient } from '../okta/client';
import { isCancellation } from '../okta/errors';
import { logRefusalOf } from '../okta/errorCodes';
import type { LogEvent } from '../okta/models';

/** The events a factor matrix or a user's factor rows can be out of date after. */
export const CHANGE_FILTER = 'eventType sw "user.mfa.factor" or eventType sw "user.lifecycle" or eventType eq "user.account.update_profile"';
/** Okta's largest log page. */
const PAGE_SIZE = 1000;
/** Past this many pages (events for up to this many thousand users), a full read is as cheap and surer. */
const MAX_PAGES = 20;
/** Okta keeps events for 90 days: a cursor older than that has lost some. A day's margin. */
const CURSOR_MAX_AGE_MS = 89 * 24 * 3600 * 1000;
/** Events shortly before a cursor is opened are read too: a full read that starts now reflects them anyway. */
const OPEN_MARGIN_MS = 60_000;

export interface FeedCursor {
  /** The `next` link to follow (same-origin, checked by the client when followed). */
  next: string;
  /** When the cursor was opened (ISO): its events can be no older. */
  openedAt: string;
}

/** Why a look at the log cannot replace a full read. */
export type FeedFallback =
  | 'no-cursor' | 'cursor-too-old' | 'cursor-refused' | 'no-permission' | 'too-many-changes';

export class FeedUnavailable extends Error {
  override readonly name = 'FeedUnavailable';
  constructor(readonly reason: FeedFallback, message: string, options?: { cause: unknown }) {
    super(message, options);
  }
}

/** What the log says of one user since the cursor. */
export interface UserChange {
  userId: string;
  /** The login as the event named it. */
  login?: string;
  /** A factor was activated, unenrolled, reset or updated. */
  factors: boolean;
  /** The last user lifecycle event (`user.lifecycle.suspend`...), when there was one. */
  lifecycle?: string;
  /** The newest event's `published`, epoch ms. */
  lastPublishedMs: number;
  /** Who made the changes (`actor.id`: the admin of an API token, or a service app's client id). */
  actorIds: string[];
}

export interface FeedLook {
  changes: UserChange[];
  cursor: FeedCursor;
  pages: number;
  events: number;
}

export interface FeedDeps {
  clientFor(orgId: string): Promise<OktaClient>;
  now?: () => number;
}

export class ChangeFeed {
  private readonly now: () => number;

  constructor(private readonly deps: FeedDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A cursor at the log's present; events from before are left to the full read that follows. */
  async open(orgId: string, signal?: AbortSignal): Promise<FeedCursor> {
    const openedAt = new Date(this.now()).toISOString();
    const client = await this.deps.clientFor(orgId);
    const since = new Date(this.now() - OPEN_MARGIN_MS).toISOString();
    let page = await this.guard(() => client.listLogEvents({ since, sortOrder: 'ASCENDING', filter: CHANGE_FILTER, limit: PAGE_SIZE, signal }));
    // A polling request always has a next link; a full page means the present is further on.
    for (let pages = 1; page.events.length >= PAGE_SIZE && page.next && pages < MAX_PAGES; pages++) {
      const next = page.next;
      page = await this.guard(() => client.logEventsAt(next, { signal }));
    }
    if (!page.next) throw new FeedUnavailable('cursor-refused', 'Okta gave no next link to follow the System Log with.');
    return { next: page.next, openedAt };
  }

  /**
   * The users changed since the cursor, and the cursor to look from next time. Every event is read
   * once: the new cursor starts after the last one.
   */
  async look(orgId: string, cursor: FeedCursor | undefined, signal?: AbortSignal): Promise<FeedLook> {
    if (!cursor) throw new FeedUnavailable('no-cursor', 'No earlier look at the System Log is kept for this org.');
    const age = this.now() - Date.parse(cursor.openedAt);
    if (!(age < CURSOR_MAX_AGE_MS)) {
      throw new FeedUnavailable('cursor-too-old', 'The last look at the System Log is older than the 90 days Okta keeps events for.');
    }
    const client = await this.deps.clientFor(orgId);
    const changes = new Map<string, UserChange>();
    let next = cursor.next;
    let events = 0;
    for (let pages = 1; ; pages++) {
      const from = next;
      const page = await this.guard(() => client.logEventsAt(from, { signal }));
      events += page.events.length;
      for (const event of page.events) collect(changes, event);
      if (!page.next) throw new FeedUnavailable('cursor-refused', 'Okta ended the System Log feed (no next link): the cursor no longer works.');
      next = page.next;
      // A page short of full is the present: the next link waits for what comes after.
      if (page.events.length < PAGE_SIZE) return { changes: [...changes.values()], cursor: { next, openedAt: cursor.openedAt }, pages, events };
      if (pages >= MAX_PAGES) {
        throw new FeedUnavailable('too-many-changes', `More than ${(MAX_PAGES * PAGE_SIZE).toLocaleString('en')} changes since the last look: reading the whole org is as quick.`);
      }
    }
  }

  /** Log refusals become the reason to read the whole org; anything else is the caller's error. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (isCancellation(err)) throw err;
      const refusal = logRefusalOf(err);
      if (refusal) throw new FeedUnavailable(refusal.reason, refusal.message, { cause: err });
      throw err;
    }
  }
}

function collect(changes: Map<string, UserChange>, event: LogEvent): void {
  const type = event.eventType ?? '';
  const factors = type.startsWith('user.mfa.factor');
  const lifecycle = type.startsWith('user.lifecycle') || type === 'user.account.update_profile';
  if (!factors && !lifecycle) return;
  const publishedMs = Date.parse(event.published ?? '') || 0;
  for (const target of event.target ?? []) {
    if (target.type !== 'User' || typeof target.id !== 'string') continue;
    const change = changes.get(target.id) ?? { userId: target.id, factors: false, lastPublishedMs: 0, actorIds: [] };
    if (target.alternateId) change.login = target.alternateId;
    const actor = event.actor?.id ?? '';
    if (!change.actorIds.includes(actor)) change.actorIds.push(actor);
    if (factors) change.factors = true;
    if (lifecycle) change.lifecycle = type;
    change.lastPublishedMs = Math.max(change.lastPublishedMs, publishedMs);
    changes.set(target.id, change);
  }
}
