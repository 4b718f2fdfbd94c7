// The list of orgs this person has added, as records in globalState, and its echo across windows:
// every change rewrites a revision secret, because SecretStorage tells every window of a change and
// globalState does not. Changes are made one at a time so concurrent calls never lose each other's writes.
import { nodeCrypto } from '../util/nodeCrypto';
import { Disposable, Emitter } from '../util/emitter';
import { OrgRegistryError } from './errors';
import type { KeyValueState } from './keyValueState';
import { isOrgRecord, ORGS_STATE_KEY, REVISION_SECRET_KEY, type OrgRecord } from './orgRecord';
import type { SecretStore } from './secretStore';

/** `orgId` undefined: anything may have changed (e.g. in another window); re-read the list. */
export interface OrgRegistryChange {
  orgId?: string;
}

/** Fired once an org is gone (removed here or, seen through the revision secret, in another window). */
export interface OrgRemoval {
  orgId: string;
}

export interface ListChangedElsewhere {
  /** The orgs another window removed. */
  removed: string[];
}

export class OrgList implements Disposable {
  private readonly changes = new Emitter<OrgRegistryChange>();
  private readonly removals = new Emitter<OrgRemoval>();
  private readonly otherWindowChanges = new Emitter<ListChangedElsewhere>();
  private readonly secretListener: Disposable;
  private lastRevision: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The org ids of the last list this window saw, to notice removals made in another window. */
  private knownOrgIds: Set<string>;

  readonly onDidChange = this.changes.event;
  readonly onDidRemoveOrg = this.removals.event;
  /**
   * Another window changed the list (a URL may have changed under a cached client, orgs may be gone).
   * Its listener (the registry) ends what must end, then says `removed()` and `changed()`.
   */
  readonly onDidChangeElsewhere = this.otherWindowChanges.event;

  constructor(private readonly state: KeyValueState, private readonly secrets: SecretStore) {
    this.secretListener = secrets.onDidChange(({ key }) => {
      if (key === REVISION_SECRET_KEY) void this.onRevision();
    });
    this.knownOrgIds = new Set(this.list().map((org) => org.id));
  }

  list(): OrgRecord[] {
    const stored = this.state.get<unknown>(ORGS_STATE_KEY);
    return Array.isArray(stored) ? stored.filter(isOrgRecord).map((org) => ({ ...org })) : [];
  }

  get(orgId: string): OrgRecord | undefined {
    return this.list().find((org) => org.id === orgId);
  }

  require(orgId: string): OrgRecord {
    const org = this.get(orgId);
    if (!org) throw unknownOrg();
    return org;
  }

  /** Refuses a second org with the same URL (naming the first, so the UI can offer to update it). */
  refuseDuplicate(url: string, exceptOrgId?: string): void {
    const existing = this.list().find((org) => org.url === url && org.id !== exceptOrgId);
    if (existing) {
      throw new OrgRegistryError(
        'duplicate',
        `${url} is already added as "${existing.label}". Use "Update Token" on it to change its token.`,
        existing.id,
      );
    }
  }

  write(orgs: OrgRecord[]): Promise<void> {
    return Promise.resolve(this.state.update(ORGS_STATE_KEY, orgs));
  }

  /** Changes one record in place (its id kept); the caller announces. */
  async update(orgId: string, change: (org: OrgRecord) => OrgRecord): Promise<OrgRecord> {
    const orgs = this.list();
    const index = orgs.findIndex((org) => org.id === orgId);
    if (index < 0) throw unknownOrg();
    const updated = { ...change(orgs[index]), id: orgId };
    orgs[index] = updated;
    await this.write(orgs);
    return { ...updated };
  }

  /** Tells this window's listeners now, and other windows through the revision secret. */
  async announce(orgId: string): Promise<void> {
    this.knownOrgIds = new Set(this.list().map((org) => org.id));
    this.changes.fire({ orgId });
    const revision = `${Date.now()}-${nodeCrypto().randomUUID()}`;
    this.lastRevision = revision;
    try {
      await this.secrets.store(REVISION_SECRET_KEY, revision);
    } catch {
      // Other windows then catch up on their next refresh; this window is already up to date.
    }
  }

  /** Says that the org changed without a change here (its secret, in another window); no id: anything may have. */
  changed(orgId?: string): void {
    this.changes.fire(orgId === undefined ? {} : { orgId });
  }

  removed(orgId: string): void {
    this.removals.fire({ orgId });
  }

  /** Runs list changes one at a time. */
  serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    this.secretListener.dispose();
    this.changes.dispose();
    this.removals.dispose();
    this.otherWindowChanges.dispose();
  }

  private async onRevision(): Promise<void> {
    const revision = await this.secrets.get(REVISION_SECRET_KEY);
    if (revision !== undefined && revision === this.lastRevision) return; // our own echo
    const current = new Set(this.list().map((org) => org.id));
    const removed = [...this.knownOrgIds].filter((orgId) => !current.has(orgId));
    this.knownOrgIds = current;
    this.otherWindowChanges.fire({ removed });
  }
}

export function unknownOrg(): OrgRegistryError {
  return new OrgRegistryError('unknown-org', 'That org is no longer configured (was it removed in another window?).');
}
