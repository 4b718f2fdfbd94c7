// Which secrets belong to which org, so removing an org deletes every one of them even with a
// SecretStore that cannot list its keys (SecretStorage.keys() only exists from VS Code 1.105).
// Org-scoped secret keys follow one convention: `okta.<kind>/<orgId>` or `okta.<kind>/<orgId>/...`.
import { SecretStore } from './secretStore';

/** `okta.orgSecrets/<orgId>`: JSON array of the org's other secret keys. */
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

// Index updates are read-modify-write: serialize them per store, across all index instances.
const queues = new WeakMap<SecretStore, Promise<unknown>>();

export class OrgSecretIndex {
  constructor(private readonly secrets: SecretStore) {}

  /** Stores a secret of an org and records its key (key first: a dangling entry is harmless). */
  async store(orgId: string, key: string, value: string): Promise<void> {
    await this.editIndex(orgId, (keys) => keys.add(key));
    await this.secrets.store(key, value);
  }

  async delete(orgId: string, key: string): Promise<void> {
    await this.secrets.delete(key);
    await this.editIndex(orgId, (keys) => keys.delete(key));
  }

  /** Every indexed secret key of the org, plus any the store itself lists. */
  async keys(orgId: string): Promise<string[]> {
    const keys = new Set(await this.readIndex(orgId));
    const listed = this.secrets.keys ? await this.secrets.keys() : [];
    for (const key of listed) {
      if (orgIdOfSecretKey(key) === orgId && key !== this.indexKey(orgId)) keys.add(key);
    }
    return [...keys];
  }

  /** Deletes the org's secrets that match `which` (all by default), and the index when empty. */
  async deleteAll(orgId: string, which: (key: string) => boolean = () => true): Promise<void> {
    const doomed = (await this.keys(orgId)).filter(which);
    const results = await Promise.allSettled(doomed.map((key) => this.secrets.delete(key)));
    const deleted = new Set(doomed.filter((_, i) => results[i].status === 'fulfilled'));
    await this.editIndex(orgId, (keys) => { for (const key of deleted) keys.delete(key); });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      throw new Error(`Could not delete ${doomed.length - deleted.size} stored secret(s) of this org.`, { cause: failed.reason });
    }
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
      const before = [...keys].join('\n');
      edit(keys);
      if ([...keys].join('\n') === before) return;
      if (keys.size === 0) await this.secrets.delete(this.indexKey(orgId));
      else await this.secrets.store(this.indexKey(orgId), JSON.stringify([...keys]));
    });
    queues.set(this.secrets, next);
    return next;
  }
}
