// Announcements that a user's factors changed, so the tree and open panels reload that user without
// being asked. A bulk unit holds its user's announcements and announces once at the end.
import { Emitter, type Event } from '../util/emitter';

export interface FactorChange {
  orgId: string;
  userId: string;
}

export class FactorChanges {
  constructor(private readonly now: () => number = Date.now) {}

  private readonly changed = new Emitter<FactorChange>();
  /** When each (org, user) was last announced, local ms: what the System Log feed has seen already. */
  private readonly announcedAt = new Map<string, number>();
  /** Users whose announcements are held: key -> holders and whether anything changed meanwhile. */
  private readonly held = new Map<string, { holders: number; changed: boolean }>();

  /** A factor of (org, user) was enrolled, activated, verified or unenrolled, or may have been. */
  readonly event: Event<FactorChange> = this.changed.event;

  /** Says that (org, user) changed, now or, while held, once the holders are done. */
  announce(orgId: string, userId: string): void {
    const hold = this.held.get(`${orgId}/${userId}`);
    if (hold) hold.changed = true;
    else this.fire(orgId, userId);
  }

  /** When (org, user) was last announced (local epoch ms), if ever. */
  lastAnnouncedAt(orgId: string, userId: string): number | undefined {
    return this.announcedAt.get(`${orgId}/${userId}`);
  }

  private fire(orgId: string, userId: string): void {
    this.announcedAt.set(`${orgId}/${userId}`, this.now());
    this.changed.fire({ orgId, userId });
  }

  /**
   * Runs `work` (several actions on one user) with that user's announcements held, then announces
   * once if anything changed: a bulk run reloads each user's tree entry once.
   */
  async asOneChange<T>(orgId: string, userId: string, work: () => Promise<T>): Promise<T> {
    const key = `${orgId}/${userId}`;
    const hold = this.held.get(key) ?? { holders: 0, changed: false };
    hold.holders++;
    this.held.set(key, hold);
    try {
      return await work();
    } finally {
      if (--hold.holders === 0) {
        this.held.delete(key);
        if (hold.changed) this.fire(orgId, userId);
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
