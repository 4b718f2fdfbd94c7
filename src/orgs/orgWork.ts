// Each org's work under its current credentials: a session whose identity the clients' factory keys
// their shared rate-limit state and concurrency cap by, and the signal that ends the work. Removing
// the org, or giving it another token or URL, ends the work (calls in flight and queued are
// cancelled) and the next work starts fresh, so a spent or poisoned bucket never outlives the
// credentials it was learned with.
import { nodeCrypto } from '../util/nodeCrypto';
import { CancellationError, type WorkEndReason } from './errors';

/** Tells credentials apart without keeping them: a SHA-256 of the token, held only in memory. */
export function credentialsFingerprint(token: string): string {
  return nodeCrypto().createHash('sha256').update(token).digest('hex');
}

/** One org's work under one set of credentials; clients built for the same session share their traffic state. */
export interface OrgWorkSession {
  readonly signal: AbortSignal;
}

interface Session extends OrgWorkSession {
  readonly controller: AbortController;
  /** Unset until a client is built: work that has used no credentials yet. */
  fingerprint?: string;
}

export class OrgWork {
  private readonly sessions = new Map<string, Session>();

  /** The org's current work; a session of other credentials is ended first and replaced. */
  session(orgId: string, fingerprint?: string): OrgWorkSession {
    let session = this.sessions.get(orgId);
    if (session && fingerprint && session.fingerprint && session.fingerprint !== fingerprint) {
      this.end(orgId, 'credentials-changed');
      session = undefined;
    }
    if (!session) {
      const controller = new AbortController();
      session = { controller, signal: controller.signal };
      this.sessions.set(orgId, session);
    }
    session.fingerprint ??= fingerprint;
    return session;
  }

  /** Ends the org's work if it runs with credentials other than `fingerprint`. */
  endUnless(orgId: string, fingerprint: string | undefined): void {
    const session = this.sessions.get(orgId);
    if (session?.fingerprint && session.fingerprint !== fingerprint) this.end(orgId, 'credentials-changed');
  }

  end(orgId: string, why: WorkEndReason): void {
    const session = this.sessions.get(orgId);
    if (!session) return;
    this.sessions.delete(orgId);
    session.controller.abort(CancellationError.workEnded(why));
  }

  endAll(why: WorkEndReason): void {
    for (const orgId of [...this.sessions.keys()]) this.end(orgId, why);
  }
}
