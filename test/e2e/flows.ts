// Multi-step UI flows that several scenarios start from, done as a person would (palette, boxes, clicks).
import type { RunningSimulator } from '../../sim';
import { ACTIVITY_IDS } from '../../src/panels/activity/elementIds';
import { MATRIX_IDS } from '../../src/panels/matrix/elementIds';
import { waitUntil } from '../support/waitUntil';
import type { WebviewFrame } from './pages/webviewFrame';
import type { Workbench } from './pages/workbench';

/** Okta: Add an Okta Org -> URL -> sign-in (token type) -> token (password box) -> name; waits for the org row. */
export async function addOrgThroughPalette(workbench: Workbench, sim: RunningSimulator, label: string, url = sim.url): Promise<void> {
  const { quickInput } = workbench;
  await workbench.runCommand('Okta: Add an Okta Org');
  await quickInput.waitForPrompt(/org URL/);
  await quickInput.submit(url);
  await quickInput.waitForPrompt(/sign-in/);
  await quickInput.pick('API token (SSWS)');
  await quickInput.waitForPrompt(/API token/);
  if (!(await quickInput.isPassword())) throw new Error('the token prompt is not a password box');
  await quickInput.submit(sim.token);
  await quickInput.waitForPrompt(/name/);
  await quickInput.submit(label);
  await quickInput.waitClosed();
  await workbench.notifications.waitFor(`Added "${label}"`);
  await workbench.openOktaView();
  await workbench.tree.waitForItem(label);
}

/**
 * Okta: Add an Okta Org -> URL -> sign-in "OAuth service app" -> client id -> scopes (both, as checked
 * by default); leaves the key choice (generate or import) open.
 */
export async function startServiceAppThroughPalette(workbench: Workbench, sim: RunningSimulator, clientId: string): Promise<void> {
  const { quickInput } = workbench;
  await workbench.runCommand('Okta: Add an Okta Org');
  await quickInput.waitForPrompt(/org URL/);
  await quickInput.submit(sim.url);
  await quickInput.waitForPrompt(/sign-in/);
  await quickInput.pick('OAuth service app (private key)');
  await quickInput.waitForPrompt(/client id/);
  await quickInput.submit(clientId);
  await quickInput.waitForPrompt(/service app/);
  await quickInput.items().filter({ hasText: 'okta.users.manage' }).first().waitFor({ state: 'visible' });
  await quickInput.input.press('Enter'); // both scopes are checked by default
}

/** Expands org > user, waiting for the user's row before expanding it. */
export async function showUserFactors(workbench: Workbench, orgLabel: string, userName: string): Promise<void> {
  await workbench.tree.expand(orgLabel);
  await workbench.tree.item(userName).waitFor({ state: 'visible', timeout: 20_000 });
  await workbench.tree.expand(userName);
}

/** Adds the org, then opens the Enroll panel of `userName` from the user's right-click menu. */
export async function openEnrollPanel(workbench: Workbench, sim: RunningSimulator, orgLabel: string, userName: string): Promise<WebviewFrame> {
  await addOrgThroughPalette(workbench, sim, orgLabel);
  await showUserFactors(workbench, orgLabel, userName);
  await workbench.tree.rightClick(userName);
  await workbench.contextMenu.click(/^Enroll Factor/);
  return workbench.webview();
}

/** Adds the org, then opens the Verify panel of the user's factor row `factorLabel` from its right-click menu. */
export async function openVerifyPanel(workbench: Workbench, sim: RunningSimulator, orgLabel: string, userName: string, factorLabel: string | RegExp): Promise<WebviewFrame> {
  await addOrgThroughPalette(workbench, sim, orgLabel);
  await showUserFactors(workbench, orgLabel, userName);
  await workbench.tree.rightClick(factorLabel);
  await workbench.contextMenu.click(/^Verify Factor/);
  return workbench.webview();
}

/** Adds the org, then opens its Factor Matrix from the org's right-click menu and waits for every user. */
export async function openMatrixPanel(workbench: Workbench, sim: RunningSimulator, orgLabel: string): Promise<WebviewFrame> {
  await addOrgThroughPalette(workbench, sim, orgLabel);
  await workbench.tree.rightClick(orgLabel);
  await workbench.contextMenu.click(/^Show Factor Matrix/);
  const panel = await workbench.webview();
  await panel.locator(`#${MATRIX_IDS.progress}[data-phase="done"]`).waitFor({ state: 'attached', timeout: 60_000 });
  return panel;
}

/** Closes every editor (a panel's webview goes with its tab). */
export async function closeAllEditors(workbench: Workbench): Promise<void> {
  await workbench.runCommand('View: Close All Editors');
  await workbench.editorTab(/^Factor Matrix/).waitFor({ state: 'detached' });
}

/** Closes the open Factor Matrix and opens it again from the org's menu: the matrix its last load saved shows at once. */
export async function reopenMatrixPanel(workbench: Workbench, orgLabel: string): Promise<WebviewFrame> {
  await closeAllEditors(workbench);
  await workbench.tree.rightClick(orgLabel);
  await workbench.contextMenu.click(/^Show Factor Matrix/);
  return workbench.webview();
}

/**
 * Opens the MFA Activity panel of `userName` (its row already shown) from the user's right-click menu
 * and waits until the panel is in front and its read of the System Log ended.
 */
export async function showMfaActivityOf(workbench: Workbench, userName: string): Promise<WebviewFrame> {
  await workbench.tree.rightClick(userName);
  await workbench.contextMenu.click(/^Show MFA Activity/);
  // Another panel (the Verify panel) may be open beside it: wait for this one to be the one shown.
  const panel = await waitUntil('the MFA Activity panel in front', async () => {
    const frame = await workbench.webview();
    return /^MFA activity/.test(await frame.locator('h1').innerText()) && frame;
  });
  await panel.locator(`#${ACTIVITY_IDS.list}:not([data-phase="loading"])[data-phase]`).waitFor({ state: 'attached', timeout: 30_000 });
  return panel;
}
