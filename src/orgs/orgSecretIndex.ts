// Which secrets belong to which org, so removing an org deletes every one of them, and the
// authenticator lists only the factors whose secret is really kept. Org-scoped secret keys follow
// one convention: `okta.<kind>/<orgId>` or `okta.<kind>/<orgId>/...`.
//
// A store that can list its keys (VS Code's SecretStorage since 1.105) is its own index: nothing
// else is written, so windows cannot lose each other's entries. A store that cannot keeps a JSON
// index per org, edited one change at a time in a window; across windows, each window puts back the
// entries of its own writes that another window's edit lost, whenever the index changes.
import type { Disposable } from '../util/emitter';
import type { SecretStore } from './secretStore';

/** `okta.orgSecrets/<orgId>`: JSON array of the org's other secret keys (stores without keys() only). */
const INDEX_KIND = 'okta.orgSecrets';

/** Builds an org-scoped secret key; ids come from Okta or from the registry, never from users. */
export function orgSecretKey(kind: string, orgId: string, ...rest: string[]): string {
  return [kind, orgId, ...rest].join('/');
}

/** The org id of an org-scoped key, or undefined for any other key. */
export function orgIdOfSecretKey(key: string): string | undefined {
  const [kind, orgId] = key.split('/');
  return kind?.startsWith('okta.') && orgId ? orgId : undefined;
}

// Index edits are read-modify-write: serialize them per store, across all index instances of a window.
const queues = new WeakMap<SecretStore, Promise<unknown>>();

export class OrgSecretIndex implements Disposable {
  /** Keys this window stored or deleted, per org: what its index must keep showing (stores without keys()). */
  private readonly written = new Map<string, Set<string>>();
  /** Keys being stored now: their index entry comes and goes with their own store. */
  private readonly inFlight = new Set<string>();
  private readonly indexListener: Disposable | undefined;

  constructor(private readonly secrets: SecretStore) {
    this.indexListener = secrets.keys ? undefined : secrets.onDidChange(({ key }) => {
      const [kind, orgId] = key.split('/');
      if (kind === INDEX_KIND && orgId) void this.reconcile(orgId).catch(() => undefined);
    });
  }

  /**
   * Stores a secret of an org. With an index, its key is recorded first (removal then finds even a
   * secret whose store was cut short) and taken out again when the store fails: a failed store
   * leaves no entry behind that would claim a secret is kept.
   */
  async store(orgId: string, key: string, value: string): Promise<void> {
    if (this.secrets.keys) {
      await this.secrets.store(key, value);
      return;
    }
    this.inFlight.add(key);
    try {
      await this.editIndex(orgId, (keys) => keys.add(key));
      await this.secrets.store(key, value);
    } catch (error) {
      await this.editIndex(orgId, (keys) => keys.delete(key)).catch(() => undefined);
      throw error;
    } finally {
      this.inFlight.delete(key);
    }
    this.remember(orgId, key);
    await this.editIndex(orgId, (keys) => keys.add(key)); // another window's edit may have dropped it meanwhile
  }

  async delete(orgId: string, key: string): Promise<void> {
    await this.secrets.delete(key);
    if (!this.secrets.keys) {
      this.remember(orgId, key);
      await this.editIndex(orgId, (keys) => keys.delete(key));
    }
  }

  /** Every secret key of the org: as the store lists them, or as the index records them. */
  async keys(orgId: string): Promise<string[]> {
    if (this.secrets.keys) return (await this.secrets.keys()).filter((key) => orgIdOfSecretKey(key) === orgId && !key.startsWith(`${INDEX_KIND}/`));
    return this.readIndex(orgId);
  }

  /** Deletes the org's secrets that match `which` (all by default), and the index when empty. */
  async deleteAll(orgId: string, which: (key: string) => boolean = () => true): Promise<void> {
    const doomed = (await this.keys(orgId)).filter(which);
    const results = await Promise.allSettled(doomed.map((key) => this.secrets.delete(key)));
    const deleted = new Set(doomed.filter((_, i) => results[i].status === 'fulfilled'));
    if (!this.secrets.keys) await this.editIndex(orgId, (keys) => { for (const key of deleted) keys.delete(key); });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      throw new Error(`Could not delete ${doomed.length - deleted.size} stored secret(s) of this org.`, { cause: failed.reason });
    }
  }

  dispose(): void {
    this.indexListener?.dispose();
  }

  private remember(orgId: string, key: string): void {
    let keys = this.written.get(orgId);
    if (!keys) this.written.set(orgId, (keys = new Set()));
    keys.add(key);
  }

  /** Another window edited the index: put back what this window's own writes say it must show. */
  private async reconcile(orgId: string): Promise<void> {
    const mine = [...(this.written.get(orgId) ?? [])].filter((key) => !this.inFlight.has(key));
    if (mine.length === 0) return;
    const present = await Promise.all(mine.map(async (key) => (await this.secrets.get(key)) !== undefined));
    await this.editIndex(orgId, (keys) => mine.forEach((key, i) => (present[i] ? keys.add(key) : keys.delete(key))));
  }

  private indexKey(orgId: string): string {
    return orgSecretKey(INDEX_KIND, orgId);
  }

  private async readIndex(orgId: string): Promise<string[]> {
    const json = await this.secrets.get(this.indexKey(orgId));
    if (!json) return [];
    try {
      const parsed: unknown = JSON.parse(json);
      return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      return [];
    }
  }

  private editIndex(orgId: string, edit: (keys: Set<string>) => void): Promise<void> {
    const previous = queues.get(this.secrets) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const keys = new Set(await this.readIndex(orgId));
      const before = [...keys].sort().join('\n');
      edit(keys);
      if ([...keys].sort().join('\n') === before) return;
      if (keys.size === 0) await this.secrets.delete(this.indexKey(orgId));
      else await this.secrets.store(this.indexKey(orgId), JSON.stringify([...keys]));
    });
    queues.set(this.secrets, next);
    return next;
  }
}
