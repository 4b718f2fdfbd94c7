// "What happened to this user's MFA just now?" through the UI: a wrong code in the Verify panel of a
// user's RSA SecurID, then Show MFA Activity from the user's right-click menu lists that failure
// first, with its reason, in words; light and dark screenshots. Then the right code and Refresh put
// the success on top.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIVITY_IDS } from '../../src/panels/activity/elementIds';
import { SHARED_IDS } from '../../src/panels/shared/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { waitUntil } from '../support/waitUntil';
import { openVerifyPanel, showMfaActivityOf } from './flows';
import { useSimulatorSuite } from './suiteSetup';

const ORG = 'Activity Sim';
const USER = 'Alex Allfactors';
const suite = useSimulatorSuite();

test('after a failed verify, the user\'s MFA activity shows the failure with its reason; light and dark screenshots', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.useColorTheme('light');
  // The simulator refuses an all-zero RSA SecurID code (403 E0000068) and accepts any other.
  const verify = await openVerifyPanel(workbench, suite.sim, ORG, USER, /^RSA SecurID/);
  await verify.locator(`#${VERIFY_IDS.code}`).fill('000000');
  await verify.locator(`#${VERIFY_IDS.submit}`).click();
  await verify.locator(`#${VERIFY_IDS.result}[data-outcome="failure"]`).waitFor({ state: 'visible' });

  const panel = await showMfaActivityOf(workbench, USER);
  const first = panel.locator(`#${ACTIVITY_IDS.list} > li`).first();
  await first.waitFor({ state: 'visible' });
  assert.equal(await first.getAttribute('data-tone'), 'failure');
  assert.equal((await first.locator('.activity-what').innerText()).trim().replace(/^✗\s*/, ''), 'RSA SecurID verify failed');
  const facts = await first.locator('.activity-facts').innerText();
  assert.match(facts, /FAILURE/);
  assert.match(facts, /INVALID_CREDENTIALS/);
  assert.match(facts, /just now|minute/, 'the time, relative');
  assert.match(facts, /127\.0\.0\.1|::1/, 'the client\'s address');
  assert.match(await panel.locator(`#${SHARED_IDS.status}`).innerText(), /newest first/);
  await workbench.screenshotWebview('activity-failed-verify-light');

  await workbench.useColorTheme('dark');
  await (await workbench.webview()).locator('body.vscode-dark').waitFor({ state: 'attached' });
  await workbench.screenshotWebview('activity-failed-verify-dark');

  // The right code, then Refresh: the success on top, the failure below it.
  await workbench.editorTab(/^Verify: RSA SecurID/).click();
  const again = await workbench.webview();
  await again.locator(`#${VERIFY_IDS.code}`).fill('123456');
  await again.locator(`#${VERIFY_IDS.submit}`).click();
  await again.locator(`#${VERIFY_IDS.result}[data-outcome="success"]`).waitFor({ state: 'visible' });
  await workbench.editorTab(/^MFA Activity/).click();
  const activity = await workbench.webview();
  await activity.locator(`#${ACTIVITY_IDS.refresh}`).click();
  await waitUntil('the success on top', async () =>
    (await activity.locator(`#${ACTIVITY_IDS.list} > li`).first().getAttribute('data-tone')) === 'success');
  const texts = await activity.locator(`#${ACTIVITY_IDS.list} .activity-what`).allInnerTexts();
  assert.deepEqual(texts.slice(0, 2).map((t) => t.replace(/^[✓✗•]\s*/, '').trim()), ['RSA SecurID verified', 'RSA SecurID verify failed']);
});
