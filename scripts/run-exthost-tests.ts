// Runs the extension-host mocha suite (dist/test/exthost/index.js, the entry @vscode/test-electron would
// run) inside code-server's real Node extension host: the workbench, opened in headless Chromium with a
// `payload` naming the extension and the tests, starts a development extension host that runs them and
// reports the outcome through codeAutomationExit. Prints one line per test, then `N passed, N failed`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, repoRoot, startCodeServer } from './codeServer';

const RUN_TIMEOUT_MS = 600_000;
const testsEntry = join(repoRoot, 'dist', 'test', 'exthost', 'index.js');
const resultsFile = join(repoRoot, 'test-output', 'exthost-results.json');

interface MochaJsonTest { fullTitle: string; duration?: number; err: { message?: string; stack?: string } }
interface MochaJsonReport { stats: { passes: number; failures: number; pending: number; duration: number };
  passes: MochaJsonTest[]; failures: MochaJsonTest[]; pending: MochaJsonTest[] }

async function main(): Promise<number> {
  if (!existsSync(testsEntry)) throw new Error(`${testsEntry} is missing: run npm run build first`);
  mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
  rmSync(resultsFile, { force: true });
  const started = Date.now();
  const server = await startCodeServer({ smokeTestDriver: true });
  const browser = await launchChromium();
  const hostLog: string[] = [];
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_level: unknown, args: unknown) => {
      hostLog.push((Array.isArray(args) ? args : [args]).map(String).join(' '));
    });
    const remote = (path: string) => `vscode-remote://${new URL(server.url).host}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(testsEntry)],
      ['extensionEnvironment', JSON.stringify({ OKTA_EXTHOST_RESULTS: resultsFile })],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(server.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exitCode,
      new Promise<number>((resolve) => { timer = setTimeout(() => resolve(-1), RUN_TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    return report(code, Date.now() - started, hostLog);
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(exitCode: number, elapsedMs: number, hostLog: string[]): number {
  const seconds = (elapsedMs / 1000).toFixed(1);
  if (!existsSync(resultsFile)) {
    const why = exitCode === -1 ? `no result within ${RUN_TIMEOUT_MS / 1000} s` : `host exited with ${exitCode} and wrote no results`;
    console.log(`extension-host tests did not run: ${why}. Host output:\n${hostLog.slice(-40).join('\n')}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as MochaJsonReport;
  for (const t of results.passes) console.log(`  ✔ ${t.fullTitle} (${t.duration ?? 0} ms)`);
  for (const t of results.pending) console.log(`  - ${t.fullTitle} (pending)`);
  for (const t of results.failures) console.log(`  ✖ ${t.fullTitle}\n      ${(t.err.stack ?? t.err.message ?? '').split('\n').join('\n      ')}`);
  const { passes, failures, pending } = results.stats;
  const ok = failures === 0 && passes > 0 && exitCode === 0;
  console.log(`extension-host tests in code-server: ${seconds} s (results: ${resultsFile})`);
  if (exitCode !== 0 && failures === 0) console.log(`the extension host reported exit code ${exitCode}`);
  console.log(`${passes} passed, ${failures + (ok || failures > 0 ? 0 : 1)} failed${pending ? `, ${pending} skipped` : ''}`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
