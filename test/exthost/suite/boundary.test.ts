// The packaged extension is two bundles: dist/extension.js (activation) and dist/lazy/work.js (loaded
// on first use). Classes must be one class across them: an error the client throws in the work
// bundle is an instance of the class the main bundle checks, and a registry error reaches a command
// handler as the class that handler checks.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import vscode = require('vscode');
import { loadSimulatorModule, type RunningSimulator } from '../../../src/demo/simulatorModule';
import type { Services } from '../../../src/services';
import type { SHARED_MODULES } from '../../../src/sharedModules';
import { EXTENSION_ID } from '../../support/extensionId';

let services: Services;
let extensionPath: string;
let sim: RunningSimulator;

/** A module of the installed extension as Node loaded it (the one instance the extension host uses). */
function loadedModule<T>(relativePath: string): T {
  const file = path.join(extensionPath, relativePath);
  const loaded = require.cache[file];
  assert.ok(loaded, `${relativePath} is not loaded`);
  return loaded.exports as T;
}

suite('bundles: one class on both sides of the lazy boundary', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<Services>(EXTENSION_ID);
    assert.ok(extension);
    services = await extension.activate();
    extensionPath = extension.extensionPath;
    const { startSimulator } = loadSimulatorModule(extensionPath);
    sim = await startSimulator({ port: 0, token: 'boundary-token-1234', seed: 'demo' });
  });

  suiteTeardown(async () => {
    for (const org of services.registry.list()) await services.registry.remove(org.id);
    await sim?.close();
  });

  test('the work half is its own module, loaded from dist/lazy/work.js', async () => {
    await services.work();
    const work = loadedModule<Record<string, unknown>>('dist/lazy/work.js');
    assert.equal(typeof work.createWork, 'function');
    assert.notEqual(loadedModule('dist/extension.js'), work);
  });

  test('an Okta error thrown by the client (work bundle) is the main bundle\'s OktaApiError', async () => {
    const { org } = await services.registry.add({ label: 'Boundary org', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    const shared = loadedModule<{ SHARED_MODULES: typeof SHARED_MODULES }>('dist/extension.js').SHARED_MODULES;
    const client = await services.clientFor(org.id);
    const failure = await client.getUser('no-such-user-id').then(() => undefined, (err: unknown) => err);
    assert.ok(failure instanceof shared['okta/errors'].OktaApiError, `not the main bundle's OktaApiError: ${String(failure)}`);
    assert.equal(failure.status, 404);
  });

  test('a registry error (main bundle) reaches Add Org (work bundle) as its OrgRegistryError: the duplicate offers Update token', async () => {
    const warnings: Array<{ text: string; buttons: unknown[] }> = [];
    const errors: string[] = [];
    const window = vscode.window as unknown as Record<string, unknown>;
    const originals = Object.fromEntries(['showInputBox', 'showQuickPick', 'showWarningMessage', 'showErrorMessage'].map((name) => [name, window[name]]));
    for (const org of services.registry.list()) await services.registry.remove(org.id);
    const answers = [sim.url, sim.token];
    // While the name is asked, the same org is added by someone else: the registry refuses the second add.
    window.showInputBox = async () => answers.shift() ?? services.registry.add({ label: 'Boundary org', url: sim.url, token: sim.token }).then(() => 'Same org again');
    window.showQuickPick = async (items: Array<vscode.QuickPickItem & { tokenType?: string }>) => items.find((i) => i.tokenType === 'SSWS');
    window.showWarningMessage = async (text: string, ...buttons: unknown[]) => { warnings.push({ text, buttons }); return undefined; };
    window.showErrorMessage = async (text: string) => { errors.push(text); return undefined; };
    try {
      await vscode.commands.executeCommand('okta.addOrg');
    } finally {
      Object.assign(window, originals);
    }
    assert.equal(services.registry.list().length, 1, 'no second org for the same URL');
    // Only the handler's `instanceof OrgRegistryError` branch offers "Update token" in a warning; any other error is reported as an error.
    assert.deepEqual(errors, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].text, /already added as "Boundary org"/);
    assert.deepEqual(warnings[0].buttons, ['Update token']);
  });
});
