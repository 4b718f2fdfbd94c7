// Factor actions through the UI: enroll a TOTP factor in the Enroll webview and activate it with the
// built-in authenticator, verify an SMS factor with the code from the simulator's outbox, verify a
// push approved through the simulator, show factor details, and unenroll from the right-click menu.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ENROLL_IDS } from '../../src/panels/enroll/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { addOrgThroughPalette, openEnrollPanel, openVerifyPanel, showUserFactors } from './flows';
import { waitUntil } from '../support/waitUntil';
import { factorOf, findUser, latestCode, listFactors } from './simApi';
import { useSimulatorSuite } from './suiteSetup';

const ORG = 'Demo Sim';
const suite = useSimulatorSuite();

/** A fresh window with the demo org added and the Enroll panel of the user without factors open. */
async function openEnrollPanelOfNolan() {
  const workbench = await suite.harness.openWorkbench();
  const panel = await openEnrollPanel(workbench, suite.sim, ORG, 'Nolan Nofactors');
  await panel.waitForText(/no\.factors@example\.com/);
  return { workbench, panel };
}

test('enroll Google Authenticator in the webview and activate it with the built-in authenticator', async () => {
  const { workbench, panel } = await openEnrollPanelOfNolan();
  await panel.selectOptionStartingWith(`#${ENROLL_IDS.factorSelect}`, 'Google Authenticator');
  await panel.locator(`#${ENROLL_IDS.submit}`).click();
  await panel.locator(`#${ENROLL_IDS.totpActivation}`).waitFor({ state: 'visible' });
  await panel.locator(`#${ENROLL_IDS.qr}`).waitFor({ state: 'visible' });
  const code = await waitUntil('a built-in authenticator code', async () => {
    const text = (await panel.locator(`#${ENROLL_IDS.builtinCode}`).innerText()).trim();
    return /^\d{6}$/.test(text) && text;
  });
  assert.match(code, /^\d{6}$/);
  await workbench.screenshotWebview('enroll-totp-activation');

  await panel.locator(`#${ENROLL_IDS.activateBuiltin}`).click();
  await waitUntil('the factor to show as active', async () =>
    /:\s*active$/i.test((await panel.locator(`#${ENROLL_IDS.activationTitle}`).innerText()).trim()));
  await workbench.screenshotWebview('enroll-totp-active');

  const user = await findUser(suite.sim, 'no.factors@example.com');
  const factors = await listFactors(suite.sim, user.id);
  assert.deepEqual(factors.map((f) => [f.factorType, f.provider, f.status]), [['token:software:totp', 'GOOGLE', 'ACTIVE']]);
  await workbench.tree.waitForItem('Google Authenticator');
  await workbench.screenshotTree('enroll-totp-tree');
  // The README's first picture: the tree with the new factor beside the Enroll panel.
  await workbench.screenshot('readme-overview');
});

test('push activation shows Okta\'s QR image and the send-link options, in the light and the dark theme', async () => {
  const { workbench, panel } = await openEnrollPanelOfNolan();
  await panel.selectOptionStartingWith(`#${ENROLL_IDS.factorSelect}`, 'Okta Verify push');
  await panel.locator(`#${ENROLL_IDS.submit}`).click();
  const qr = panel.locator(`#${ENROLL_IDS.pushQr}`);
  await qr.waitFor({ state: 'visible' });
  assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR image renders');
  assert.match(await qr.getAttribute('src') ?? '', /^data:image\/png;base64,/, 'a data: URL, no remote image');
  await panel.locator(`#${ENROLL_IDS.sendSms}`).waitFor({ state: 'visible' });
  // A fresh headless workbench follows the browser's light scheme; then the same view in the dark theme.
  await workbench.screenshotWebview('enroll-push-activation-light');

  await workbench.useColorTheme('dark');
  await qr.waitFor({ state: 'visible' });
  await workbench.screenshotWebview('enroll-push-activation-dark');
});

test('verify an SMS factor with the code from the simulator\'s outbox', async () => {
  const { user, factor } = await factorOf(suite.sim, 'all.factors@example.com', 'sms');
  const workbench = await suite.harness.openWorkbench();
  const panel = await openVerifyPanel(workbench, suite.sim, ORG, 'Alex Allfactors', 'SMS');
  await panel.locator(`#${VERIFY_IDS.sendCode}`).click();
  await panel.waitForText(/Okta sent a code/);
  await panel.locator(`#${VERIFY_IDS.code}`).fill(await latestCode(suite.sim, user.id, factor.id, 'sms'));
  await panel.locator(`#${VERIFY_IDS.submit}`).click();
  const result = panel.locator(`#${VERIFY_IDS.result}[data-outcome="success"]`);
  await result.waitFor({ state: 'visible' });
  assert.match(await result.innerText(), /^SUCCESS/);
  await workbench.screenshotWebview('verify-sms-success');
});

test('verify a push factor approved through the simulator', async () => {
  const { user, factor } = await factorOf(suite.sim, 'all.factors@example.com', 'push');
  const workbench = await suite.harness.openWorkbench();
  const panel = await openVerifyPanel(workbench, suite.sim, ORG, 'Alex Allfactors', /^Okta Verify push/);
  await panel.locator(`#${VERIFY_IDS.submit}`).click();
  await panel.waitForText(/Push sent/);
  await workbench.screenshotWebview('verify-push-waiting');
  const approve = await fetch(`${suite.sim.url}/sim/users/${user.id}/factors/${factor.id}/push/approve`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
  });
  assert.equal(approve.status, 200);
  const result = panel.locator(`#${VERIFY_IDS.result}[data-outcome="success"]`);
  await result.waitFor({ state: 'visible' });
  assert.match(await result.innerText(), /^SUCCESS/);
  await workbench.screenshotWebview('verify-push-success');
});

test('show factor details as read-only JSON', async () => {
  const { factor } = await factorOf(suite.sim, 'demo.admin@example.com', 'token:software:totp');
  const workbench = await suite.harness.openWorkbench();
  await addOrgThroughPalette(workbench, suite.sim, ORG);
  await showUserFactors(workbench, ORG, 'Demo Admin');
  await workbench.tree.rightClick('Okta Verify TOTP');
  await workbench.contextMenu.click('Show Factor Details');
  await workbench.editorTab(/Okta Verify TOTP/).waitFor({ state: 'visible' });
  const text = await waitUntil('the factor JSON', async () => {
    const t = await workbench.activeEditorText();
    return t.includes(factor.id) && t;
  });
  assert.match(text, /"factorType":\s*"token:software:totp"/);
  assert.doesNotMatch(text, /sharedSecret/);
  await workbench.screenshot('factor-details');
});

test('unenroll from the right-click menu: cancel keeps the factor, confirm removes it', async () => {
  const { user, factor } = await factorOf(suite.sim, 'password.expired@example.com', 'email');
  const workbench = await suite.harness.openWorkbench();
  await addOrgThroughPalette(workbench, suite.sim, ORG);
  await showUserFactors(workbench, ORG, 'Pete Expired');
  const row = 'Email';

  await workbench.tree.rightClick(row);
  await workbench.contextMenu.click(/^Unenroll Factor/);
  const question = await workbench.dialog.waitFor(/Unenroll Email .* from password\.expired@example\.com\?/);
  assert.match(question, /enroll it again/);
  await workbench.screenshot('unenroll-confirm');
  await workbench.dialog.click('Cancel');
  await workbench.tree.waitForItem(row);
  assert.ok((await listFactors(suite.sim, user.id)).some((f) => f.id === factor.id), 'cancel must keep the factor');

  await workbench.tree.rightClick(row);
  await workbench.contextMenu.click(/^Unenroll Factor/);
  await workbench.dialog.waitFor(/Unenroll Email/);
  await workbench.dialog.click('Unenroll');
  await workbench.notifications.waitFor(/Unenrolled Email/);
  await workbench.tree.waitForNoItem(row);
  assert.ok(!(await listFactors(suite.sim, user.id)).some((f) => f.id === factor.id), 'the factor is gone from the org');
  await workbench.tree.waitForItem('SMS');
  await workbench.screenshotTree('unenroll-done');
});
