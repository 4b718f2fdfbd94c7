// End-to-end harness: the packaged extension (.vsix) installed into a fresh code-server, a headless
// Chromium opening its workbench, one browser context per test (so each test starts from an empty
// browser-side state: no orgs, no secrets), and screenshots on failure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, repoRoot, startCodeServer, type CodeServer } from '../../scripts/codeServer';
import { Workbench } from './pages/workbench';

export const vsixPath = join(repoRoot, 'dist-vsix', 'okta-factors.vsix');

export class E2EHarness {
  private contexts: BrowserContext[] = [];

  private constructor(readonly server: CodeServer, readonly browser: Browser) {}

  /** One code-server + Chromium per test file (a cold workbench costs ~13 s on 2 cores). */
  static async start(): Promise<E2EHarness> {
    if (!existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run npm run package first`);
    const server = await startCodeServer({ vsix: vsixPath });
    try {
      return new E2EHarness(server, await launchChromium());
    } catch (err) {
      await server.close();
      throw err;
    }
  }

  /** A fresh browser context and workbench window, ready for input (its clipboard readable, as a person's is). */
  async openWorkbench(): Promise<Workbench> {
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    this.contexts.push(context);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(`${this.server.url}/?folder=${encodeURIComponent(this.server.folder)}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    const workbench = new Workbench(page);
    await workbench.waitReady();
    return workbench;
  }

  /** A plain browser context of the same Chromium, for a page outside VS Code (closed with the test's windows). */
  async openBrowserContext(): Promise<BrowserContext> {
    const context = await this.browser.newContext({ viewport: { width: 900, height: 600 } });
    this.contexts.push(context);
    return context;
  }

  /** Closes the test's windows (a screenshot first when it failed, so there is something to look at). */
  async closeWorkbenches(failedTestName?: string): Promise<void> {
    for (const context of this.contexts.splice(0)) {
      if (failedTestName) {
        const page = context.pages()[0];
        if (page) await new Workbench(page).screenshot(`FAILED-${failedTestName.replace(/\W+/g, '-')}`).catch(() => undefined);
      }
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.closeWorkbenches();
    await this.browser.close();
    await this.server.close();
  }
}

/** For afterEach: the test's name when it failed (to name its screenshot), else undefined. */
export function failedTestName(t: { name: string; passed?: boolean }): string | undefined {
  return t.passed === false ? t.name : undefined;
}

