// ESLint for the whole tree: typescript-eslint's type-checked recommended rules on every .ts file, each
// file parsed with the tsconfig that compiles it (tsconfig.json for the extension host, the simulator,
// the tests and scripts; tsconfig.browser.json for the webview apps), and plain recommended rules on
// the build scripts (.mjs/.cjs), which no tsconfig covers.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'dist-vsix/', 'out/', '.cache/', 'node_modules/', 'test-output/', '.vscode-test/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // A file in both programs (a panel's protocol.ts, say) is linted with the first: the host's.
        project: ['./tsconfig.json', './tsconfig.browser.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test()/describe()/it() (and .skip/.todo/.only) return promises that the runner itself awaits and reports.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'skip', 'todo', 'only'] }],
      }],
      // `import vscode = require('vscode')` is this project's way to import vscode (a plain require in
      // the bundle, see test/unit/architecture-imports.test.ts); bare require() calls stay forbidden.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // An async function without await is how this code implements a Promise-returning interface
      // (fakes, stores, providers): a throw in it still becomes a rejection, which callers rely on.
      '@typescript-eslint/require-await': 'off',
      // `'ACTIVE' | 'PENDING_ACTIVATION' | string` documents the values Okta sends today while
      // accepting the ones it adds later; the literals are for the reader, not the checker.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Every regex with \x00-\x1f in this code is a check that rejects control characters on purpose.
      'no-control-regex': 'off',
      // Its hits here are all deliberate String() calls: JSON values narrowed from unknown (which the
      // rule takes for plain objects), caught errors, a test that an object's String() hides a token.
      // Objects in template literals are still caught, by restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      // The same policy as tsconfig's noUnusedLocals/noUnusedParameters: a leading underscore marks a
      // name that is unused on purpose (a positional parameter, a destructured field left out of a rest).
      '@typescript-eslint/no-unused-vars': ['error', {
        args: 'all',
        argsIgnorePattern: '^_',
        varsIgnorePattern: '^_',
        caughtErrors: 'all',
        caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_',
        ignoreRestSiblings: true,
      }],
    },
  },
  {
    // A secret-storage failure is rethrown with scrubbedCause(error) as its cause: the error itself, or
    // a copy with the secret scrubbed out when the error quotes it (a keychain message may).
    files: ['src/orgs/orgRegistry.ts'],
    rules: { 'preserve-caught-error': 'off' },
  },
  {
    // The webview apps run in the browser: no Node globals there.
    files: ['src/panels/*/app/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The simulator tests assert on the wire JSON the simulator sends, typed `any` on purpose (see
    // test/sim/simHelpers.ts): each assert is the shape check, and declaring every Okta object's
    // shape a second time here would only restate the simulator.
    files: ['test/sim/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Build scripts are plain JavaScript run by Node: no type information to check them with.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // require() is how CommonJS imports.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
