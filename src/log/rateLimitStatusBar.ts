import vscode = require('vscode');
import type { RateLimitStatus } from '../okta/http/rateLimits';
import { waitText } from '../util/waitText';
import { isRateLimitLow, rateLimitText } from './requestLine';

interface LowBucket {
  orgLabel: string;
  status: RateLimitStatus;
}

/**
 * A status-bar item that appears only while some org's rate-limit bucket is low (fed by each
 * org's OktaClient onRateLimit hook). It shows the tightest bucket and hides when all have reset.
 */
export class RateLimitStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okta.rateLimit', vscode.StatusBarAlignment.Right, 100);
  /** Low buckets by `<orgId> <bucket>`. */
  private readonly low = new Map<string, LowBucket>();
  private resetTimer: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'Okta rate limit';
    this.item.command = 'okta.showLog';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  update(orgId: string, orgLabel: string, status: RateLimitStatus): void {
    const key = `${orgId} ${status.bucket ?? ''}`;
    if (isRateLimitLow(status)) this.low.set(key, { orgLabel, status });
    else this.low.delete(key);
    this.render();
  }

  /** The text shown while some bucket is low, else undefined. */
  get warning(): string | undefined {
    return this.low.size > 0 ? this.item.text : undefined;
  }

  private render(): void {
    clearTimeout(this.resetTimer);
    const now = Date.now();
    for (const [key, { status }] of this.low) if (status.resetAt.getTime() <= now) this.low.delete(key);
    const buckets = [...this.low.values()].sort((a, b) => a.status.remaining / a.status.limit - b.status.remaining / b.status.limit);
    if (buckets.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(watch) ${rateLimitText(buckets[0].status)}`;
    this.item.tooltip = buckets
      .map(({ orgLabel, status }) => `${orgLabel}${status.bucket ? ` (${status.bucket})` : ''}: ${status.remaining} of ${status.limit} requests left, more ${waitText(status.resetAt.getTime() - Date.now())}`)
      .join('\n');
    this.item.show();
    const nextReset = Math.min(...buckets.map((b) => b.status.resetAt.getTime()));
    this.resetTimer = setTimeout(() => this.render(), Math.max(0, nextReset - now) + 50);
  }

  dispose(): void {
    clearTimeout(this.resetTimer);
    this.item.dispose();
  }
}
