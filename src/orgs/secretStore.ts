// The small slice of vscode.SecretStorage the registry and the authenticator need. VS Code's
// `context.secrets` satisfies it as is; InMemorySecretStore stands in for it in Node tests.
import { Disposable, Emitter } from '../util/emitter';

export interface SecretStoreChange {
  key: string;
}

export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  /** Fires for changes made by this window and by other windows sharing the same storage. */
  onDidChange(listener: (e: SecretStoreChange) => unknown): Disposable;
  /** SecretStorage.keys() exists from VS Code 1.105; plain stores may lack it. */
  keys?(): PromiseLike<string[]>;
}

/** An in-memory SecretStore that fires onDidChange like the real one (for tests and tools). */
export class InMemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  private readonly changes = new Emitter<SecretStoreChange>();
  readonly onDidChange = this.changes.event;

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changes.fire({ key });
  }

  async delete(key: string): Promise<void> {
    if (this.values.delete(key)) this.changes.fire({ key });
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}
