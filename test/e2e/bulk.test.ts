// Bulk work through the UI: three users selected in the tree with Ctrl- and Shift-click, Reset
// Factors from the context menu, the modal confirmation naming the count and the users, and the
// result summary; screenshots in the light and the dark theme.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { addOrgThroughPalette } from './flows';
import { findUser, listFactors } from './simApi';
import { useSimulatorSuite } from './suiteSetup';
import { waitUntil } from '../support/waitUntil';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

test('select three users (Ctrl/Shift-click), Reset Factors from the context menu, confirm, read the summary', async () => {
  const workbench = await suite.harness.openWorkbench();
  await addOrgThroughPalette(workbench, suite.sim, ORG);
  const { tree } = workbench;
  /** The progress notification has closed (so a screenshot shows the summary alone). */
  const progressGone = () => waitUntil('the progress notification to close', async () =>
    !(await workbench.notifications.messages()).some((m) => m.startsWith('Resetting factors')));
  await tree.expand(ORG);
  // all.factors and pending.factors are listed next to each other: a Shift-click range, then a
  // Ctrl-click. A plain click also expands the row, so Left folds it again first.
  await tree.select('Alex Allfactors');
  await workbench.page.keyboard.press('ArrowLeft');
  await tree.waitForNoItem('Supported factors');
  await tree.select('Penny Pending', ['Shift']);
  await tree.select('Pete Expired', ['Control']);
  assert.deepEqual((await tree.selectedLabels()).sort(), ['Alex Allfactors', 'Penny Pending', 'Pete Expired']);

  await tree.rightClick('Pete Expired');
  // On a selection of several rows the menu offers what acts on all of them, not one row's actions.
  const offered = await workbench.contextMenu.labels();
  assert.ok(offered.some((l) => /^Reset Factors/.test(l)), offered.join(', '));
  assert.ok(!offered.some((l) => /^(Copy Login|Enroll Factor\.\.\.|Open in Admin Console)$/.test(l)), offered.join(', '));
  await workbench.contextMenu.click(/^Reset Factors/);
  const question = await workbench.dialog.waitFor(/Reset all factors of 3 users\?/);
  assert.match(question, /all\.factors@example\.com, pending\.factors@example\.com, password\.expired@example\.com/);
  await workbench.screenshot('bulk-reset-confirm-light');
  await workbench.dialog.click('Reset Factors');

  const summary = await workbench.notifications.waitFor(/Reset Factors: 3 users done\./);
  assert.match(await summary.innerText(), /Reset Factors: 3 users done\./);
  await progressGone();
  await workbench.screenshot('bulk-reset-summary-light');
  for (const login of ['all.factors@example.com', 'pending.factors@example.com', 'password.expired@example.com']) {
    const user = await findUser(suite.sim, login);
    assert.deepEqual(await listFactors(suite.sim, user.id), [], `${login} still has factors`);
  }

  await workbench.runCommand('Preferences: Color Theme');
  await workbench.quickInput.pick(/^Dark Modern/, 'Dark Modern');
  await waitUntil('the dark theme', async () => (await workbench.page.locator('.monaco-workbench.vs-dark').count()) > 0);
  // A new selection of two (the reset reloaded the rows), now in the dark theme.
  await tree.select('Alex Allfactors');
  await workbench.page.keyboard.press('ArrowLeft');
  await tree.select('Pete Expired', ['Control']);
  assert.deepEqual((await tree.selectedLabels()).sort(), ['Alex Allfactors', 'Pete Expired']);
  await tree.rightClick('Pete Expired');
  await workbench.contextMenu.click(/^Reset Factors/);
  await workbench.dialog.waitFor(/Reset all factors of 2 users\?/);
  await workbench.screenshot('bulk-reset-confirm-dark');
  await workbench.dialog.click('Reset Factors');
  await workbench.notifications.waitFor(/Reset Factors: 2 users done\./);
  await progressGone();
  await workbench.screenshot('bulk-reset-summary-dark');
});
