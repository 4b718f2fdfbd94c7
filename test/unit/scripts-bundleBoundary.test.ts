// The two extension bundles: what activation loads (dist/extension.js) stays small and free of the
// work half, and no class or module state is bundled twice (it would be two classes at run time).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Metafile } from 'esbuild';
import { boundaryProblems, sharedModuleKeys, sharedModulesPlugin, workBundlePlugin } from '../../scripts/bundleBoundary.mjs';
import { readFileSync } from 'node:fs';

const root = resolve(__dirname, '../..');

function metafileOf(outputs: Record<string, string[]>): Metafile {
  return {
    inputs: {},
    outputs: Object.fromEntries(Object.entries(outputs).map(([output, inputs]) => [output, {
      bytes: 0, imports: [], exports: [], inputs: Object.fromEntries(inputs.map((input) => [input, { bytesInOutput: 1 }])),
    }])),
  };
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
  for (const heavy of ['src/okta/client.ts', 'src/factors/factorService.ts', 'src/webviews/enrollPanel.ts']) {
    assert.ok(!mainInputs.includes(heavy), `${heavy} is in the main bundle`);
  }
  const workText = work.outputFiles.find((f) => f.path.endsWith('work.js'))!.text;
  const mainText = main.outputFiles.find((f) => f.path.endsWith('extension.js'))!.text;
  for (const key of sharedModuleKeys()) {
    assert.ok(workText.includes(`require("../extension.js").SHARED_MODULES[${JSON.stringify(key)}]`), `work.js takes ${key} from the main bundle`);
    assert.ok(mainText.includes(`"${key}"`), `extension.js exports ${key}`);
  }
});
