// Orgs and users: add an org through the palette (URL, then the token in a password box, or a
// service app with its key file), browse its users and factors, filter the users on the server, and
// page with "Load more...".
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addOrgThroughPalette, showUserFactors, startServiceAppThroughPalette } from './flows';
import { useSimulatorSuite } from './suiteSetup';
import { waitUntil } from '../support/waitUntil';

const suite = useSimulatorSuite({ token: `e2e-${randomBytes(12).toString('hex')}` });

test('add an org through the palette, then see its users and a user\'s factors', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.openOktaView();
  await addOrgThroughPalette(workbench, suite.sim, 'E2E Org');
  // Whose token it is comes first; the host follows because the org was given a name.
  assert.match(await workbench.tree.description('E2E Org'), /^demo\.admin@example\.com · 127\.0\.0\.1:\d+$/);

  await showUserFactors(workbench, 'E2E Org', 'Demo Admin');
  await workbench.tree.waitForItem('Okta Verify TOTP');
  await workbench.tree.waitForItem(/^Okta Verify push/);
  await workbench.tree.waitForItem(/^Security question/);
  // At the default sidebar width every factor row shows its factor and, first in the description, its status.
  for (const [label, status] of [['Okta Verify TOTP', 'active'], ['Okta Verify push', 'active'], ['Security question', 'active']] as const) {
    assert.ok(await workbench.tree.descriptionStartVisible(label, status), `${label}: "${status}" is cut off at the default width`);
  }
  await workbench.screenshotTree('orgs-user-factors');
  // The token went into a password box and SecretStorage: nothing on screen or in the DOM shows it.
  assert.ok(!(await workbench.page.content()).includes(suite.sim.token), 'the API token appears in the workbench DOM');
});

test('filter the users of an org, then clear the filter', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.openOktaView();
  await addOrgThroughPalette(workbench, suite.sim, 'Filter Org');
  await workbench.tree.expand('Filter Org');
  await workbench.tree.waitForItem('Demo Admin');

  await workbench.tree.rightClick('Filter Org');
  await workbench.contextMenu.click(/^Filter Users/);
  await workbench.quickInput.waitOpen();
  await workbench.quickInput.submit('pending');
  await workbench.tree.waitForItem('Penny Pending');
  await workbench.tree.waitForNoItem('Demo Admin');
  assert.match(await workbench.tree.description('Filter Org'), /filter: pending/);
  const users = (await workbench.tree.labels()).filter((l) => l !== 'Filter Org');
  assert.deepEqual(users, ['Penny Pending']);
  await workbench.screenshotTree('orgs-filtered');

  await workbench.tree.rightClick('Filter Org');
  await workbench.contextMenu.click('Clear User Filter');
  await workbench.tree.waitForItem('Demo Admin');
});

test('"Load more..." fetches the next page of users', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.openOktaView();
  await addOrgThroughPalette(workbench, suite.sim, 'Paged Org');
  await workbench.tree.expand('Paged Org');
  const loadMore = await workbench.tree.waitForItem('Load more...');
  // The tree is virtualised: count the org's children through the first user's accessible set size.
  const firstUser = workbench.tree.rows().nth(1);
  assert.equal(await firstUser.getAttribute('aria-setsize'), '26', 'a first page of 25 users and "Load more..."');
  await loadMore.click();
  const grown = await waitUntil('the next page of users', async () => {
    const size = Number(await firstUser.getAttribute('aria-setsize'));
    return size > 26 && size;
  });
  assert.ok(grown > 26);
  await workbench.screenshotTree('orgs-load-more');
});

test('add a service-app org with a key pair generated here: the public key tab, registered in Okta, then checked; light and dark', async () => {
  const clientId = '0oasimdemoservice001';
  const workbench = await suite.harness.openWorkbench();
  await workbench.openOktaView();
  const { quickInput } = workbench;
  await startServiceAppThroughPalette(workbench, suite.sim, clientId);
  await quickInput.pick('Generate a key pair here');
  const question = await workbench.dialog.waitFor(`Register the new public key on the service app ${clientId}`);
  const keyId = /Its key id is ([\w-]+)\./.exec(question)?.[1];
  assert.ok(keyId, question);
  // The tab: the steps and the public key, never the private one. The editor wraps long lines, so
  // the text is read without white space.
  const tab = (await workbench.editorText(/##\sJWK/)).replace(/\s+/g, '');
  assert.ok(tab.includes(`Keyid(kid):\`${keyId}\``), tab);
  assert.doesNotMatch(tab, /PRIVATEKEY/);
  await workbench.screenshot('service-app-public-key-light');
  // What the admin does in the Admin Console: paste the tab's JWK on the app (here, the simulator's).
  // The JWK's values hold no white space, so the text without it still parses.
  const jwk = JSON.parse(/```json(.*?)```/.exec(tab)?.[1] ?? '') as Record<string, string>;
  assert.equal(jwk.kid, keyId);
  assert.equal(jwk.d, undefined, 'the JWK has no private member');
  assert.ok(await suite.sim.control.addServiceAppKey(clientId, jwk));
  await workbench.dialog.click('I added it: check the connection');
  await quickInput.waitForPrompt(/name/);
  await quickInput.submit('Generated Key Org');
  await quickInput.waitClosed();
  await workbench.notifications.waitFor(`Added "Generated Key Org" as the service app ${clientId}`);
  await workbench.tree.waitForItem('Generated Key Org');
  assert.ok(!(await workbench.page.content()).includes('PRIVATE KEY'), 'the private key appears in the workbench DOM');

  await workbench.runCommand('Preferences: Color Theme');
  await workbench.quickInput.pick(/^Dark Modern/, 'Dark Modern');
  await waitUntil('the dark theme', async () => (await workbench.page.locator('.monaco-workbench.vs-dark').count()) > 0);
  await workbench.quickInput.waitClosed();
  await workbench.screenshot('service-app-public-key-dark');
});

test('add a service-app org through the palette with an imported key, then see a user\'s factors', async () => {
  // The admin's part, done on the simulator: a key pair whose public half is registered on the demo app.
  const clientId = '0oasimdemoservice001';
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const registered = await suite.sim.control.addServiceAppKey(clientId, { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-key' });
  assert.ok(registered);
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'okta-e2e-key-')), 'service-app.pem');
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'sec1' }).toString());

  const workbench = await suite.harness.openWorkbench();
  await workbench.openOktaView();
  const { quickInput } = workbench;
  await startServiceAppThroughPalette(workbench, suite.sim, clientId);
  await quickInput.pick('Import a private key file');
  // The host's file dialog (a path box in the browser-hosted workbench): type the key file's path.
  await quickInput.waitForPrompt(/Import the service app's private key/);
  await quickInput.submitPath(keyFile);
  await quickInput.waitForPrompt(/name/);
  await quickInput.submit('Service App Org');
  await quickInput.waitClosed();
  await workbench.notifications.waitFor('Added "Service App Org" as the service app 0oasimdemoservice001');
  await workbench.tree.waitForItem('Service App Org');
  assert.match(await workbench.tree.description('Service App Org'), /^app 0oasimdemoservice001 · 127\.0\.0\.1:\d+$/);

  await showUserFactors(workbench, 'Service App Org', 'Demo Admin');
  await workbench.tree.waitForItem('Okta Verify TOTP');
  await workbench.screenshotTree('orgs-service-app');
  assert.ok(suite.sim.control.requestCount('POST', '/oauth2/v1/token') >= 2, 'the token came from the token endpoint (nonce round, then the token)');
  assert.ok(!(await workbench.page.content()).includes('PRIVATE KEY'), 'the private key appears in the workbench DOM');
});
