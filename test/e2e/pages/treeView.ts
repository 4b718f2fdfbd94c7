// The "Orgs, Users & Factors" tree view in the Okta activity-bar container.
import type { Locator, Page } from 'playwright-core';

export class TreeView {
  readonly pane: Locator;

  constructor(private readonly page: Page, title = 'Orgs, Users & Factors') {
    this.pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
  }

  /** The welcome content shown while no org is configured. */
  welcomeButton(label: string | RegExp): Locator {
    return this.pane.locator('.welcome-view-content').getByRole('button', { name: label });
  }

  rows(): Locator {
    return this.pane.locator('.monaco-list-row');
  }

  /** The row whose label matches (label only, not the description). */
  item(label: string | RegExp): Locator {
    return this.rows().filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
  }

  /** The row's description text (shown greyed after the label). */
  async description(label: string | RegExp): Promise<string> {
    return (await this.item(label).locator('.label-description').innerText()).trim();
  }

  async waitForItem(label: string | RegExp): Promise<Locator> {
    const row = this.item(label);
    await row.waitFor({ state: 'visible' });
    return row;
  }

  async waitForNoItem(label: string | RegExp): Promise<void> {
    await this.item(label).waitFor({ state: 'detached' });
  }

  /** Expands a collapsed row and waits until it shows as expanded. */
  async expand(label: string | RegExp): Promise<Locator> {
    const row = await this.waitForItem(label);
    if ((await row.getAttribute('aria-expanded')) === 'false') {
      await row.locator('.monaco-tl-twistie').click();
    }
    await this.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle());
    return row;
  }

  async select(label: string | RegExp): Promise<void> {
    await (await this.waitForItem(label)).locator('.monaco-icon-label').click();
  }

  async rightClick(label: string | RegExp): Promise<void> {
    await (await this.waitForItem(label)).click({ button: 'right' });
  }

  /** Labels of the rows rendered now (the tree virtualises long lists). */
  async labels(): Promise<string[]> {
    return (await this.rows().locator('.label-name').allInnerTexts()).map((t) => t.trim());
  }

  async screenshot(path: string): Promise<void> {
    await this.pane.screenshot({ path });
  }
}
