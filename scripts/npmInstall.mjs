// Installs an npm package into a folder of its own (a tool cache), isolated from any outer npm run.
// Node built-ins only, so it can run before `npm ci`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment for a nested `npm install`: `env` without the `npm_*` variables an outer `npm run`
 * sets, plus `extra`. Under `npm run`, every `npm_config_*` variable is config for a nested npm, and
 * code-server's postinstall reads the Node version from the inherited `npm_config_user_agent`, so
 * it would see the outer Node 20 although Node 24 is first on PATH.
 */
export function isolatedNpmEnv(env, extra = {}) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !/^npm_/i.test(key)) clean[key] = value;
  }
  return { ...clean, ...extra };
}

/**
 * npm-installs `spec` into `<cacheDir>/<name>`, building in a `.partial` folder first so a failed run
 * leaves no half install. `env` is used as given: pass it through isolatedNpmEnv().
 */
export function npmInstallInto(cacheDir, name, spec, env, log = () => {}) {
  const finalDir = join(cacheDir, name);
  const tmpDir = `${finalDir}.partial`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(join(tmpDir, 'package.json'), JSON.stringify({ name: `tool-cache-${name}`, private: true }));
  log(`npm install ${spec} (into ${finalDir})`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', spec],
    { cwd: tmpDir, stdio: ['ignore', 'inherit', 'inherit'], env });
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
}
