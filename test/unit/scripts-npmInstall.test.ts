// The README's commands run the code-server install from inside `npm run`. This runs a nested
// install the same way (a real `npm run` script, a real `npm install` of a local package with a
// postinstall) into a throwaway cache, and checks what the nested install's scripts see.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { isolatedNpmEnv } from '../../scripts/npmInstall.mjs';

const helper = resolve(__dirname, '../../scripts/npmInstall.mjs');
const marker = 'outer-npm/0.0.0 node/v0.0.0 marker';
let work: string;
let tarball: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'npm-install-test-'));
  // A package whose postinstall writes the user agent its npm gives it, as code-server's reads it.
  const probe = join(work, 'probe');
  mkdirSync(probe);
  writeFileSync(join(probe, 'package.json'), JSON.stringify({
    name: 'ua-probe', version: '1.0.0',
    scripts: { postinstall: 'node -e "require(\'fs\').writeFileSync(process.env.PROBE_OUT, process.env.npm_config_user_agent || \'\')"' },
  }));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: probe, encoding: 'utf8' }).trim();
  tarball = join(work, name);
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs a nested install from inside `npm run` (the outer npm configured with `marker` as its user agent). */
function userAgentSeenByNestedInstall(isolate: boolean): string {
  const outer = mkdtempSync(join(work, 'outer-'));
  const out = join(outer, 'ua.txt');
  writeFileSync(join(outer, 'driver.mjs'), `
    import { isolatedNpmEnv, npmInstallInto } from ${JSON.stringify(helper)};
    const env = ${isolate} ? isolatedNpmEnv(process.env) : { ...process.env };
    npmInstallInto(${JSON.stringify(join(outer, 'cache'))}, 'probe', ${JSON.stringify(tarball)}, env);
  `);
  writeFileSync(join(outer, 'package.json'), JSON.stringify({ name: 'outer', private: true, scripts: { go: 'node driver.mjs' } }));
  execFileSync('npm', ['run', '--silent', 'go'], {
    cwd: outer, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_user_agent: marker, PROBE_OUT: out },
  });
  return readFileSync(out, 'utf8');
}

test('a nested install under npm run inherits the outer npm config unless isolated (the README-command failure)', () => {
  assert.equal(userAgentSeenByNestedInstall(false), marker, 'control: the leak this guards against is real');
  const seen = userAgentSeenByNestedInstall(true);
  assert.doesNotMatch(seen, /marker/);
  assert.match(seen, new RegExp(`node/${process.version.replace(/\./g, '\\.')}\\b`));
});

test('isolatedNpmEnv drops every npm_ variable and keeps the rest plus the extras', () => {
  const env = isolatedNpmEnv(
    { PATH: '/bin', HOME: '/root', npm_config_user_agent: 'x', npm_lifecycle_event: 'demo', NPM_CONFIG_PREFIX: '/p' },
    { npm_config_nodedir: '/node24' });
  assert.deepEqual(env, { PATH: '/bin', HOME: '/root', npm_config_nodedir: '/node24' });
});
