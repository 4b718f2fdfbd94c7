// A test user's passkey from the sidebar to a browser test, as a QA engineer does it: enroll
// "Passkey (software, for test users)" in the Enroll panel (activated at once), verify it in the
// Verify panel, Copy Playwright Credential (after the warning), and sign in with that credential on
// the simulator's sign-in page in another browser context. Light and dark screenshots. The org is
// added as http://localhost:PORT: WebAuthn refuses IP addresses as relying party ids.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ENROLL_IDS } from '../../src/panels/enroll/elementIds';
import { VERIFY_IDS } from '../../src/panels/verify/elementIds';
import { waitUntil } from '../support/waitUntil';
import { addOrgThroughPalette, showUserFactors } from './flows';
import { SimSignInPage } from './pages/simSignInPage';
import { useSimulatorSuite } from './suiteSetup';

const ORG = 'Passkey Sim';
const USER = 'Nolan Nofactors';
const LOGIN = 'no.factors@example.com';
const suite = useSimulatorSuite();

test('enroll a passkey from the tree, verify it, copy the Playwright credential and sign in with it in a browser', async () => {
  const workbench = await suite.harness.openWorkbench();
  await workbench.useColorTheme('light');
  const orgUrl = `http://localhost:${new URL(suite.sim.url).port}`;
  await addOrgThroughPalette(workbench, suite.sim, ORG, orgUrl);
  await showUserFactors(workbench, ORG, USER);

  await workbench.tree.rightClick(USER);
  await workbench.contextMenu.click(/^Enroll Factor/);
  const enroll = await workbench.webview();
  await enroll.waitForText(/no\.factors@example\.com/);
  await enroll.selectOptionStartingWith(`#${ENROLL_IDS.factorSelect}`, 'Passkey (software, for test users)');
  await enroll.locator(`#${ENROLL_IDS.submit}`).click();
  await waitUntil('the passkey to show as active', async () =>
    /^Passkey:\s*active$/i.test((await enroll.locator(`#${ENROLL_IDS.activationTitle}`).innerText()).trim()));
  await workbench.screenshotWebview('passkey-enrolled-light');

  await workbench.tree.waitForItem(/^Passkey$/);
  await workbench.tree.rightClick(/^Passkey$/);
  await workbench.contextMenu.click(/^Verify Factor/);
  // The Enroll panel stays open beside it: wait for the Verify panel to be the one shown.
  const verify = await waitUntil('the Verify panel in front', async () => {
    const frame = await workbench.webview();
    return /^Verify /.test(await frame.locator('h1').innerText()) && frame;
  });
  await verify.locator(`#${VERIFY_IDS.submit}`).filter({ hasText: 'Verify with the built-in passkey' }).click();
  await waitUntil('the verification to succeed', async () =>
    (await verify.locator(`#${VERIFY_IDS.result}`).getAttribute('data-factor-result')) === 'SUCCESS');
  await workbench.useColorTheme('dark');
  await workbench.screenshotWebview('passkey-verified-dark');

  await workbench.tree.rightClick(/^Passkey$/);
  await workbench.contextMenu.click(/^Copy Playwright Credential/);
  await workbench.dialog.waitFor(/Copy the Playwright credential of Passkey/);
  await workbench.dialog.click('Copy');
  const copied = await waitUntil('the credential on the clipboard', async () => {
    const text = await workbench.page.evaluate(() => navigator.clipboard.readText());
    return text.startsWith('{') && text;
  });
  const { rpId, ...credential } = JSON.parse(copied) as { rpId: string; id: string; userHandle: string; privateKey: string; publicKey: string; signCount: number };
  assert.equal(rpId, 'localhost');

  // The browser test's side: seed the credential, open the page, sign in.
  const browserTest = await suite.harness.openBrowserContext();
  await browserTest.credentials.create(rpId, credential);
  await browserTest.credentials.install();
  const signIn = new SimSignInPage(await browserTest.newPage(), orgUrl);
  await signIn.open(LOGIN);
  assert.equal(await signIn.signInWithPasskey(), `Signed in as ${LOGIN}`);
  await signIn.screenshot('passkey-ui-signed-in');
});
