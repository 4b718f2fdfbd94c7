// One panel per subject (an enroll panel per user, a verify panel per factor): opening the same
// subject again reveals the open panel instead of creating a twin.
export interface RegisteredPanel {
  onDidDispose(listener: () => void): unknown;
}

export class PanelRegistry<P extends RegisteredPanel> {
  private readonly open = new Map<string, P>();

  /** The open panel for `key`, or a new one from `create` (forgotten again when it is disposed). */
  getOrCreate(key: string, create: () => P): { panel: P; created: boolean } {
    const existing = this.open.get(key);
    if (existing) return { panel: existing, created: false };
    const panel = create();
    this.open.set(key, panel);
    panel.onDidDispose(() => {
      if (this.open.get(key) === panel) this.open.delete(key);
    });
    return { panel, created: true };
  }
}
