// The slice of vscode.Memento (ExtensionContext.globalState) the registry needs, so the
// registry runs in Node tests. InMemoryKeyValueState stands in for globalState there.

export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export class InMemoryKeyValueState implements KeyValueState {
  private readonly values = new Map<string, string>();

  get<T>(key: string): T | undefined {
    const json = this.values.get(key);
    // Stored as JSON, like globalState, so callers never share mutable objects with the store.
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
}
