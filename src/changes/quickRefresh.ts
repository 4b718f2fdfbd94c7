// Bringing a known set of users up to date from the System Log: one look from the cursor, then for
// each user it names one read: the factors of a user already shown, or (for a new user, or one
// whose status changed) the user first. What a factor matrix does when it opens again; the bench
// measures this same path. Falls back, by throwing FeedUnavailable, when the log cannot serve.
// Free of `vscode`.
import type { FactorService } from '../factors/factorService';
import type { OktaUser, UserFactor } from '../okta/models';
import type { UserDirectory } from '../users/userDirectory';
import type { ChangeFeed, FeedCursor, UserChange } from './changeFeed';

/** Users read at once; the client caps the wire and paces by the rate limit. */
const CONCURRENCY = 4;

export interface QuickRefreshDeps {
  feed: Pick<ChangeFeed, 'look'>;
  users: Pick<UserDirectory, 'find'>;
  factors: Pick<FactorService, 'listFactors'>;
}

export interface QuickRefreshRequest {
  orgId: string;
  cursor: FeedCursor;
  signal?: AbortSignal;
  /** The user a row shows, when there is a row; undefined for a user not shown yet. */
  shownUser(userId: string): OktaUser | undefined;
  /** Whether a user belongs in the view (DEPROVISIONED ones may not). */
  isShown(user: OktaUser): boolean;
  /** Called before any read: false stops here (a filtered view cannot tell whether a new user matches). */
  accept?(changes: readonly UserChange[]): boolean;
  onUser(user: OktaUser, factors: readonly UserFactor[], known: boolean): void;
  onRemoved(userId: string): void;
  onProgress?(read: number, total: number): void;
}

export type QuickRefreshResult =
  | { kind: 'done'; cursor: FeedCursor; changed: number; pages: number }
  | { kind: 'not-accepted'; changes: readonly UserChange[] };

export async function refreshFromLog(deps: QuickRefreshDeps, request: QuickRefreshRequest): Promise<QuickRefreshResult> {
  const { orgId, signal } = request;
  const look = await deps.feed.look(orgId, request.cursor, signal);
  if (request.accept && !request.accept(look.changes)) return { kind: 'not-accepted', changes: look.changes };
  const queue = [...look.changes];
  let read = 0;
  const work = async (): Promise<void> => {
    for (let change = queue.shift(); change; change = queue.shift()) {
      signal?.throwIfAborted();
      const shown = request.shownUser(change.userId);
      if (shown && !change.lifecycle) {
        request.onUser(shown, await deps.factors.listFactors({ orgId, user: shown }, signal), true);
      } else {
        // New, or its status changed: the user object says whether and how its row shows now.
        const user = await deps.users.find(orgId, change.userId, signal);
        if (!user || !request.isShown(user)) request.onRemoved(change.userId);
        else request.onUser(user, await deps.factors.listFactors({ orgId, user }, signal), false);
      }
      request.onProgress?.(++read, look.changes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, look.changes.length)) }, work));
  return { kind: 'done', cursor: look.cursor, changed: look.changes.length, pages: look.pages };
}
