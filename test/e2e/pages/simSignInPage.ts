// The simulator's sign-in page (/sim/signin): a username, "Sign in with a passkey", a TOTP code
// field, and the outcome in #result.
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './workbench';

export class SimSignInPage {
  readonly result: Locator;

  constructor(readonly page: Page, private readonly orgUrl: string) {
    this.result = page.locator('#result');
  }

  /** Opens the page for `login`; `orgUrl` must name the host the passkey was made for (localhost, not an IP). */
  async open(login: string): Promise<void> {
    await this.page.goto(`${this.orgUrl}/sim/signin?login=${encodeURIComponent(login)}`);
  }

  /** Clicks the passkey button and returns what #result then says. */
  async signInWithPasskey(): Promise<string> {
    await this.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    return this.outcome();
  }

  async signInWithCode(code: string): Promise<string> {
    await this.page.getByLabel('TOTP code').fill(code);
    await this.page.getByRole('button', { name: 'Verify code' }).click();
    return this.outcome();
  }

  async screenshot(name: string): Promise<string> {
    const path = screenshotPath(name);
    await this.page.screenshot({ path });
    return path;
  }

  /** "Signed in as …" or "Sign-in failed: …", once the page has shown one. */
  private async outcome(): Promise<string> {
    await this.result.filter({ hasText: /Signed in as|Sign-in failed/ }).waitFor({ timeout: 15_000 });
    return this.result.innerText();
  }
}
