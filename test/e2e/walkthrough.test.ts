// The Getting Started walkthrough as a newcomer opens it from the palette: its four steps, each
// with the button that runs its command (light and dark screenshots); its first button starts the
// demo org.
import { after, afterEach, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { E2EHarness, failedTestName } from './harness';

let harness: E2EHarness;
before(async () => { harness = await E2EHarness.start(); });
afterEach(async (t) => { await harness.closeWorkbenches(failedTestName(t)); });
after(async () => { await harness?.close(); });

const STEPS = ['Try the demo org', 'Add your Okta org', 'Enroll a TOTP factor', 'Open the factor matrix'];

/** A fresh window in the theme, with the walkthrough opened from the palette and its steps shown. */
async function openWalkthrough(theme: 'light' | 'dark') {
  const workbench = await harness.openWorkbench();
  await workbench.useColorTheme(theme);
  await workbench.runCommand('Welcome: Open Walkthrough...');
  await workbench.quickInput.pick(/Get Started with Okta Factors/, 'Get Started with Okta Factors');
  const page = workbench.page.locator('.gettingStartedContainer');
  await page.getByText('Get Started with Okta Factors').first().waitFor({ state: 'visible' });
  for (const step of STEPS) await page.getByText(step, { exact: false }).first().waitFor({ state: 'visible' });
  await workbench.screenshot(`walkthrough-${theme}`);
  return { workbench, page };
}

test('the Getting Started walkthrough shows its four steps; "Try the Demo Org" adds the demo org', async () => {
  const { workbench, page } = await openWalkthrough('light');
  // The step's button is a command link; the walkthrough keeps the other steps' buttons hidden in the page.
  await page.getByText('Try the Demo Org', { exact: true }).filter({ visible: true }).first().click();
  const tree = await workbench.openOktaView();
  await tree.waitForItem(/Demo org/);
  assert.ok(await tree.item(/Demo org/).isVisible());
});

test('the walkthrough reads in the dark theme too', async () => {
  await openWalkthrough('dark');
});
