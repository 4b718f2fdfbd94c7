// One secret storage seen by several windows, as VS Code's SecretStorage is: each window's view
// fires onDidChange for changes made by any of them. Answers come a turn later (like the keychain's),
// so read-modify-write edits of two windows can interleave; a view may lack keys(), as stores before
// VS Code 1.105 did, and may be told to fail the next stores of some keys.
import { Emitter } from '../../src/util/emitter';
import type { SecretStore, SecretStoreChange } from '../../src/orgs/secretStore';

const later = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SharedSecretStorage {
  private readonly values = new Map<string, string>();
  private readonly changes = new Emitter<SecretStoreChange>();

  /** A window's view of the storage. */
  window(options: { listsKeys: boolean; failStore?: (key: string) => boolean }): SecretStore {
    const view: SecretStore = {
      get: async (key) => {
        await later();
        return this.values.get(key);
      },
      store: async (key, value) => {
        await later();
        if (options.failStore?.(key)) throw new Error('The keychain refused to store the item.');
        this.values.set(key, value);
        this.changes.fire({ key });
      },
      delete: async (key) => {
        await later();
        if (this.values.delete(key)) this.changes.fire({ key });
      },
      onDidChange: this.changes.event,
    };
    if (options.listsKeys) view.keys = async () => [...this.values.keys()];
    return view;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }
}
