// Notification toasts (information/warning/error messages, progress) and modal dialogs.
import type { Locator, Page } from 'playwright-core';

export class Notifications {
  constructor(private readonly page: Page) {}

  /** The toast whose message matches; waits for it to show. */
  async waitFor(message: string | RegExp): Promise<Locator> {
    const toast = this.page.locator('.notification-toast').filter({ hasText: message }).first();
    await toast.waitFor({ state: 'visible' });
    return toast;
  }

  async clickButton(message: string | RegExp, button: string | RegExp): Promise<void> {
    const toast = await this.waitFor(message);
    await toast.getByRole('button', { name: button }).click();
  }

  /** Messages of the toasts showing now. */
  async messages(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }
}

/** A modal dialog (showWarningMessage with `modal: true`). */
export class Dialog {
  readonly box: Locator;

  constructor(page: Page) {
    this.box = page.locator('.monaco-dialog-box');
  }

  async waitFor(message: string | RegExp): Promise<string> {
    await this.box.filter({ hasText: message }).waitFor({ state: 'visible' });
    return this.box.innerText();
  }

  async click(button: string | RegExp): Promise<void> {
    await this.box.getByRole('button', { name: button }).click();
    await this.box.waitFor({ state: 'hidden' });
  }
}
