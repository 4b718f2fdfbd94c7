// The webview half of the message protocol (../protocol.ts, and each panel's protocol.ts): says
// "ready", pairs requests with replies by id, shows host error notifications in the error box (the
// same in every panel) and dispatches the other notifications. Runs in the webview (browser) only.
import type { ErrorMessage, ErrorView, ReadyMessage, ReplyMessage } from '../protocol';
import { showError } from './dom';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Outgoing<W> = W extends { requestId: number } ? Omit<W, 'requestId'> : never;

export class WebviewClient<W extends { type: string }, H extends { type: string }> {
  private readonly vscode = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ReplyMessage) => void>();

  constructor(onNotification: (message: Exclude<H, ReplyMessage | ErrorMessage>) => void) {
    window.addEventListener('message', (event: MessageEvent<H | ReplyMessage | ErrorMessage>) => {
      const message = event.data;
      if (message?.type === 'reply') {
        const reply = message as ReplyMessage;
        this.pending.get(reply.requestId)?.(reply);
        this.pending.delete(reply.requestId);
      } else if (message?.type === 'error') {
        showError((message as ErrorMessage).error);
      } else if (message && typeof message.type === 'string') {
        onNotification(message as Exclude<H, ReplyMessage | ErrorMessage>);
      }
    });
  }

  /** Tell the host the script runs; it answers with the state snapshot. */
  ready(): void {
    const ready: ReadyMessage = { type: 'ready' };
    this.vscode.postMessage(ready);
  }

  notify(message: Exclude<W, { requestId: number }>): void {
    this.vscode.postMessage(message);
  }

  /** Sends a request and resolves with its error (undefined on success) when the host replies. */
  request(message: Outgoing<W>): Promise<ErrorView | undefined> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, (reply) => resolve(reply.error));
      this.vscode.postMessage({ ...message, requestId });
    });
  }
}
