import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { SECRET_STORAGE } from '../../ui/secretStorageText';
import { resolveOrg } from '../pickers';

/** okta.removeOrg: after a modal confirmation, forgets the org and deletes its secrets. */
export async function removeOrg(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  const remove = 'Remove';
  const choice = await vscode.window.showWarningMessage(
    `Remove the org "${target.org.label}"?`,
    {
      modal: true,
      detail: `${target.org.url}\nIts API token and the authenticator secrets kept for its users are deleted from ${SECRET_STORAGE}. Nothing changes in the org itself.`,
    },
    remove,
  );
  if (choice !== remove) return;
  if (target.org.demo) await services.demo.stop();
  await services.registry.remove(target.orgId);
}
