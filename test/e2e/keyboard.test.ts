// Keyboard alone: the Enroll panel (choose SMS, fill the form, enroll, activate with the texted code)
// and the Verify panel (send a code, enter it, verify) with Tab, Shift+Tab, Enter, Space and arrows;
// no mouse inside the panels (they open from the tree's right-click menu).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ENROLL_IDS } from '../../src/panels/enroll/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { openEnrollPanel, openVerifyPanel } from './flows';
import type { WebviewFrame } from './pages/webviewFrame';
import { factorOf, findUser, latestCode, listFactors } from './simApi';
import { useSimulatorSuite } from './suiteSetup';
import { waitUntil } from '../support/waitUntil';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

/** The id of the element that has the keyboard focus in the panel ('' for none). */
function focusedId(panel: WebviewFrame): Promise<string> {
  return panel.frame.evaluate(() => document.activeElement?.id ?? '');
}

async function waitForFocus(panel: WebviewFrame, id: string): Promise<void> {
  await waitUntil(`the focus on #${id}`, async () => (await focusedId(panel)) === id)
    .catch(async (err) => { throw new Error(`${String(err)}; the focus is on #${await focusedId(panel)}`); });
}

/** Presses `key` until the focus reaches #id (each press must move it), at most `limit` times. */
async function pressUntilFocused(page: Page, panel: WebviewFrame, key: string, id: string, limit = 20): Promise<void> {
  for (let presses = 0; (await focusedId(panel)) !== id; presses++) {
    if (presses >= limit) throw new Error(`#${id} is not reachable with ${key} (the focus is on #${await focusedId(panel)})`);
    await page.keyboard.press(key);
  }
}

test('enroll and activate SMS in the Enroll panel with the keyboard alone', async () => {
  const workbench = await suite.harness.openWorkbench();
  const { page } = workbench;
  const panel = await openEnrollPanel(workbench, suite.sim, ORG, 'Nolan Nofactors');
  await panel.waitForText(/no\.factors@example\.com/);
  await waitForFocus(panel, ENROLL_IDS.factorSelect);

  // A closed <select> steps through its options with the arrows.
  const select = panel.locator(`#${ENROLL_IDS.factorSelect}`);
  await waitUntil('SMS chosen with ArrowDown', async () => {
    if ((await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '')).startsWith('SMS')) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  });
  await pressUntilFocused(page, panel, 'Tab', ENROLL_IDS.phone);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('+1-555-415-1337');
  await pressUntilFocused(page, panel, 'Tab', ENROLL_IDS.submit);
  await page.keyboard.press('Shift+Tab');
  assert.notEqual(await focusedId(panel), ENROLL_IDS.submit, 'Shift+Tab leaves the Enroll button');
  await pressUntilFocused(page, panel, 'Tab', ENROLL_IDS.submit);
  await page.keyboard.press('Enter');

  await waitForFocus(panel, ENROLL_IDS.code);
  const user = await findUser(suite.sim, 'no.factors@example.com');
  const sms = (await listFactors(suite.sim, user.id)).find((f) => f.factorType === 'sms');
  assert.ok(sms, 'the SMS factor was enrolled');
  await page.keyboard.type(await latestCode(suite.sim, user.id, sms.id, 'sms'));
  await page.keyboard.press('Enter');
  await waitUntil('the factor to show as active', async () =>
    /:\s*active$/i.test((await panel.locator(`#${ENROLL_IDS.activationTitle}`).innerText()).trim()));
  await workbench.screenshotWebview('keyboard-enroll-active');
  assert.equal((await listFactors(suite.sim, user.id)).find((f) => f.id === sms.id)?.status, 'ACTIVE');

  // Space on "Enroll another factor" goes back to the form, the focus on the factor list.
  await waitForFocus(panel, ENROLL_IDS.enrollAnother);
  await page.keyboard.press(' ');
  await waitForFocus(panel, ENROLL_IDS.factorSelect);
});

test('send a code and verify SMS in the Verify panel with the keyboard alone', async () => {
  const { user, factor } = await factorOf(suite.sim, 'all.factors@example.com', 'sms');
  const workbench = await suite.harness.openWorkbench();
  const { page } = workbench;
  const panel = await openVerifyPanel(workbench, suite.sim, ORG, 'Alex Allfactors', 'SMS');
  await waitForFocus(panel, VERIFY_IDS.sendCode);
  // The options disclosure opens with Enter and its fields are next in the tab order.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await pressUntilFocused(page, panel, 'Tab', VERIFY_IDS.templateId, 3);
  await pressUntilFocused(page, panel, 'Tab', VERIFY_IDS.sendCode);
  await page.keyboard.press('Enter');

  await waitForFocus(panel, VERIFY_IDS.code);
  await page.keyboard.type(await latestCode(suite.sim, user.id, factor.id, 'sms'));
  await page.keyboard.press('Enter');
  const result = panel.locator(`#${VERIFY_IDS.result}[data-outcome="success"]`);
  await result.waitFor({ state: 'visible' });
  assert.match(await result.innerText(), /^SUCCESS/);
  await workbench.screenshotWebview('keyboard-verify-success');
});
