// A webview panel's content. VS Code nests it in two iframes: the host frame (iframe.webview, one per
// panel, hidden when its editor is not active) and the content frame inside it.
import type { Frame, Locator, Page } from 'playwright-core';
import { waitUntil } from '../../support/waitUntil';

export class WebviewFrame {
  private constructor(readonly frame: Frame, private readonly host: Locator) {}

  /** The content frame of the visible (active) webview panel, once it has loaded. */
  static async active(page: Page): Promise<WebviewFrame> {
    const hosts = page.locator('iframe.webview.ready');
    return waitUntil('a visible webview panel', async () => {
      for (let i = 0; i < (await hosts.count()); i++) {
        const host = hosts.nth(i);
        if (!(await host.isVisible())) continue;
        const outer = await (await host.elementHandle())?.contentFrame();
        const content = outer?.childFrames()[0];
        if (content && (await content.locator('body *').count()) > 0) return new WebviewFrame(content, host);
      }
      return undefined;
    });
  }

  /** A CSS selector of this panel's host iframe alone (VS Code names each host by its webview id). */
  async hostSelector(): Promise<string> {
    return `iframe.webview[name="${await this.host.getAttribute('name')}"]`;
  }

  locator(selector: string): Locator {
    return this.frame.locator(selector);
  }

  /** Waits until the webview's document shows `text`. */
  async waitForText(text: string | RegExp): Promise<Locator> {
    const element = this.frame.getByText(text).first();
    await element.waitFor({ state: 'visible' });
    return element;
  }

  /** Picks the <select> option whose text starts with `prefix` (labels may carry a suffix). */
  async selectOptionStartingWith(selector: string, prefix: string): Promise<string> {
    const select = this.locator(selector);
    await select.locator('option', { hasText: prefix }).first().waitFor({ state: 'attached' });
    const labels = (await select.locator('option').allInnerTexts()).map((l) => l.trim());
    const label = labels.find((l) => l.startsWith(prefix));
    if (!label) throw new Error(`no option starting with "${prefix}" in ${selector}: ${labels.join(' | ')}`);
    await select.selectOption({ label });
    return label;
  }

  async screenshot(path: string): Promise<void> {
    await this.host.screenshot({ path });
  }
}
