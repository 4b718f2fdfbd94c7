// A right-click menu (rendered by the workbench as HTML in the browser).
import type { Locator, Page } from 'playwright-core';

export class ContextMenu {
  readonly menu: Locator;

  constructor(page: Page) {
    this.menu = page.locator('.context-view .monaco-menu');
  }

  item(label: string | RegExp): Locator {
    return this.menu.getByRole('menuitem', { name: label });
  }

  async labels(): Promise<string[]> {
    await this.menu.waitFor({ state: 'visible' });
    return (await this.menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /**
   * Clicks a menu item. A busy workbench can drop a click that lands while the menu is still laying
   * out (the item highlights but nothing runs), so a menu that stays open is clicked once more.
   */
  async click(label: string | RegExp): Promise<void> {
    const item = this.item(label).first();
    await item.click();
    try {
      await this.menu.waitFor({ state: 'hidden', timeout: 5_000 });
    } catch {
      if (await item.isVisible()) await item.click();
      await this.menu.waitFor({ state: 'hidden' });
    }
  }
}
