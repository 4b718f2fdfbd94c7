// The packaged extension activates in a real extension host and contributes its entry commands.
import * as assert from 'node:assert/strict';
import vscode = require('vscode');
import { EXTENSION_ID } from '../../support/extensionId';

suite('smoke: activation', () => {
  test('the extension is present and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the org entry commands are registered', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['okta.addOrg', 'okta.tryDemoOrg']) assert.ok(commands.has(id), `${id} is not registered`);
  });

  test('every command the manifest contributes is registered after activation', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
