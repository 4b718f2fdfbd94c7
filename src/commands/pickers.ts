// Every command takes a command target (handed over by a tree node) or nothing: with nothing
// (palette, keybinding) or a broader target than it needs (an org for a user action), these ask for
// the rest with quick picks. They resolve to undefined when the user cancels.
import vscode = require('vscode');
import { runCommand } from '../ui/runCommand';
import type { CommandTarget, FactorTarget, UserTarget } from '../factors/targets';
import type { OktaUser, UserFactor } from '../okta/models';
import type { OrgRecord } from '../orgs/orgRecord';
import { describeFactor, describeStatus } from '../presentation/factorDescriptions';
import { isUserShown, usersQueryFor } from '../presentation/userQuery';
import { describeUserStatus } from '../presentation/userPresentation';
import { userDisplayName } from '../factors/names';
import type { CommandServices } from './commandServices';

export interface ResolvedOrg {
  kind: 'org';
  orgId: string;
  org: OrgRecord;
}
export type ResolvedUser = UserTarget & { org: OrgRecord };
export type ResolvedFactor = FactorTarget & { org: OrgRecord };

/** The target's org, else a quick pick over the configured orgs. */
export async function resolveOrg(services: CommandServices, target?: CommandTarget): Promise<ResolvedOrg | undefined> {
  if (target) {
    const org = services.registry.get(target.orgId);
    if (!org) void vscode.window.showWarningMessage('That org is no longer configured (was it removed in another window?).');
    return org && { kind: 'org', orgId: target.orgId, org };
  }
  const orgs = services.registry.list();
  if (orgs.length === 0) {
    const add = 'Add an Okta org';
    const choice = await vscode.window.showInformationMessage('No Okta org is configured yet.', add);
    if (choice === add) await runCommand('okta.addOrg');
    return undefined;
  }
  if (orgs.length === 1) return { kind: 'org', orgId: orgs[0].id, org: orgs[0] };
  const picked = await vscode.window.showQuickPick(
    orgs.map((org) => ({ label: org.label, description: new URL(org.url).host, org })),
    { title: 'Okta org', placeHolder: 'Pick an org' },
  );
  return picked && { kind: 'org', orgId: picked.org.id, org: picked.org };
}

interface UserItem extends vscode.QuickPickItem {
  /** Undefined on the item that explains a failed search. */
  user?: OktaUser;
}

function userItem(user: OktaUser): UserItem {
  return { label: user.profile.login, description: userDisplayName(user), detail: describeUserStatus(user), alwaysShow: true, user };
}

/** A quick pick whose typed text searches the org's users on the server (same rules as the tree filter). */
async function pickUser(services: CommandServices, target: ResolvedOrg): Promise<OktaUser | undefined> {
  const pick = vscode.window.createQuickPick<UserItem>();
  pick.title = `User in ${target.org.label}`;
  pick.placeholder = 'Type a login, email or name prefix, or an Okta search expression';
  // Answers for text that is no longer in the box are dropped, so a late answer never replaces
  // the list under the user's (or a test's) selection.
  const search = async (text: string): Promise<void> => {
    pick.busy = true;
    try {
      const showDeprovisioned = services.config.showDeprovisioned();
      const page = await services.users.page(target.orgId, { ...usersQueryFor(text, showDeprovisioned), limit: services.config.usersPageSize() });
      if (text === pick.value) pick.items = page.users.filter((u) => isUserShown(u, showDeprovisioned)).map(userItem);
    } catch (err) {
      if (text === pick.value) pick.items = [{ label: `$(error) ${err instanceof Error ? err.message : String(err)}`, alwaysShow: true }];
    } finally {
      if (text === pick.value) pick.busy = false;
    }
  };
  let debounce: NodeJS.Timeout | undefined;
  return new Promise<OktaUser | undefined>((resolve) => {
    pick.onDidChangeValue((text) => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void search(text), 300);
    });
    pick.onDidAccept(() => {
      const user = pick.selectedItems[0]?.user;
      if (!user) return;
      resolve(user);
      pick.hide();
    });
    pick.onDidHide(() => {
      clearTimeout(debounce);
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    void search(pick.value);
  });
}

/** The target's user, else an org pick followed by a server-side user search. */
export async function resolveUser(services: CommandServices, target?: CommandTarget): Promise<ResolvedUser | undefined> {
  const org = await resolveOrg(services, target);
  if (!org) return undefined;
  if (target && target.kind !== 'org') return { kind: 'user', orgId: org.orgId, org: org.org, user: target.user };
  const user = await pickUser(services, org);
  return user && { kind: 'user', orgId: org.orgId, org: org.org, user };
}

/**
 * The target's factor, else a user pick followed by a pick among the user's factors that satisfy
 * `predicate` (for example "can be activated" for activate).
 */
export async function resolveFactor(
  services: CommandServices,
  target?: CommandTarget,
  predicate: (factor: UserFactor) => boolean = () => true,
): Promise<ResolvedFactor | undefined> {
  const user = await resolveUser(services, target);
  if (!user) return undefined;
  if (target?.kind === 'factor') return { ...user, kind: 'factor', factor: target.factor };
  const factors = (await services.factors.listFactors(user)).filter(predicate);
  if (factors.length === 0) {
    void vscode.window.showInformationMessage(`${user.user.profile.login} has no factor this action applies to.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    factors.map((factor) => ({ label: describeFactor(factor), description: describeStatus(factor), factor })),
    { title: `Factor of ${user.user.profile.login}`, placeHolder: 'Pick a factor' },
  );
  return picked && { ...user, kind: 'factor', factor: picked.factor };
}
