import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { adminConsoleUserUrl } from '../../presentation/adminConsoleUrl';
import { resolveUser } from '../pickers';

/** okta.openInAdminConsole: the user's profile page in the org's Admin Console. */
export async function openInAdminConsole(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveUser(services, selected);
  if (!target) return;
  const url = adminConsoleUserUrl(target.org.url, target.user.id);
  if (!url) {
    void vscode.window.showInformationMessage(
      `"${target.org.label}" is a local simulator (${target.org.url}): it has no Admin Console. Use the tree and the Okta commands instead.`,
    );
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
