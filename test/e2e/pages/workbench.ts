// The VS Code workbench in the browser: activity bar, command palette, editors, notifications.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ContextMenu } from './contextMenu';
import { Dialog, Notifications } from './notifications';
import { QuickInput } from './quickInput';
import { TreeView } from './treeView';
import { WebviewFrame } from './webviewFrame';
import { waitUntil } from '../../support/waitUntil';

export const screenshotDir = join(__dirname, '..', '..', '..', 'test-output', 'e2e');

/** Where a named screenshot goes (the folder made on first use). */
export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

export class Workbench {
  readonly quickInput: QuickInput;
  readonly contextMenu: ContextMenu;
  readonly notifications: Notifications;
  readonly dialog: Dialog;
  readonly tree: TreeView;

  constructor(readonly page: Page) {
    this.quickInput = new QuickInput(page);
    this.contextMenu = new ContextMenu(page);
    this.notifications = new Notifications(page);
    this.dialog = new Dialog(page);
    this.tree = new TreeView(page);
  }

  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    // The extension's container shows once the remote extension host has scanned the extensions.
    await this.oktaTab().waitFor({ state: 'visible', timeout: 90_000 });
  }

  private oktaTab() {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: /^Okta/ });
  }

  /** Opens the Okta container from the activity bar (a click, as a person would). */
  async openOktaView(): Promise<TreeView> {
    const tab = this.oktaTab();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await this.tree.pane.waitFor({ state: 'visible' });
    return this.tree;
  }

  /**
   * Runs a command from the palette by its title ("Okta: Add an Okta Org"). Right after load the
   * palette may not list an extension's commands yet, so it retries until the title shows.
   */
  async runCommand(title: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('F1');
      await this.quickInput.waitOpen();
      await this.quickInput.type(`>${title}`);
      const row = this.quickInput.items().filter({ hasText: title }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 3_000 });
        await row.click();
        return;
      } catch (err) {
        await this.quickInput.cancel();
        if (Date.now() > deadline) throw err;
      }
    }
  }

  /**
   * Switches to Light Modern or Dark Modern from the palette and waits until the workbench shows it.
   * The theme is a user setting on the server, so it outlives the window: tests set the one they need.
   */
  async useColorTheme(theme: 'light' | 'dark'): Promise<void> {
    const name = theme === 'light' ? 'Light Modern' : 'Dark Modern';
    await this.runCommand('Preferences: Color Theme');
    await this.quickInput.pick(new RegExp(`^${name}`), name);
    const workbenchClass = theme === 'light' ? '.monaco-workbench.vs' : '.monaco-workbench.vs-dark';
    await waitUntil(`the ${name} theme`, async () => (await this.page.locator(workbenchClass).count()) > 0);
  }

  /** The visible webview panel (the active editor), once its content has loaded. */
  webview(): Promise<WebviewFrame> {
    return WebviewFrame.active(this.page);
  }

  /** The editor tab with this title (webview panels and the factor details document). */
  editorTab(title: string | RegExp) {
    return this.page.locator('.tabs-container .tab').filter({ hasText: title }).first();
  }

  /** Text of the active text editor (e.g. the read-only factor details JSON). */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.waitFor({ state: 'visible' });
    return lines.innerText();
  }

  /** Text of the editor whose text matches `content` (spaces are shown as no-break spaces: match them with \s). */
  async editorText(content: RegExp): Promise<string> {
    const lines = this.page.locator('.monaco-editor .view-lines').filter({ hasText: content }).first();
    await lines.waitFor({ state: 'visible' });
    return lines.innerText();
  }

  async screenshot(name: string): Promise<string> {
    const path = screenshotPath(name);
    await this.page.screenshot({ path });
    return path;
  }

  async screenshotWebview(name: string): Promise<string> {
    const path = screenshotPath(name);
    await (await this.webview()).screenshot(path);
    return path;
  }

  async screenshotTree(name: string): Promise<string> {
    const path = screenshotPath(name);
    await this.tree.screenshot(path);
    return path;
  }
}
