// Runs the extension-host suites in desktop VS Code downloaded by @vscode/test-electron (needs access to
// VS Code's download server, so not used in CI here: `npm run test:exthost` runs them in code-server).
// Usage: npm run build && npx tsx scripts/run-exthost-desktop.ts
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = join(__dirname, '..');

runTests({
  extensionDevelopmentPath: repoRoot,
  extensionTestsPath: join(repoRoot, 'dist', 'test', 'exthost', 'index.js'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
}).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
