// Which files are test-users fixtures files: okta-test-users.yaml|yml|json, or any name ending in
// .okta-test-users.yaml|yml|json (dev.okta-test-users.yaml). The same names as package.json's
// schema associations, menus and activation; decided by the name alone, so activation reads no text.
// Free of `vscode`.

/** The names, as a glob (document selectors, workspace searches). */
export const FIXTURES_FILE_GLOB = '**/{okta-test-users,*.okta-test-users}.{yaml,yml,json}';

const FIXTURES_FILE_NAME = /(?:^|\.)okta-test-users\.(ya?ml|json)$/i;

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? '';

/** Whether a path names a fixtures file. */
export function isFixturesFile(path: string): boolean {
  return FIXTURES_FILE_NAME.test(baseName(path));
}

/**
 * How to read a file: JSON for a .json name or a JSON editor, YAML otherwise (YAML is the default
 * format; a command run on a file of another name reads it as its editor's language says).
 */
export function fixtureFormatOf(path: string, languageId?: string): 'yaml' | 'json' {
  if (/\.json$/i.test(baseName(path))) return 'json';
  return languageId === 'json' || languageId === 'jsonc' ? 'json' : 'yaml';
}
