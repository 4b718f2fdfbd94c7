// Launch helpers shared by the extension-host runner, the end-to-end tests and the demo: a real VS Code
// (code-server on Node 24, installed by setup-vscode.mjs) in fresh temporary folders, and a headless
// Chromium (Debian's, driven by playwright-core) to open its workbench.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { ensureVscode } from './setup-vscode.mjs';

export const repoRoot = resolve(__dirname, '..');

/** Settings that make a fresh workbench quiet: no trust banner, no welcome page, no tours. */
export const quietSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
};

export interface CodeServerOptions {
  /** A packaged .vsix to install into the fresh extensions folder before the server starts. */
  vsix?: string;
  /** More packaged extensions to install beside it (a benchmark's reference extension). */
  otherVsixes?: string[];
  /** Extra user settings, merged over quietSettings. */
  settings?: Record<string, unknown>;
  /** Folder the workbench opens (default: an empty temporary folder). */
  folder?: string;
  /** Environment for the server and so for the extension host it starts. */
  env?: Record<string, string>;
  /** Accept the workbench `payload` that runs an extension-host test suite (see toolchain notes). */
  smokeTestDriver?: boolean;
  /** Fixed port (the demo); default is a free port chosen by the OS. */
  port?: number;
  /** Echo the server's log lines (the demo). */
  echoLog?: boolean;
}

export interface CodeServer {
  url: string;
  folder: string;
  process: ChildProcess;
  /** The server's log so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/** Starts code-server in fresh temporary user-data and extensions folders; resolves once it listens. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const paths = ensureVscode();
  const home = mkdtempSync(join(tmpdir(), 'okta-vscode-'));
  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  const folder = options.folder ?? join(home, 'workspace');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, folder]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--config', join(home, 'config.yaml'), '--disable-telemetry', '--disable-update-check'];
  const env = { ...process.env, ...options.env };

  for (const vsix of [options.vsix, ...(options.otherVsixes ?? [])]) {
    if (vsix) await execFileAsync(paths.node, [paths.codeServerEntry, ...common, '--install-extension', vsix], { env, timeout: 120_000 });
  }

  const args = [paths.codeServerEntry, ...common, '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`, '--disable-workspace-trust',
    '--ignore-last-opened'];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);
  // Own process group, so close() ends code-server and every extension host it started.
  const child = spawn(paths.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let logText = '';
  const onData = (chunk: Buffer) => {
    logText += chunk.toString();
    if (options.echoLog) process.stderr.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };

  try {
    const url = await waitForListening(child, () => logText, 60_000);
    return { url, folder, process: child, log: () => logText, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

function waitForListening(child: ChildProcess, logText: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const check = () => {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(logText());
      if (match) finish(() => resolvePromise(match[1]));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`code-server exited (${code}) before listening:\n${logText()}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms:\n${logText()}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', onExit);
      settle();
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

/** Headless Debian Chromium with the flags that work as root and offline. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureVscode().chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
}
