import vscode = require('vscode');
import type { RequestLogEntry } from '../okta/client';
import { formatRequestLine, isRequestFailure } from './requestLine';

/** The "Okta" output channel: the request log fed by OktaClient's onRequest hook, plus errors. */
export class RequestLog implements vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;

  /** Made on first use: a log channel sets up its log file, which activation need not wait for. */
  private get channel(): vscode.LogOutputChannel {
    return (this.created ??= vscode.window.createOutputChannel('Okta', { log: true }));
  }

  /** Logs one HTTP exchange of an org, e.g. `[Acme] GET /api/v1/users?limit=25 -> 200 (41 ms)`. */
  request(orgLabel: string, entry: RequestLogEntry): void {
    const line = `[${orgLabel}] ${formatRequestLine(entry)}`;
    if (isRequestFailure(entry)) this.channel.warn(line);
    else this.channel.info(line);
  }

  /** Failures are logged at error level, so the channel's level filter and colours treat them as such. */
  error(line: string): void {
    this.channel.error(line);
  }

  appendLine(line: string): void {
    this.channel.appendLine(line);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.created?.dispose();
  }
}
