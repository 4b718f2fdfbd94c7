// Keeps the tree's open users true while the view is visible: every POLL_SECONDS it asks the System
// Log of each org whose users are shown what changed (one request per org, when nothing did), and
// the users others changed reload through the factor-change announcements, in place, without
// collapsing anything. At 2 requests a minute per org it stays far inside the log's rate limit
// (120 a minute per org, 60 for one token). Stops while the view is hidden; one poll at a time.
import vscode = require('vscode');

export const POLL_SECONDS = 30;

export interface ChangePollingDeps {
  view: Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'>;
  orgsShowingUsers(): string[];
  /** One look at the org's log; undefined when there is nothing to look with yet. */
  poll(orgId: string): Promise<unknown> | undefined;
  log(line: string): void;
}

export class TreeChangePolling implements vscode.Disposable {
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly visibility: vscode.Disposable;

  constructor(private readonly deps: ChangePollingDeps, private readonly intervalMs = POLL_SECONDS * 1000) {
    this.visibility = deps.view.onDidChangeVisibility(() => this.update());
    this.update();
  }

  private update(): void {
    if (this.deps.view.visible && !this.timer) this.timer = setInterval(() => void this.tick(), this.intervalMs);
    if (!this.deps.view.visible && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One round over the orgs shown; skipped while the last round still runs (a slow org). */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const orgId of this.deps.orgsShowingUsers()) {
        try {
          await this.deps.poll(orgId);
        } catch (err) {
          // A network blip or a removed org: the next round tries again; the request log has the detail.
          this.deps.log(`Following the System Log failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.visibility.dispose();
  }
}
