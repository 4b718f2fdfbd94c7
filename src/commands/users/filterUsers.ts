import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveOrg } from '../pickers';

/** okta.filterUsers: a server-side user filter per org (prefix text or an Okta search expression). */
export async function filterUsers(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveOrg(services, selected);
  if (!target) return;
  const text = await vscode.window.showInputBox({
    title: `Filter users of ${target.org.label}`,
    prompt: 'A prefix of login, email, first or last name - or an Okta search expression such as status eq "LOCKED_OUT". Empty clears the filter.',
    placeHolder: 'ann  |  profile.department eq "QA"',
    value: services.tree.filterOf(target.orgId) ?? '',
  });
  if (text === undefined) return;
  services.tree.setFilter(target.orgId, text);
}
