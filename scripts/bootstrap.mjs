// First step of `npm test` and `npm run demo`: runs `npm ci` when node_modules is missing or older than
// package-lock.json, so both work on a fresh clone. Node built-ins only (nothing is installed yet).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(repoRoot, 'package-lock.json');
// npm writes node_modules/.package-lock.json at the end of every install: its age is the install's age.
const installedLock = join(repoRoot, 'node_modules', '.package-lock.json');

const stale = !existsSync(installedLock) || statSync(installedLock).mtimeMs < statSync(lockFile).mtimeMs;
if (stale) {
  console.error('[bootstrap] node_modules is missing or older than package-lock.json: running npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}
