// The actions of a test-users fixtures file, above its first line: plan against an org, apply,
// export for a test run. Placed without reading the file (no parse at activation, nothing to
// recompute while typing); the commands read the file when clicked.
import vscode = require('vscode');
import type { CommandId } from '../commandIds';
import { FIXTURES_FILE_GLOB } from './fixtureFileNames';

/** The lenses' titles and commands, in the order shown. */
export const FIXTURE_LENSES: ReadonlyArray<{ title: string; command: CommandId; tooltip: string }> = [
  { title: 'Plan against an org…', command: 'okta.planTestUsers', tooltip: 'Compare this file with an org and show the changes (reads only)' },
  { title: 'Apply…', command: 'okta.applyTestUsers', tooltip: 'Plan, confirm, then make the org match this file' },
  { title: 'Export for a test run…', command: 'okta.exportTestUsers', tooltip: 'Write these users\' logins, TOTP secrets and passkeys to a .env or JSON file' },
];

export const fixtureCodeLenses: vscode.CodeLensProvider = {
  provideCodeLenses(document) {
    const top = new vscode.Range(0, 0, 0, 0);
    return FIXTURE_LENSES.map(({ title, command, tooltip }) => new vscode.CodeLens(top, { title, command, tooltip, arguments: [document.uri] }));
  },
};

/** Registers the lenses for every file with a fixtures name, whatever its scheme. */
export function registerFixtureCodeLenses(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider({ pattern: FIXTURES_FILE_GLOB }, fixtureCodeLenses);
}
