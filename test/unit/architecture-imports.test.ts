// The layering rules of design.md, checked on the source itself: the import graph of src/ (type-only
// imports included) has no circle, src/okta/ and src/factors/ never import vscode, and no layer
// imports the wiring file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const srcRoot = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports, statically or lazily, as written. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+\w+\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const files = sourceFiles(srcRoot);
const graph = new Map(files.map((file) => [file, specifiers(file).map((s) => resolveLocal(file, s)).filter((f): f is string => !!f && f.startsWith(srcRoot))]));
const name = (file: string) => relative(srcRoot, file);
/** The top folder of src/ a file is in (its layer). */
const folderOf = (file: string) => name(file).split(/[/\\]/)[0];

/** One import circle, as a list of files, or undefined when there is none. */
export function findCircle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

test('the circle finder finds a circle (so the real check can fail)', () => {
  assert.deepEqual(findCircle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
  assert.equal(findCircle(new Map([['a', ['b']], ['b', []]])), undefined);
});

test('src/ has no import circle', () => {
  assert.ok(files.length > 50, 'the source files were found');
  const circle = findCircle(graph);
  assert.equal(circle?.map(name).join(' -> '), undefined);
});

test('src/okta/, src/factors/, src/fixtures/, src/changes/, src/users/, src/authenticator/ and src/util/ are plain TypeScript: no vscode import', () => {
  const plain = new Set(['okta', 'factors', 'fixtures', 'changes', 'users', 'authenticator', 'util']);
  for (const file of files.filter((f) => plain.has(folderOf(f)))) {
    assert.ok(!specifiers(file).includes('vscode'), `${name(file)} imports vscode`);
  }
});

// The fixtures plan/apply and the System Log feed sit with the factor workflows (design.md): below every surface.
test('src/factors/, src/fixtures/ and src/changes/ import no layer above them (presentation, ui, tree, panels, commands, documents, editor, demo)', () => {
  const above = new Set(['presentation', 'ui', 'tree', 'panels', 'commands', 'documents', 'editor', 'demo']);
  for (const file of files.filter((f) => ['factors', 'fixtures', 'changes'].includes(folderOf(f)))) {
    const upward = (graph.get(file) ?? []).filter((target) => above.has(folderOf(target)));
    assert.deepEqual(upward.map(name), [], `${name(file)} imports a layer above it`);
  }
});

test('src/util/ holds generic helpers (imports nothing of src/ but util/), and src/okta/ stands on util/ only', () => {
  const allowed: Record<string, string[]> = { util: ['util'], okta: ['okta', 'util'] };
  for (const [file, imports] of graph) {
    const may = allowed[folderOf(file)];
    if (!may) continue;
    const outside = imports.filter((target) => !may.includes(folderOf(target)));
    assert.deepEqual(outside.map(name), [], `${name(file)} imports above its layer`);
  }
});

test('only extension.ts imports the wiring file', () => {
  const wiring = join(srcRoot, 'services.ts');
  for (const [file, imports] of graph) {
    if (file !== join(srcRoot, 'extension.ts')) assert.ok(!imports.includes(wiring), `${name(file)} imports the wiring file`);
  }
});

test('commands and panels reach Okta only through the factor service', () => {
  for (const file of files.filter((f) => ['commands', 'panels'].includes(folderOf(f)))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\bclientFor\(|okta\/client'|pushPolling'/, `${name(file)} uses the client directly`);
  }
});

/** The modules a file needs at load time: value imports and re-exports (not `import type`, not `import()`). */
function loadTimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)]
    .map((m) => resolveLocal(file, m[1] ?? m[2]))
    .filter((f): f is string => !!f && f.startsWith(srcRoot));
}

/** Every module loaded with `from` before anything is imported lazily. */
function loadedAtStart(from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of loadTimeImports(file)) visit(next);
  };
  visit(from);
  return seen;
}

const workEntry = join(srcRoot, 'work.ts');

test('the load-time import finder sees value imports and skips type-only and lazy ones', () => {
  const atStart = loadedAtStart(join(srcRoot, 'services.ts'));
  assert.ok(atStart.has(join(srcRoot, 'orgs/orgRegistry.ts')), 'a value import is followed');
  assert.ok(!atStart.has(workEntry), 'neither `import type` nor import() of work.ts is');
  assert.ok(loadedAtStart(workEntry).has(join(srcRoot, 'factors/factorService.ts')));
});

test('activation loads the registry, the tree and the command stubs only: the work half waits for first use', () => {
  const atActivation = [...loadedAtStart(join(srcRoot, 'extension.ts'))].map(name);
  const workOnly = /^(work\.ts|okta\/client\.ts|factors\/factorService\.ts|users\/|authenticator\/|fixtures\/|demo\/|panels\/|commands\/(?!registration\.ts|commandTarget\.ts))/;
  assert.deepEqual(atActivation.filter((file) => workOnly.test(file)), []);
});

// The fixtures file's surfaces that activation registers (Problems, CodeLens, plan tabs): the commands
// use them, never the other way round; the fixtures parser (and its yaml package) reaches them as a
// function handed in, so it stays out of activation (the test above).
test('src/editor/ imports no command, panel or tree code', () => {
  for (const file of files.filter((f) => folderOf(f) === 'editor')) {
    const upward = (graph.get(file) ?? []).filter((target) => ['commands', 'panels', 'tree'].includes(folderOf(target)));
    assert.deepEqual(upward.map(name), [], `${name(file)} imports a surface that uses it`);
  }
});

test('only the wiring file loads the work half, and only with import()', () => {
  for (const [file, imports] of graph) {
    if (imports.includes(workEntry)) assert.equal(name(file), 'services.ts', `${name(file)} imports work.ts`);
  }
  assert.ok(!loadTimeImports(join(srcRoot, 'services.ts')).includes(workEntry), 'services.ts imports work.ts at load time');
});

// esbuild turns each `import * as vscode from 'vscode'` into a copy of the whole API object (a getter
// per name, hundreds of them) made while dist/extension.js loads: with ~20 importing files that was
// most of the load time. `import vscode = require('vscode')` is a plain require.
test('src/ imports vscode as `import vscode = require(\'vscode\')`, never as a namespace or named import', () => {
  const offenders = files.filter((file) => /^\s*import\s+(?!type\b)[^'"=]*from\s*['"]vscode['"]/m.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders.map(name), []);
  assert.ok(files.some((file) => specifiers(file).includes('vscode')), 'the check sees the require form');
});

// The split of the extension into what activation loads and what waits for first use is the wiring's
// business: the layers take plain factories and never say that a second bundle exists.
test('only the wiring knows the extension is loaded in two halves', () => {
  const wiring = new Set(['extension.ts', 'services.ts', 'work.ts', 'sharedModules.ts']);
  const offenders = files.filter((file) => !wiring.has(name(file)) && /work half|work\.ts\b|dist\/lazy\/work|import\(['"][./]*work['"]\)/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders.map(name), []);
});

