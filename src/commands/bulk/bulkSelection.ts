// What a bulk command acts on: the selection VS Code hands a multi-select menu command (clicked,
// selected[]), an array another caller passes (the factor matrix), the tree's selection when run
// from the palette, else one user or factor picked. Every element must be a target of the right
// kind, all in one org; anything else is refused with a message saying what was wrong.
import vscode = require('vscode');
import { isDeletable } from '../../factors/capabilities';
import type { CommandTarget, FactorTarget, UserTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { resolveFactor, resolveUser } from '../pickers';

/** The targets given (array first, else the clicked one), else the tree's selection. */
function given(services: CommandServices, target?: CommandTarget, selected?: readonly CommandTarget[]): CommandTarget[] {
  if (selected && selected.length > 0) return [...selected];
  if (target) return [target];
  return services.tree.selectedTargets();
}

/** One org for all, and that org still configured; else a message and undefined. */
function oneOrg(services: CommandServices, action: string, targets: readonly CommandTarget[]): string | undefined {
  const orgs = new Set(targets.map((t) => t.orgId));
  if (orgs.size > 1) {
    void vscode.window.showWarningMessage(`${action} works on one org at a time: the selection spans ${orgs.size} orgs.`);
    return undefined;
  }
  const [orgId] = orgs;
  if (!services.registry.get(orgId)) {
    void vscode.window.showWarningMessage('That org is no longer configured (was it removed in another window?).');
    return undefined;
  }
  return orgId;
}

/** The targets, when every one is of `kind` and all are of one org; else undefined after saying why not. */
function onlyOfKind<K extends 'user' | 'factor'>(
  services: CommandServices, action: string, targets: readonly CommandTarget[], kind: K,
): Array<Extract<CommandTarget, { kind: K }>> | undefined {
  const matching = targets.filter((t): t is Extract<CommandTarget, { kind: K }> => t.kind === kind);
  const others = targets.length - matching.length;
  if (others > 0) {
    void vscode.window.showWarningMessage(`${action} works on ${kind}s: ${others} of the ${targets.length} selected items ${others === 1 ? `is not a ${kind}` : `are not ${kind}s`}. Select ${kind}s only.`);
    return undefined;
  }
  return oneOrg(services, action, targets) ? matching : undefined;
}

/** The selected users (each once), or undefined after saying why not. */
export async function selectedUsers(services: CommandServices, action: string, target?: CommandTarget, selected?: readonly CommandTarget[]): Promise<UserTarget[] | undefined> {
  const targets = given(services, target, selected);
  if (targets.length === 0) {
    const picked = await resolveUser(services);
    return picked && [{ kind: 'user', orgId: picked.orgId, user: picked.user }];
  }
  const users = onlyOfKind(services, action, targets, 'user');
  if (!users) return undefined;
  return [...new Map(users.map((t) => [t.user.id, t])).values()];
}

/** The selected factors (each once), all deletable, or undefined after saying why not. */
export async function selectedFactors(services: CommandServices, action: string, target?: CommandTarget, selected?: readonly CommandTarget[]): Promise<FactorTarget[] | undefined> {
  const targets = given(services, target, selected);
  if (targets.length === 0) {
    const picked = await resolveFactor(services, undefined, isDeletable);
    return picked && [{ kind: 'factor', orgId: picked.orgId, user: picked.user, factor: picked.factor }];
  }
  const factors = onlyOfKind(services, action, targets, 'factor');
  if (!factors) return undefined;
  const fixed = factors.filter((t) => !isDeletable(t.factor)).length;
  if (fixed > 0) {
    void vscode.window.showWarningMessage(`${action}: ${fixed} of the selected factors cannot be unenrolled in their current state. Leave them out and try again.`);
    return undefined;
  }
  return [...new Map(factors.map((t) => [`${t.user.id}/${t.factor.id}`, t])).values()];
}
