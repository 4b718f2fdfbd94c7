// The org registry on the extension's real SecretStorage (code-server's, or the OS keychain on the
// desktop): tokens go there and nowhere else, come back for the client, and leave with the org.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { loadSimulatorModule, type RunningSimulator } from '../../../src/demo/simulatorModule';
import type { Services } from '../../../src/services';
import { EXTENSION_ID } from '../../support/extensionId';

suite('registry: tokens in the real SecretStorage', () => {
  const token = `registry-suite-${randomBytes(16).toString('hex')}`;
  let services: Services;
  let sim: RunningSimulator;

  const storedSecretValues = async (): Promise<(string | undefined)[]> => {
    const secrets = services.context.secrets;
    return Promise.all((await secrets.keys()).map((key) => secrets.get(key)));
  };

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<Services>(EXTENSION_ID);
    assert.ok(extension);
    services = await extension.activate();
    // The simulator bundle the extension ships for its demo org.
    const { startSimulator } = loadSimulatorModule(extension.extensionPath);
    sim = await startSimulator({ port: 0, token, seed: 'demo' });
  });

  suiteTeardown(async () => {
    await sim?.close();
  });

  test('add keeps the token in SecretStorage only; the client reads it back; remove deletes it', async () => {
    const { org } = await services.registry.add({ label: 'Registry suite', url: sim.url, token, tokenType: 'SSWS' });
    try {
      assert.ok((await storedSecretValues()).includes(token), 'the token is not in SecretStorage');
      const state = services.context.globalState;
      assert.ok(!JSON.stringify(state.keys().map((key) => state.get(key))).includes(token), 'the token is in globalState');
      assert.ok(!JSON.stringify(services.registry.list()).includes(token), 'the token is in an org record');
      const client = await services.registry.clientFor(org.id);
      assert.equal((await client.listUsersPage({ limit: 2 })).users.length, 2);
    } finally {
      await services.registry.remove(org.id);
    }
    assert.ok(!(await storedSecretValues()).includes(token), 'the token outlived its org in SecretStorage');
  });

  test('a token the org rejects is not stored', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    await assert.rejects(services.registry.add({ label: 'Rejected', url: sim.url, token: wrong, tokenType: 'SSWS' }));
    assert.ok(!services.registry.list().some((org) => org.url.startsWith(sim.url)), 'an org record was stored');
    assert.ok(!(await storedSecretValues()).includes(wrong), 'the rejected token was stored');
  });
});
