// The "Orgs & Factors" tree view in the Okta activity-bar container.
import type { Locator, Page } from 'playwright-core';

export class TreeView {
  readonly pane: Locator;

  constructor(private readonly page: Page, title = 'Orgs & Factors') {
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

  /**
   * Whether the row's description starts on screen with `prefix`, uncut by the ellipsis at the
   * pane's current width (what a person at the default sidebar width sees).
   */
  async descriptionStartVisible(label: string | RegExp, prefix: string): Promise<boolean> {
    const row = await this.waitForItem(label);
    return row.evaluate((el, start) => {
      const description = el.querySelector('.label-description');
      const container = el.querySelector('.monaco-icon-label-container') ?? el;
      const text = description?.firstChild;
      if (!description || !text || !(description.textContent ?? '').startsWith(start)) return false;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, start.length);
      return range.getBoundingClientRect().right <= container.getBoundingClientRect().right + 0.5;
    }, prefix);
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
    // The locator, not an element handle: the tree may re-render the row (a new element) while it loads.
    const deadline = Date.now() + 30_000;
    while ((await row.getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() > deadline) throw new Error(`The tree row ${String(label)} did not expand within 30 s.`);
      await this.page.waitForTimeout(100);
    }
    return row;
  }

  /** A click on the row; with Control it joins the selection, with Shift it extends it as a range. */
  async select(label: string | RegExp, modifiers: Array<'Control' | 'Shift'> = []): Promise<void> {
    await (await this.waitForItem(label)).locator('.monaco-icon-label').click({ modifiers });
  }

  /** Labels of the selected rows. */
  async selectedLabels(): Promise<string[]> {
    return (await this.rows().and(this.page.locator('.selected')).locator('.label-name').allInnerTexts()).map((t) => t.trim());
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
