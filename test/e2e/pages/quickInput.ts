// The quick input widget: the command palette, quick picks and input boxes (incl. password boxes).
import type { Locator, Page } from 'playwright-core';

export class QuickInput {
  readonly widget: Locator;
  readonly input: Locator;

  constructor(page: Page) {
    this.widget = page.locator('.quick-input-widget');
    this.input = this.widget.locator('.quick-input-box input');
  }

  async waitOpen(): Promise<void> {
    await this.input.waitFor({ state: 'visible' });
  }

  async waitClosed(): Promise<void> {
    await this.widget.waitFor({ state: 'hidden' });
  }

  /** The prompt/title text shown above or beside the box. */
  async waitForPrompt(text: string | RegExp): Promise<void> {
    await this.widget.locator('.quick-input-message, .quick-input-title, .quick-input-description')
      .filter({ hasText: text }).first().waitFor({ state: 'visible' });
  }

  async isPassword(): Promise<boolean> {
    return (await this.input.getAttribute('type')) === 'password';
  }

  /** Replaces the box's text with `text`. */
  async type(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** Types `text` and presses Enter (input boxes). */
  async submit(text: string): Promise<void> {
    await this.type(text);
    await this.input.press('Enter');
  }

  /**
   * The host's file dialog in the browser-hosted workbench (a path box): it fills in a starting path
   * of its own and keeps completing what is typed, so the path is set until it stays as given, then
   * accepted; a dialog still open after Enter (busy listing the folder) gets Enter once more.
   */
  async submitPath(path: string): Promise<void> {
    await this.waitOpen();
    const page = this.input.page();
    for (let tries = 0; ; tries++) {
      await this.input.fill(path);
      await page.waitForTimeout(300);
      if ((await this.input.inputValue()) === path) break;
      if (tries >= 20) throw new Error(`The file dialog kept changing the path (now "${await this.input.inputValue()}").`);
    }
    await this.input.press('Enter');
    try {
      await this.widget.waitFor({ state: 'hidden', timeout: 5_000 });
    } catch {
      if ((await this.input.inputValue()) === path) await this.input.press('Enter');
    }
  }

  /** The visible pick rows. */
  items(): Locator {
    return this.widget.locator('.quick-input-list .monaco-list-row');
  }

  /** Picks the row whose label matches (typing narrows the list first when `filter` is given). */
  async pick(label: string | RegExp, filter?: string): Promise<void> {
    if (filter !== undefined) await this.type(filter);
    const row = this.items().filter({ hasText: label }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  async cancel(): Promise<void> {
    await this.input.press('Escape');
    await this.waitClosed();
  }
}
