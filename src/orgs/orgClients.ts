// Each org's clients and work. A client is built from the stored secret and cached (one per set of
// hooks); the org's work (OrgWork) is what its clients share (rate-limit state, concurrency cap) and
// the signal that ends them: removal or new credentials end it, and calls in flight are cancelled.
import type { OktaClient } from '../okta/client';
import { OrgRegistryError, type WorkEndReason } from './errors';
import { unknownOrg } from './orgList';
import type { ClientFactory, ClientHooks, OrgCredentials } from './connectionCheck';
import type { OrgRecord } from './orgRecord';
import { credentialsFingerprint, OrgWork } from './orgWork';

interface CachedClient {
  hooks: ClientHooks | undefined;
  client: Promise<OktaClient>;
}

export interface OrgClientsOptions {
  createClient: ClientFactory;
  /** The org's stored secret (token or private key). */
  secretOf(orgId: string): Promise<string | undefined>;
  /** The org's record now, or undefined once it is gone. */
  recordOf(orgId: string): OrgRecord | undefined;
}

export class OrgClients {
  private readonly clients = new Map<string, CachedClient>();
  private readonly work = new OrgWork();

  constructor(private readonly options: OrgClientsOptions) {}

  /** The org's client, built from the stored secret and cached; a caller with other hooks gets its own. */
  clientFor(org: OrgRecord, hooks?: ClientHooks): Promise<OktaClient> {
    const cached = this.clients.get(org.id);
    if (cached && (!hooks || sameHooks(cached.hooks, hooks))) return cached.client;
    const client = this.build(org, hooks);
    const entry: CachedClient = { hooks, client };
    this.clients.set(org.id, entry);
    client.catch(() => {
      if (this.clients.get(org.id) === entry) this.clients.delete(org.id);
    });
    return client;
  }

  /** The org's current work signal (a known org's; the caller checks that it is known). */
  workSignal(orgId: string): AbortSignal {
    return this.work.session(orgId).signal;
  }

  /** Forgets the org's cached clients (they are built anew on next use). */
  drop(orgId?: string): void {
    if (orgId === undefined) this.clients.clear();
    else this.clients.delete(orgId);
  }

  /** Ends the org's work: calls in flight and queued are cancelled, clients handed out refuse further calls. */
  end(orgId: string, why: WorkEndReason): void {
    this.work.end(orgId, why);
  }

  /** Another window changed (or deleted) the secret: ends the work of the old credentials, not an echo's new one. */
  endUnlessCurrent(orgId: string, secret: string | undefined): void {
    const org = this.options.recordOf(orgId);
    this.work.endUnless(orgId, secret && org ? fingerprintOf(org, secret) : undefined);
  }

  dispose(): void {
    this.clients.clear();
    this.work.endAll('closed');
  }

  private async build(org: OrgRecord, hooks: ClientHooks | undefined): Promise<OktaClient> {
    const secret = await this.options.secretOf(org.id);
    if (!secret) {
      throw new OrgRegistryError('no-token', org.serviceApp
        ? `No private key is stored for "${org.label}". Use "Update Credentials" to import one.`
        : `No API token is stored for "${org.label}". Use "Update Token" to enter one.`);
    }
    if (!this.options.recordOf(org.id)) throw unknownOrg(); // removed while the secret was read
    const credentials: OrgCredentials = org.serviceApp
      ? { privateKeyAuth: { ...org.serviceApp, privateKey: secret } }
      : { token: secret, tokenType: org.tokenType ?? 'SSWS' };
    const work = this.work.session(org.id, fingerprintOf(org, secret));
    return this.options.createClient({ orgUrl: org.url, ...credentials, ...hooks, work, signal: work.signal });
  }
}

/** What tells one org's credentials from another's: the secret and, for a service app, its settings. */
function fingerprintOf(org: OrgRecord, secret: string): string {
  const text = org.serviceApp ? JSON.stringify([secret, org.serviceApp.clientId, org.serviceApp.scopes, org.serviceApp.keyId ?? null]) : secret;
  return credentialsFingerprint(text);
}

function sameHooks(a: ClientHooks | undefined, b: ClientHooks | undefined): boolean {
  return a?.onRequest === b?.onRequest && a?.onRateLimit === b?.onRateLimit && a?.timeoutMs === b?.timeoutMs;
}
