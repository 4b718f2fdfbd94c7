import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.renameOrg: the org's name in the tree. */
export async function renameOrg(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  const label = await vscode.window.showInputBox({
    title: `Rename ${target.org.label}`,
    value: target.org.label,
    validateInput: (value) => (value.trim() ? undefined : 'The name cannot be empty.'),
  });
  if (label === undefined) return;
  await services.registry.rename(target.orgId, label);
}
