import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveUser } from '../pickers';

/** okta.copyId: the factor id or user id of a node; from the palette (or an org), a picked user's id. */
export async function copyId(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const id = selected?.kind === 'factor' ? selected.factor.id : (await resolveUser(services, selected))?.user.id;
  if (id === undefined) return;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
}
