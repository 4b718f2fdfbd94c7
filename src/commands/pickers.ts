// Every command takes a tree node or nothing: with nothing (palette, keybinding) these functions
// ask for the org, user or factor with quick picks. They resolve to undefined when the user cancels.
import * as vscode from 'vscode';
import type { OktaUser, UserFactor } from '../okta/models';
import type { OrgRecord } from '../orgs/orgRegistry';
import type { Services } from '../services';
import { describeFactor, describeStatus } from '../presentation/factorDescriptions';
import { isUserShown, usersQueryFor } from '../presentation/userQuery';
import { describeUserStatus, userDisplayName } from '../presentation/userPresentation';

export interface OrgTarget {
  orgId: string;
  org: OrgRecord;
}
export interface UserTarget extends OrgTarget {
  user: OktaUser;
}
export interface FactorTarget extends UserTarget {
  factor: UserFactor;
}

/** What a command argument may carry: tree nodes (OrgNode, UserNode, FactorNode...) or an org id. */
interface NodeLike {
  orgId?: unknown;
  user?: OktaUser;
  factor?: UserFactor;
}

function asNode(arg: unknown): NodeLike | undefined {
  if (typeof arg === 'string') return { orgId: arg };
  return typeof arg === 'object' && arg !== null ? (arg as NodeLike) : undefined;
}

/** The org of a node or org id, else a quick pick over the configured orgs. */
export async function resolveOrg(services: Services, arg?: unknown): Promise<OrgTarget | undefined> {
  const orgId = asNode(arg)?.orgId;
  if (typeof orgId === 'string') {
    const org = services.registry.get(orgId);
    if (!org) void vscode.window.showWarningMessage('That org is no longer configured (was it removed in another window?).');
    return org ? { orgId, org } : undefined;
  }
  const orgs = services.registry.list();
  if (orgs.length === 0) {
    const add = 'Add an Okta org';
    const choice = await vscode.window.showInformationMessage('No Okta org is configured yet.', add);
    if (choice === add) await vscode.commands.executeCommand('okta.addOrg');
    return undefined;
  }
  if (orgs.length === 1) return { orgId: orgs[0].id, org: orgs[0] };
  const picked = await vscode.window.showQuickPick(
    orgs.map((org) => ({ label: org.label, description: new URL(org.url).host, org })),
    { title: 'Okta org', placeHolder: 'Pick an org' },
  );
  return picked && { orgId: picked.org.id, org: picked.org };
}

interface UserItem extends vscode.QuickPickItem {
  /** Undefined on the item that explains a failed search. */
  user?: OktaUser;
}

function userItem(user: OktaUser): UserItem {
  return { label: user.profile.login, description: userDisplayName(user), detail: describeUserStatus(user), alwaysShow: true, user };
}

/** A quick pick whose typed text searches the org's users on the server (same rules as the tree filter). */
async function pickUser(services: Services, target: OrgTarget): Promise<OktaUser | undefined> {
  const client = await services.clientFor(target.orgId);
  const pick = vscode.window.createQuickPick<UserItem>();
  pick.title = `User in ${target.org.label}`;
  pick.placeholder = 'Type a login, email or name prefix, or an Okta search expression';
  // Answers for text that is no longer in the box are dropped, so a late answer never replaces
  // the list under the user's (or a test's) selection.
  const search = async (text: string): Promise<void> => {
    pick.busy = true;
    try {
      const showDeprovisioned = services.config.showDeprovisioned();
      const page = await client.listUsersPage({ ...usersQueryFor(text, showDeprovisioned), limit: services.config.usersPageSize() });
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

/** The user of a user/factor/catalog node, else an org pick followed by a server-side user search. */
export async function resolveUser(services: Services, arg?: unknown): Promise<UserTarget | undefined> {
  const node = asNode(arg);
  const org = await resolveOrg(services, arg);
  if (!org) return undefined;
  if (node?.user) return { ...org, user: node.user };
  const user = await pickUser(services, org);
  return user && { ...org, user };
}

/**
 * The factor of a factor node, else a user pick followed by a pick among the user's factors that
 * satisfy `predicate` (for example "pending activation" for activate).
 */
export async function resolveFactor(
  services: Services,
  arg?: unknown,
  predicate: (factor: UserFactor) => boolean = () => true,
): Promise<FactorTarget | undefined> {
  const node = asNode(arg);
  const target = await resolveUser(services, arg);
  if (!target) return undefined;
  if (node?.factor) return { ...target, factor: node.factor };
  const client = await services.clientFor(target.orgId);
  const factors = (await client.listFactors(target.user.id)).filter(predicate);
  if (factors.length === 0) {
    void vscode.window.showInformationMessage(`${target.user.profile.login} has no factor this action applies to.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    factors.map((factor) => ({ label: describeFactor(factor), description: describeStatus(factor), factor })),
    { title: `Factor of ${target.user.profile.login}`, placeHolder: 'Pick a factor' },
  );
  return picked && { ...target, factor: picked.factor };
}
