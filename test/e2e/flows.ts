// Multi-step UI flows that several scenarios start from, done as a person would (palette, boxes, clicks).
import type { RunningSimulator } from '../../sim';
import type { Workbench } from './pages/workbench';

/** Okta: Add an Okta Org -> URL -> token (password box) -> token type -> name; waits for the org row. */
export async function addOrgThroughPalette(workbench: Workbench, sim: RunningSimulator, label: string): Promise<void> {
  const { quickInput } = workbench;
  await workbench.runCommand('Okta: Add an Okta Org');
  await quickInput.waitForPrompt(/org URL/);
  await quickInput.submit(sim.url);
  await quickInput.waitForPrompt(/API token/);
  if (!(await quickInput.isPassword())) throw new Error('the token prompt is not a password box');
  await quickInput.submit(sim.token);
  await quickInput.waitForPrompt(/token type/);
  await quickInput.pick('API token (SSWS)');
  await quickInput.waitForPrompt(/name/);
  await quickInput.submit(label);
  await quickInput.waitClosed();
  await workbench.notifications.waitFor(`Added "${label}"`);
  await workbench.openOktaView();
  await workbench.tree.waitForItem(label);
}

/** Expands org > user, waiting for the user's factors to load. */
export async function showUserFactors(workbench: Workbench, orgLabel: string, userName: string): Promise<void> {
  await workbench.tree.expand(orgLabel);
  await workbench.tree.expand(userName);
}
