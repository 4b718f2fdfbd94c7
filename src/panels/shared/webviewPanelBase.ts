// The shared half of every panel: creates the webview with a strict CSP and narrow resource roots,
// validates each incoming message, waits for the webview's "ready" before sending anything (then
// sends a full state snapshot, again after any reload), answers each request exactly once, and
// aborts everything in flight when the panel closes.
import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { reportError } from '../../ui/reportError';
import { isCancellation } from '../../okta/errors';
import { isUserCorrectable, toErrorView } from './errorView';
import type { ParseResult } from './messageValidation';
import type { PanelServices } from './panelServices';
import type { ErrorMessage, ErrorView, ReadyMessage, ReplyMessage } from './protocol';
import { renderPage } from './pageMarkup';

export interface PanelSpec<W> {
  viewType: string;
  title: string;
  /** Bundled script name: dist/webview/<script>.js. */
  script: string;
  body: string;
  parse: (raw: unknown) => ParseResult<W>;
}

export abstract class WebviewPanelBase<W extends { type: string }, H extends { type: string }> implements vscode.Disposable {
  protected readonly panel: vscode.WebviewPanel;
  private webviewReady = false;
  private readonly queue: H[] = [];
  private readonly lifetime = new AbortController();
  private readonly posted = new vscode.EventEmitter<H>();
  private readonly disposed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private isDisposed = false;

  /** Every message sent to the webview (tests watch the host side of the protocol through this). */
  readonly onDidPost = this.posted.event;
  readonly onDidDispose = this.disposed.event;

  protected constructor(
    protected readonly services: PanelServices,
    protected readonly orgId: string,
    private readonly spec: PanelSpec<W>,
  ) {
    const root = services.context.extensionUri;
    this.panel = vscode.window.createWebviewPanel(spec.viewType, spec.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      // Forms keep what the user typed (and a running activation) when the tab is hidden.
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist', 'webview'), vscode.Uri.joinPath(root, 'media')],
    });
    this.panel.iconPath = vscode.Uri.joinPath(root, 'media', 'okta.svg');
    const webview = this.panel.webview;
    webview.html = renderPage({
      title: spec.title,
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview', `${spec.script}.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'webview.css')).toString(),
      body: spec.body,
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Aborted when the panel closes: pass it to every request and poll. */
  protected get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The full state for a (re)loaded webview. */
  protected abstract snapshot(): Promise<H>;

  /** Handles one validated message other than `ready`. */
  protected abstract handle(message: Exclude<W, ReadyMessage>): Promise<void>;

  /** Entry point of every webview message (public so tests can drive the host side). */
  async receive(raw: unknown): Promise<void> {
    if (this.isDisposed) return;
    const parsed = this.spec.parse(raw);
    if (!parsed.ok) {
      // Never echo the payload: it could hold whatever a tampered script put there.
      this.services.log.appendLine(`[webview] ${this.spec.viewType}: rejected a message: ${parsed.reason}`);
      return;
    }
    const message = parsed.message;
    if (message.type === 'ready') {
      this.webviewReady = true;
      this.deliver(await this.snapshot());
      for (const queued of this.queue.splice(0)) this.deliver(queued);
      return;
    }
    await this.handle(message as Exclude<W, ReadyMessage>);
  }

  /** Sends now, or once the webview is ready. */
  protected post(message: H | ReplyMessage | ErrorMessage): void {
    if (this.isDisposed) return;
    if (this.webviewReady) this.deliver(message as H);
    else this.queue.push(message as H);
  }

  /** Re-sends the state snapshot (after the subject changed, e.g. a new enrollment). */
  protected async refreshView(): Promise<void> {
    if (this.webviewReady) this.deliver(await this.snapshot());
  }

  /**
   * Runs the work of one request and answers it once: no error on success; on failure the error
   * inline (with Okta's causes next to the named `fields`), and a notification too when it is not
   * something the user can fix in the form. Panel closed meanwhile: nothing.
   */
  protected async answer(requestId: number, action: string, fields: readonly string[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.post({ type: 'reply', requestId });
    } catch (err) {
      if (this.isDisposed || (isCancellation(err) && this.signal.aborted)) return;
      this.post({ type: 'reply', requestId, error: this.errorView(action, err, fields) });
    }
  }

  /** The inline view of an error, reported to the output channel (and as a notification when needed). */
  protected errorView(action: string, err: unknown, fields: readonly string[] = []): ErrorView {
    const view = toErrorView(action, err, fields);
    if (isUserCorrectable(err)) this.services.log.appendLine(`[webview] ${view.message}`);
    else reportError(this.services, action, err, this.orgId);
    return view;
  }

  private deliver(message: H): void {
    if (this.isDisposed) return;
    this.posted.fire(message);
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.lifetime.abort();
    this.disposed.fire();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
    this.posted.dispose();
    this.disposed.dispose();
  }
}
