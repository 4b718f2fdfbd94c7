// The two extension bundles: what activation loads (dist/extension.js) stays small and free of the
// work half, and no class or module state is bundled twice (it would be two classes at run time).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Metafile } from 'esbuild';
import { boundaryProblems, sharedModuleKeys, sharedModulesPlugin, workBundlePlugin } from '../../scripts/bundleBoundary.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = resolve(__dirname, '../..');

function metafileOf(outputs: Record<string, string[]>): Metafile {
  return {
    inputs: {},
    outputs: Object.fromEntries(Object.entries(outputs).map(([output, inputs]) => [output, {
      bytes: 0, imports: [], exports: [], inputs: Object.fromEntries(inputs.map((input) => [input, { bytesInOutput: 1 }])),
    }])),
  };
}

/**
 * The Node built-ins that requiring `code` (a CommonJS bundle) loads, in a fresh Node process with
 * a stand-in `vscode` module that accepts anything.
 */
function builtinsLoadedBy(code: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-load-'));
  try {
    mkdirSync(join(dir, 'node_modules', 'vscode'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'vscode', 'index.js'), `
      const handler = { get: (t, p) => (p === 'then' ? undefined : p in t ? t[p] : anything), apply: () => anything, construct: () => anything };
      const anything = new Proxy(function () {}, handler);
      module.exports = new Proxy({}, handler);`);
    writeFileSync(join(dir, 'extension.js'), code);
    writeFileSync(join(dir, 'probe.js'), `
      const before = new Set(process.moduleLoadList);
      require('./extension.js');
      console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule '))));`);
    const loaded = JSON.parse(execFileSync(process.execPath, [join(dir, 'probe.js')], { encoding: 'utf8' })) as string[];
    return loaded.map((m) => m.slice('NativeModule '.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the boundary check names a class or module state bundled twice, and work.ts in the main bundle', () => {
  const sources: Record<string, string> = {
    'src/a.ts': 'export class A {}\n',
    'src/b.ts': 'const seen = new Map<string, number>();\nexport const b = () => seen.size;\n',
    'src/c.ts': "const TYPES = new Set(['sms']);\nexport const c = (t: string) => TYPES.has(t);\n",
    'src/work.ts': 'export const work = 1;\n',
  };
  const main = metafileOf({ 'dist/extension.js': ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/work.ts'] });
  const work = metafileOf({ 'dist/lazy/work.js': ['src/a.ts', 'src/b.ts', 'src/c.ts'] });
  const problems = boundaryProblems(main, work, (path) => sources[path]);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /dist\/extension\.js contains src\/work\.ts/);
  assert.match(problems[1], /^src\/a\.ts has a class/);
  assert.match(problems[2], /^src\/b\.ts has a class or module state/);
  assert.deepEqual(boundaryProblems(main, metafileOf({ 'dist/lazy/work.js': ['src/c.ts'] }), (path) => sources[path]).length, 1, 'a constant table may be in both');
});

test('the shared-module list the build reads has one key per module src/sharedModules.ts imports', () => {
  const text = readFileSync(resolve(root, 'src/sharedModules.ts'), 'utf8');
  const imported = [...text.matchAll(/^import \* as \w+ from '\.\/([\w/]+)';$/gm)].map((m) => m[1]).sort();
  assert.ok(imported.includes('okta/errors') && imported.includes('orgs/errors'));
  assert.deepEqual([...sharedModuleKeys()].sort(), imported);
});

test('built as npm run package builds them: main < 150 KB without the work half, and the boundary holds', async () => {
  const lazyPackages = ['axios', 'qrcode', 'otplib', 'jose', 'vscode'];
  const options = {
    absWorkingDir: root, bundle: true, minify: true, write: false, metafile: true, outdir: 'dist', logLevel: 'silent',
    platform: 'node', format: 'cjs', target: 'node20', external: lazyPackages, alias: { 'form-data': './scripts/lazy/form-data.cjs' },
  } as const;
  const [main, work] = await Promise.all([
    esbuild.build({ ...options, entryPoints: { extension: 'src/extension.ts' }, plugins: [workBundlePlugin] }),
    esbuild.build({ ...options, entryPoints: { 'lazy/work': 'src/work.ts' }, plugins: [sharedModulesPlugin] }),
  ]);
  assert.deepEqual(boundaryProblems(main.metafile, work.metafile), []);
  const mainBytes = main.outputFiles.find((f) => f.path.endsWith('extension.js'))!.contents.length;
  assert.ok(mainBytes < 150_000, `dist/extension.js is ${mainBytes} bytes`);
  const mainInputs = Object.keys(main.metafile.outputs['dist/extension.js'].inputs);
  // Nor what only a listed user or a credentials check needs (tree/userNodes.ts, orgs/credentialChecks.ts).
  for (const heavy of ['src/okta/client.ts', 'src/factors/factorService.ts', 'src/panels/enroll/enrollPanel.ts', 'src/tree/userNode.ts',
    'src/orgs/connectionCheck.ts', 'src/okta/auth/serviceAppKey.ts', 'src/okta/auth/oauthErrors.ts']) {
    assert.ok(!mainInputs.includes(heavy), `${heavy} is in the main bundle`);
  }
  // The fixtures parser and its yaml package (~100 KB) load with the first fixtures file, not at activation.
  assert.deepEqual(mainInputs.filter((input) => input.startsWith('src/fixtures/') || input.includes('node_modules/yaml/')), []);
  const workText = work.outputFiles.find((f) => f.path.endsWith('work.js'))!.text;
  const mainText = main.outputFiles.find((f) => f.path.endsWith('extension.js'))!.text;
  assert.deepEqual(builtinsLoadedBy(mainText).filter((name) => /crypto|stream/.test(name)), [], 'loading dist/extension.js loads no node:crypto');
  for (const key of sharedModuleKeys()) {
    assert.ok(workText.includes(`require("../extension.js").SHARED_MODULES[${JSON.stringify(key)}]`), `work.js takes ${key} from the main bundle`);
    assert.ok(mainText.includes(`"${key}"`), `extension.js exports ${key}`);
  }
});
