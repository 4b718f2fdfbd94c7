// The packaged extension loads in a real VS Code (code-server) and shows its sidebar in a real browser.
import { after, afterEach, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { E2EHarness, failedTestName } from './harness';

let harness: E2EHarness;
before(async () => { harness = await E2EHarness.start(); });
afterEach(async (t) => { await harness.closeWorkbenches(failedTestName(t)); });
after(async () => { await harness?.close(); });

test('the workbench loads and the Okta view offers to add an org or try the demo org', async () => {
  const workbench = await harness.openWorkbench();
  const tree = await workbench.openOktaView();
  await tree.welcomeButton('Add an Okta org').waitFor({ state: 'visible' });
  await tree.welcomeButton('Try the demo org').waitFor({ state: 'visible' });
  assert.match(await tree.pane.innerText(), /No Okta org is configured yet/);
  await workbench.screenshot('smoke-welcome');
});

test('the palette lists the Okta commands', async () => {
  const workbench = await harness.openWorkbench();
  await workbench.page.keyboard.press('F1');
  await workbench.quickInput.waitOpen();
  await workbench.quickInput.type('>Okta:');
  await workbench.quickInput.items().filter({ hasText: 'Okta: Add an Okta Org' }).first().waitFor();
  const labels = await workbench.quickInput.items().allInnerTexts();
  assert.ok(labels.some((l) => l.includes('Okta: Try the Demo Org')), `palette rows: ${labels.join(' | ')}`);
  await workbench.quickInput.cancel();
});
