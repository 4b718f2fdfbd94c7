// A webview panel's content: VS Code nests it in two iframes (the host frame, then #active-frame).
import type { FrameLocator, Page } from 'playwright-core';

export class WebviewFrame {
  readonly frame: FrameLocator;

  constructor(page: Page, readonly title: string | RegExp) {
    // Only the active editor's webview is visible; its outer iframe belongs to the visible overlay.
    this.frame = page.locator('iframe.webview.ready:visible').frameLocator('#active-frame');
  }

  /** Waits until the webview's document has rendered `text`. */
  async waitForText(text: string | RegExp): Promise<void> {
    await this.frame.getByText(text).first().waitFor({ state: 'visible' });
  }
}
