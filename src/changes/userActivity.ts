// The MFA activity of one user, read from the org's System Log: the events about the user's factors
// and verifications (and the codes and pushes sent for them), newest first, in one bounded query over
// the 90 days Okta keeps; older pages by the log's own next link. When the log will not serve (the
// credentials may not read it, Okta refused the query or the link) it says why and what to do.
// Free of `vscode`.
import type { OktaClient } from '../okta/client';
import { logRefusalOf, type LogRefusalReason } from '../okta/errorCodes';
import { isCancellation, OktaInputError } from '../okta/errors';
import type { LogEventsPage } from '../okta/models';
import { activityEntry, WORDED_EVENT_TYPES, type ActivityEntry } from './activityEntry';

/** Okta returns no event older than this ("System Log data older than 90 days isn't returned"). */
export const RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;
/** `until` is exclusive: a second past the org's now keeps an event of this very moment in. */
const UNTIL_MARGIN_MS = 1000;
const DEFAULT_PAGE_SIZE = 50;
/** Okta's largest log page. */
const MAX_PAGE_SIZE = 1000;
/** Okta user ids are letters and digits (`00u…`); anything else is refused before it reaches a filter. */
const USER_ID = /^[A-Za-z0-9]{1,64}$/;

export interface ActivityPage {
  /** Newest first. */
  entries: ActivityEntry[];
  /** The log's link to the older events; absent on the last page. */
  next?: string;
}

export interface RecentOptions {
  signal?: AbortSignal;
  /** Events per page (1-1000; 50 unless told). */
  pageSize?: number;
}

export interface UserActivityDeps {
  clientFor(orgId: string): Promise<OktaClient>;
  /** The clock (tests set it). */
  now?: () => number;
}

/** The System Log would not serve: `reason` says why, the message also says what to do. */
export class ActivityUnavailable extends Error {
  override readonly name = 'ActivityUnavailable';
  constructor(readonly reason: LogRefusalReason, message: string, options?: { cause: unknown }) {
    super(message, options);
  }
}

const NEXT_STEP: Record<LogRefusalReason, { recent: string; older: string }> = {
  'no-permission': {
    recent: 'Run Update Token on this org with an API token created by such an admin; for a service app, grant it okta.logs.read '
      + "under the app's Okta API Scopes, then choose that scope in Update Token.",
    older: 'Run Update Token on this org, then Refresh.',
  },
  'cursor-refused': {
    recent: 'Refresh to try again.',
    older: 'The link to older events may have expired: Refresh, then load older events again.',
  },
};

/**
 * The query's filter: events naming the user as a target, of the MFA event types. One request:
 * `eventType sw "user.mfa."` covers the factor lifecycle (and Classic's push denial), the rest are
 * named one by one. The id is checked before it is quoted, so it cannot change the expression.
 */
export function activityFilter(userId: string): string {
  if (!USER_ID.test(userId)) throw new OktaInputError('That is not an Okta user id (letters and digits only); the System Log was not asked.');
  const exact = WORDED_EVENT_TYPES.filter((type) => !type.startsWith('user.mfa.')).map((type) => `eventType eq "${type}"`);
  return `target.id eq "${userId}" and (${['eventType sw "user.mfa."', ...exact].join(' or ')})`;
}

function pageSizeOf(pageSize: number | undefined): number {
  if (pageSize === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new OktaInputError(`A page of the System Log holds 1 to ${MAX_PAGE_SIZE} events.`);
  }
  return pageSize;
}

function toPage(page: LogEventsPage): ActivityPage {
  const entries = page.events.map(activityEntry);
  return page.next ? { entries, next: page.next } : { entries };
}

export class UserActivity {
  private readonly now: () => number;

  constructor(private readonly deps: UserActivityDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** The newest page of the user's MFA events of the last 90 days. */
  async recent(orgId: string, userId: string, options: RecentOptions = {}): Promise<ActivityPage> {
    const filter = activityFilter(userId);
    const limit = pageSizeOf(options.pageSize);
    const client = await this.deps.clientFor(orgId);
    // The org's clock, at the latest it can be (its Date headers bound it), and a second more: `until`
    // excludes its own instant, and an event of this very moment must be listed.
    const nowMs = this.now() + client.serverClockOffset().high + UNTIL_MARGIN_MS;
    // Both bounds given: a bounded query (ordered by `published`, finite); a polling one would be neither.
    const query = {
      filter, limit, sortOrder: 'DESCENDING' as const,
      since: new Date(nowMs - RETENTION_DAYS * DAY_MS).toISOString(), until: new Date(nowMs).toISOString(),
    };
    return toPage(await guard('recent', () => client.listLogEvents({ ...query, signal: options.signal })));
  }

  /** The page a previous page's `next` link points at (the same user and query, older events). */
  async older(orgId: string, next: string, signal?: AbortSignal): Promise<ActivityPage> {
    const client = await this.deps.clientFor(orgId);
    return toPage(await guard('older', () => client.logEventsAt(next, { signal })));
  }
}

/** A refusal of the log becomes ActivityUnavailable with the next step; anything else is the caller's error. */
async function guard<T>(page: 'recent' | 'older', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isCancellation(err)) throw err;
    const refusal = logRefusalOf(err);
    if (!refusal) throw err;
    throw new ActivityUnavailable(refusal.reason, `${refusal.message} ${NEXT_STEP[refusal.reason][page]}`, { cause: err });
  }
}
