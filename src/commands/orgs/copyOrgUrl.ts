import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.copyOrgUrl: the org's URL (what an org node has instead of an Okta ID). */
export async function copyOrgUrl(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  await vscode.env.clipboard.writeText(target.org.url);
  vscode.window.setStatusBarMessage(`Copied ${target.org.url}`, 3000);
}
