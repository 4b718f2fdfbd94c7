// Following each watched org's System Log while someone looks: a cursor per org kept in memory, and
// on each poll the users that others changed announced through FactorChanges, so the tree's open
// users and any open matrix reload just them. Changes this extension made itself were announced
// when it made them: a user whose events are all by this extension's own principal (the API token's
// admin, or the service app) and no newer than that announcement is not announced again. Free of
// `vscode`.
import type { FactorChanges } from '../factors/factorChanges';
import { isCancellation } from '../okta/errors';
import { FeedUnavailable, type ChangeFeed, type FeedCursor, type FeedFallback } from './changeFeed';

/** Slack for the clocks: an own event is published before the answer that led to the announcement. */
const OWN_EVENT_SLACK_MS = 1_000;

export interface LiveChangesDeps {
  feed: Pick<ChangeFeed, 'open' | 'look'>;
  changes: Pick<FactorChanges, 'announce' | 'lastAnnouncedAt'>;
  /** How far the org's clock is ahead of ours, at most (ms; negative: behind). */
  serverAheadAtMostMs(orgId: string): Promise<number>;
  /** The `actor.id` the org logs for this extension's requests; undefined when unknown (then nothing counts as own). */
  ownActorId(orgId: string): Promise<string | undefined>;
  log(line: string): void;
}

export interface PollResult {
  /** Users announced as changed by someone else. */
  announced: string[];
  /** Users whose events this extension's own announcements already covered. */
  own: number;
  /** Set when the org's log cannot be followed (then nothing more is tried until `forget`). */
  unavailable?: FeedFallback;
}

export class LiveChanges {
  private readonly cursors = new Map<string, FeedCursor>();
  private readonly refused = new Map<string, FeedFallback>();
  private readonly polls = new Map<string, Promise<PollResult>>();

  constructor(private readonly deps: LiveChangesDeps) {}

  /** One look at the org's log (one at a time per org): the first opens the cursor and announces nothing. */
  poll(orgId: string, signal?: AbortSignal): Promise<PollResult> {
    let running = this.polls.get(orgId);
    if (!running) {
      running = this.pollOnce(orgId, signal).finally(() => this.polls.delete(orgId));
      this.polls.set(orgId, running);
    }
    return running;
  }

  /** Drops what is known of the org (removed, or its credentials changed). */
  forget(orgId: string): void {
    this.cursors.delete(orgId);
    this.refused.delete(orgId);
  }

  private async pollOnce(orgId: string, signal?: AbortSignal): Promise<PollResult> {
    const refused = this.refused.get(orgId);
    if (refused) return { announced: [], own: 0, unavailable: refused };
    try {
      const cursor = this.cursors.get(orgId);
      if (!cursor) {
        this.cursors.set(orgId, await this.deps.feed.open(orgId, signal));
        return { announced: [], own: 0 };
      }
      const look = await this.deps.feed.look(orgId, cursor, signal);
      this.cursors.set(orgId, look.cursor);
      const announced: string[] = [];
      let own = 0;
      const self = look.changes.length > 0 ? await this.deps.ownActorId(orgId) : undefined;
      const ahead = self !== undefined ? await this.deps.serverAheadAtMostMs(orgId) : 0;
      for (const change of look.changes) {
        const ours = this.deps.changes.lastAnnouncedAt(orgId, change.userId);
        const onlyOurs = self !== undefined && change.actorIds.every((actor) => actor === self);
        // Announced after the answer to our own change: on the org's clock no later than `ours + ahead`.
        if (onlyOurs && ours !== undefined && change.lastPublishedMs <= ours + ahead + OWN_EVENT_SLACK_MS) {
          own++;
          continue;
        }
        this.deps.changes.announce(orgId, change.userId);
        announced.push(change.userId);
      }
      return { announced, own };
    } catch (err) {
      if (isCancellation(err) || !(err instanceof FeedUnavailable)) throw err;
      this.cursors.delete(orgId);
      // Without permission no later poll can do better; a lost cursor is opened afresh next time.
      if (err.reason === 'no-permission') {
        this.refused.set(orgId, err.reason);
        this.deps.log(`Okta: the System Log of this org cannot be followed (${err.message}); open users' factors refresh only when asked.`);
      }
      return { announced: [], own: 0, unavailable: err.reason };
    }
  }
}
