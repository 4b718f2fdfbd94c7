// Bundles the extension, the simulator (loaded lazily for the demo org), the webview scripts and the
// extension-host test suite. Entry points are discovered by folder so new panels need no edits here.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { checkBundleBoundary, sharedModulesPlugin, workBundlePlugin } from './bundleBoundary.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const tsFilesIn = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`) : [];

// Each panel's browser app, src/panels/<panel>/app/main.ts, becomes dist/webview/<panel>.js.
const panelApps = () => Object.fromEntries(readdirSync('src/panels')
  .filter((panel) => existsSync(`src/panels/${panel}/app/main.ts`))
  .map((panel) => [panel, `src/panels/${panel}/app/main.ts`]));

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info' };

// Packages the extension needs only after activation: a dynamic import() of one of them in src/ is
// left to run time and points at its own bundle, dist/lazy/<name>.js, so dist/extension.js stays small.
// `from` is where the importing bundle lies relative to dist/lazy/.
const LAZY_PACKAGES = ['axios', 'qrcode', 'otplib', 'jose'];
const lazyPackages = (from) => ({
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) =>
      args.kind === 'dynamic-import' ? { path: `${from}${args.path}.js`, external: true } : undefined);
  },
});
const lazyEntries = Object.fromEntries(LAZY_PACKAGES.map((name) => [`lazy/${name}`, `scripts/lazy/${name}.cjs`]));
// axios' form-data (and mime-db, 200 KB) serve multipart bodies, which the client never sends.
const trimmedAxios = { alias: { 'form-data': './scripts/lazy/form-data.cjs' } };
const extensionHost = { platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };
// dist/extension.js holds what activation needs; the rest (src/work.ts and what only it reaches) is
// dist/lazy/work.js, loaded by the dynamic import('./work') in src/services.ts. See bundleBoundary.mjs.
const main = { ...common, ...trimmedAxios, ...extensionHost, entryPoints: { extension: 'src/extension.ts', sim: 'sim/index.ts', ...lazyEntries },
  outdir: 'dist', metafile: true, plugins: [lazyPackages('./lazy/'), workBundlePlugin] };
const work = { ...common, ...trimmedAxios, ...extensionHost, entryPoints: { 'lazy/work': 'src/work.ts' },
  outdir: 'dist', metafile: true, plugins: [lazyPackages('./'), sharedModulesPlugin] };
const builds = [
  main,
  work,
  { ...common, entryPoints: panelApps(), outdir: 'dist/webview',
    platform: 'browser', format: 'iife', target: 'es2022' },
  // Each extension-host suite is its own bundle under dist/test/exthost/suite/; index.ts finds them at run time.
  { ...common, ...trimmedAxios, entryPoints: ['test/exthost/index.ts', ...tsFilesIn('test/exthost/suite')], outbase: 'test/exthost',
    outdir: 'dist/test/exthost',
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'] },
].filter((b) => Object.keys(b.entryPoints).length > 0 && Object.values(b.entryPoints).every(existsSync));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  checkBundleBoundary(results[builds.indexOf(main)].metafile, results[builds.indexOf(work)].metafile);
}
