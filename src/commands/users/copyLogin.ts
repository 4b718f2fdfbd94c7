import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveUser } from '../pickers';

/** okta.copyLogin: the user's login (profile.login). */
export async function copyLogin(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveUser(services, selected);
  if (!target) return;
  await vscode.env.clipboard.writeText(target.user.profile.login);
  vscode.window.setStatusBarMessage(`Copied ${target.user.profile.login}`, 3000);
}
