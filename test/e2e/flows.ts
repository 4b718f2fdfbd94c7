// Multi-step UI flows that several scenarios start from, done as a person would (palette, boxes, clicks).
import type { RunningSimulator } from '../../sim';
import type { Workbench } from './pages/workbench';

/** Okta: Add an Okta Org -> URL -> sign-in (token type) -> token (password box) -> name; waits for the org row. */
export async function addOrgThroughPalette(workbench: Workbench, sim: RunningSimulator, label: string): Promise<void> {
  const { quickInput } = workbench;
  await workbench.runCommand('Okta: Add an Okta Org');
  await quickInput.waitForPrompt(/org URL/);
  await quickInput.submit(sim.url);
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

/**
 * Expands org > user, waiting for the user's factors to load. Known issue (see the session notes):
 * on a loaded machine the org's first user list has, twice in about ten runs, stayed empty with no
 * error right after the org was added; one click on the org's Refresh is what a user would do, so the
 * flow does that once (and says so on stderr) instead of failing the unrelated test that follows.
 */
export async function showUserFactors(workbench: Workbench, orgLabel: string, userName: string): Promise<void> {
  await workbench.tree.expand(orgLabel);
  try {
    await workbench.tree.item(userName).waitFor({ state: 'visible', timeout: 20_000 });
  } catch {
    console.error(`[e2e] ${orgLabel}: no users after 20 s; refreshing the org once`);
    const org = workbench.tree.item(orgLabel);
    await org.hover();
    await org.locator('.action-label[aria-label^="Refresh"]').click();
  }
  await workbench.tree.expand(userName);
}
