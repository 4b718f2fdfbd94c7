// Activation cost as VS Code itself reports it ("Developer: Show Running Extensions"), for the
// packaged extension beside a trivial tree-view extension in the same code-server and extension
// host: the ratio is what the goal (≤ 5 ×) is about. Also the size of `main` and the .vsix.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, repoRoot, startCodeServer } from './codeServer';
import { Workbench } from '../test/e2e/pages/workbench';


/** An extension that does next to nothing, packaged: one tree view with three items, activated by its view. */
function packTrivialExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ext-'));
  writeFileSync(join(dir, 'README.md'), 'A reference extension for the activation benchmark.\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'trivial-tree', displayName: 'Trivial Tree', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.105.0' }, main: './extension.js',
    activationEvents: ['onView:trivial.tree'],
    contributes: {
      viewsContainers: { activitybar: [{ id: 'trivial', title: 'Trivial', icon: 'icon.svg' }] },
      views: { trivial: [{ id: 'trivial.tree', name: 'Trivial tree' }] },
    },
  }));
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6"/></svg>');
  writeFileSync(join(dir, 'extension.js'), `const vscode = require('vscode');
exports.activate = (context) => {
  const items = ['one', 'two', 'three'];
  context.subscriptions.push(vscode.window.registerTreeDataProvider('trivial.tree', {
    getTreeItem: (label) => new vscode.TreeItem(label), getChildren: (e) => (e ? [] : items),
  }));
};`);
  const vsix = join(dir, 'trivial-tree.vsix');
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: dir, stdio: 'ignore' });
  return vsix;
}

/** "164ms" / "1.2s" as shown in the Running Extensions editor, in ms. */
function parseTime(text: string): number | undefined {
  const match = /([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

export interface ActivationFigures {
  oursMs: number;
  trivialMs: number;
  ratio: number;
  runs: number;
  /** Each extension's times where it activated second, as measured. */
  oursSamples: number[];
  trivialSamples: number[];
}

/**
 * Median activation times over `runs` fresh windows (each page load is a fresh extension host), each
 * extension measured in the runs where the other one activated first.
 */
export async function measureActivation(vsix: string, runs = 4): Promise<ActivationFigures> {
  const server = await startCodeServer({ vsix, otherVsixes: [packTrivialExtension()] });
  const browser = await launchChromium();
  const ours: number[] = [];
  const trivial: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // Tall, so the Running Extensions list (virtualised) renders every row.
      const context = await browser.newContext({ viewport: { width: 1400, height: 3000 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/?folder=${encodeURIComponent(server.folder)}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      const workbench = new Workbench(page);
      await workbench.waitReady();
      // Alternate which view opens first, so neither extension always activates while the window is busiest.
      const openTrivial = async () => {
        await page.locator('.activitybar a.action-label[aria-label^="Trivial"]').click();
        await page.locator('.monaco-list-row', { hasText: 'three' }).first().waitFor({ timeout: 30_000 });
      };
      const openOkta = async () => {
        await workbench.openOktaView();
        await workbench.tree.welcomeButton(/Add an Okta org/).waitFor({ timeout: 30_000 });
      };
      for (const open of run % 2 === 0 ? [openTrivial, openOkta] : [openOkta, openTrivial]) await open();
      await workbench.runCommand('Developer: Show Running Extensions');
      const times = async (name: string) => {
        const row = page.locator('.monaco-list-row', { has: page.locator('div.name', { hasText: name }) }).first();
        await row.locator('div.activation-time').waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
          const shown = await page.locator('.monaco-list-row div.name').allInnerTexts();
          throw new Error(`${name} is not in Running Extensions (shown: ${shown.join(', ')})`, { cause: err });
        });
        return parseTime(await row.locator('div.activation-time').innerText());
      };
      const [o, t] = [await times('Okta Factors'), await times('Trivial Tree')];
      if (o === undefined || t === undefined) throw new Error(`could not read activation times (${o}, ${t})`);
      // Whichever activates first in a fresh extension host also pays the host's own warm-up: compare
      // each extension where it activated second.
      if (run % 2 === 0) ours.push(o);
      else trivial.push(t);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const oursMs = median(ours);
  const trivialMs = median(trivial);
  return { oursMs, trivialMs, ratio: oursMs / Math.max(trivialMs, 1), runs, oursSamples: ours, trivialSamples: trivial };
}

export function sizes(repoRoot: string): { mainBytes: number; vsixBytes: number } {
  return {
    mainBytes: statSync(join(repoRoot, 'dist', 'extension.js')).size,
    vsixBytes: statSync(join(repoRoot, 'dist-vsix', 'okta-factors.vsix')).size,
  };
}

if (require.main === module) {
  void measureActivation(join(__dirname, '..', 'dist-vsix', 'okta-factors.vsix'), Number(process.argv[2] ?? 4)).then((figures) => {
    console.log(JSON.stringify({ ...figures, ...sizes(join(__dirname, '..')) }, null, 2));
  });
}
