// The boundary between dist/extension.js (what activation loads: the registry, the tree, the command
// stubs) and dist/lazy/work.js (src/work.ts and what only it reaches, loaded on first use). A module
// in both bundles would be two modules at run time: two OktaApiError classes (so `instanceof` fails
// across the boundary), two copies of a module's state. So the modules listed in
// src/sharedModules.ts stay in the main bundle only and the work bundle reaches them through main's
// exports, and the build fails when another module with a class or state lands in both bundles.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const MAIN_OUTPUT = 'dist/extension.js';
const WORK_OUTPUT = 'dist/lazy/work.js';

/** The keys of SHARED_MODULES ('okta/errors', …), read from its source so the list lives in one place. */
export function sharedModuleKeys() {
  const text = readFileSync(join(src, 'sharedModules.ts'), 'utf8');
  return [...text.slice(text.indexOf('SHARED_MODULES')).matchAll(/^\s*'([\w/]+)':/gm)].map((m) => m[1]);
}

/** Main bundle: the dynamic import('./work') in src/services.ts loads dist/lazy/work.js at run time. */
export const workBundlePlugin = {
  name: 'work-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/work$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer === join(src, 'services.ts') ? { path: './lazy/work.js', external: true } : undefined);
  },
};

/** Work bundle: an import of a shared module becomes main's own copy, `require('../extension.js').SHARED_MODULES[key]`. */
export const sharedModulesPlugin = {
  name: 'shared-modules',
  setup(build) {
    const shared = new Map(sharedModuleKeys().map((key) => [join(src, `${key}.ts`), key]));
    build.onResolve({ filter: /^\./, namespace: 'file' }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      const key = shared.get(target) ?? shared.get(`${target}.ts`);
      return key ? { path: key, namespace: 'shared-module' } : undefined;
    });
    build.onResolve({ filter: /^\.\.\/extension\.js$/, namespace: 'shared-module' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'shared-module' }, (args) => ({
      contents: `module.exports = require('../extension.js').SHARED_MODULES[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/** A class, or state kept at module level: a `let`, or a `const` made empty to be filled (`new Map()`, an emitter…). */
const IDENTITY = /^(?:export\s+)?(?:abstract\s+)?class\s|^(?:export\s+)?let\s|^(?:export\s+)?const\s+\w+(?:\s*:[^=\n]+)?\s*=\s*new\s+[\w.]+(?:<[^>\n]*>)?\(\)/m;

function inputsOf(metafile, output) {
  const entry = metafile.outputs[output];
  if (!entry) throw new Error(`${output} is not an output of this build`);
  return new Set(Object.keys(entry.inputs));
}

/**
 * What is wrong with the boundary, as sentences (none when it holds). `read` gives a module's source
 * text by its path relative to the repository (the metafile's input names).
 */
export function boundaryProblems(mainMeta, workMeta, read = (path) => readFileSync(join(root, path), 'utf8')) {
  const mainInputs = inputsOf(mainMeta, MAIN_OUTPUT);
  const workInputs = inputsOf(workMeta, WORK_OUTPUT);
  const problems = [];
  const workEntry = relative(root, join(src, 'work.ts'));
  if (mainInputs.has(workEntry)) problems.push(`${MAIN_OUTPUT} contains ${workEntry}: import it only with import('./work') from src/services.ts`);
  for (const input of mainInputs) {
    if (workInputs.has(input) && input.endsWith('.ts') && IDENTITY.test(read(input))) {
      problems.push(`${input} has a class or module state and is in both bundles: list it in src/sharedModules.ts`);
    }
  }
  return problems;
}

export function checkBundleBoundary(mainMeta, workMeta) {
  const problems = boundaryProblems(mainMeta, workMeta);
  if (problems.length > 0) throw new Error(`The bundle boundary does not hold:\n- ${problems.join('\n- ')}`);
}
