import * as vscode from 'vscode';
import type { RateLimitStatus } from '../okta/rateLimits';
import { isRateLimitLow, rateLimitText } from './requestLine';

/**
 * A status-bar item that appears only while an org's rate-limit headroom is low (fed by
 * OktaClient's onRateLimit hook) and hides itself when the window resets.
 */
export class RateLimitStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okta.rateLimit', vscode.StatusBarAlignment.Right, 100);
  private hideTimer: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'Okta rate limit';
    this.item.command = 'okta.showLog';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  readonly update = (status: RateLimitStatus): void => {
    if (!isRateLimitLow(status)) {
      this.hide();
      return;
    }
    this.item.text = `$(watch) ${rateLimitText(status)}`;
    const bucket = status.bucket ? ` (${status.bucket})` : '';
    this.item.tooltip = `Okta rate limit${bucket}: ${status.remaining} of ${status.limit} requests left until ${status.resetAt.toLocaleTimeString()}.`;
    this.item.show();
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), Math.max(0, status.resetAt.getTime() - Date.now()));
  };

  private hide(): void {
    clearTimeout(this.hideTimer);
    this.item.hide();
  }

  dispose(): void {
    this.hide();
    this.item.dispose();
  }
}
