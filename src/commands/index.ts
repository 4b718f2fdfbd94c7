// Registers every command. A handler takes the command services and a command target: the one a
// tree node hands over (`node.target`), one passed by another command, or none from the palette;
// and the selection, when VS Code runs a menu command on several rows (clicked, selected[]) or a
// caller passes an array of targets (the bulk commands use it). Failures are reported once, here.
import * as vscode from 'vscode';
import type { CommandTarget } from '../factors/targets';
import { isCancellation } from '../okta/errors';
import { TreeNode } from '../tree/treeNode';
import { reportError } from '../ui/reportError';
import { activateFactor } from './activateFactor';
import { addOrg } from './addOrg';
import { checkPushTransaction } from './checkPushTransaction';
import { clearFilter } from './clearFilter';
import type { CommandId } from '../commandIds';
import type { CommandServices } from './commandServices';
import { isCommandTarget } from './commandTarget';
import { copyId } from './copyId';
import { copyLogin } from './copyLogin';
import { copyOrgUrl } from './copyOrgUrl';
import { copyOtpauthUri } from './copyOtpauthUri';
import { copyTotpCode } from './copyTotpCode';
import { enrollFactor } from './enrollFactor';
import { enrollFactorOnUsers } from './enrollFactorOnUsers';
import { exportTotpSecrets } from './exportTotpSecrets';
import { factorDocuments } from './factorDocumentProvider';
import { PUBLIC_KEY_SCHEME, publicKeyDocuments } from './publicKeyDocument';
import { filterUsers } from './filterUsers';
import { listSecurityQuestions } from './listSecurityQuestions';
import { loadMore } from './loadMore';
import { openInAdminConsole } from './openInAdminConsole';
import { refresh, refreshNode } from './refresh';
import { removeOrg } from './removeOrg';
import { resetFactors } from './resetFactors';
import { renameOrg } from './renameOrg';
import { resendFactor } from './resendFactor';
import { showFactorDetails } from './showFactorDetails';
import { showFactorMatrix } from './showFactorMatrix';
import { showLog } from './showLog';
import { showTotpCode } from './showTotpCode';
import { tryDemoOrg } from './tryDemoOrg';
import { unenrollFactor } from './unenrollFactor';
import { unenrollFactors } from './unenrollFactors';
import { updateToken } from './updateToken';
import { verifyFactor } from './verifyFactor';

type CommandHandler = (services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]) => unknown;

export const COMMANDS: Record<CommandId, CommandHandler> = {
  'okta.addOrg': addOrg,
  'okta.tryDemoOrg': tryDemoOrg,
  'okta.renameOrg': renameOrg,
  'okta.removeOrg': removeOrg,
  'okta.updateToken': updateToken,
  'okta.refresh': refresh,
  'okta.refreshNode': refreshNode,
  'okta.filterUsers': filterUsers,
  'okta.clearFilter': clearFilter,
  'okta.loadMore': loadMore,
  'okta.copyId': copyId,
  'okta.copyLogin': copyLogin,
  'okta.copyOrgUrl': copyOrgUrl,
  'okta.openInAdminConsole': openInAdminConsole,
  'okta.showLog': showLog,
  'okta.enrollFactor': enrollFactor,
  'okta.verifyFactor': verifyFactor,
  'okta.showFactorDetails': showFactorDetails,
  'okta.listSecurityQuestions': listSecurityQuestions,
  'okta.activateFactor': activateFactor,
  'okta.resendFactor': resendFactor,
  'okta.checkPushTransaction': checkPushTransaction,
  'okta.unenrollFactor': unenrollFactor,
  'okta.showTotpCode': showTotpCode,
  'okta.copyTotpCode': copyTotpCode,
  'okta.showFactorMatrix': showFactorMatrix,
  'okta.copyOtpauthUri': copyOtpauthUri,
  'okta.unenrollFactors': unenrollFactors,
  'okta.resetFactors': resetFactors,
  'okta.enrollFactorOnUsers': enrollFactorOnUsers,
  'okta.exportTotpSecrets': exportTotpSecrets,
};

/** The command's title from package.json ("Add an Okta Org"), used to name it in error messages. */
function commandTitle(services: CommandServices, id: string): string {
  const commands = (services.context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string }>;
  return commands.find((c) => c.command === id)?.title ?? id;
}

/** A tree node hands over its target; anything else must already be a well-formed target, else none. */
function targetOf(arg: unknown): CommandTarget | undefined {
  if (arg instanceof TreeNode) return arg.target;
  return isCommandTarget(arg) ? arg : undefined;
}

/**
 * The selection: tree rows (those without a target, such as "Load more", left out) or well-formed
 * targets; 'invalid' when anything else is in it. Undefined when none was given.
 */
function selectionOf(arg: unknown): CommandTarget[] | 'invalid' | undefined {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return 'invalid';
  const targets: CommandTarget[] = [];
  for (const item of arg as unknown[]) {
    if (item instanceof TreeNode) {
      if (item.target) targets.push(item.target);
    } else if (isCommandTarget(item)) {
      targets.push(item);
    } else {
      return 'invalid';
    }
  }
  return targets;
}

export function registerCommands(services: CommandServices): void {
  factorDocuments(services); // okta-factor: documents restored after a reload need their provider
  services.context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PUBLIC_KEY_SCHEME, publicKeyDocuments));
  for (const [id, handler] of Object.entries(COMMANDS)) {
    const command = vscode.commands.registerCommand(id, async (arg?: unknown, selectedArg?: unknown) => {
      const target = targetOf(arg);
      const selected = selectionOf(selectedArg);
      if (selected === 'invalid') {
        void vscode.window.showErrorMessage(`${commandTitle(services, id)}: the selection it was given is not a list of orgs, users or factors.`);
        return undefined;
      }
      try {
        return await handler(services, target, selected);
      } catch (err) {
        if (!isCancellation(err)) reportError(services, commandTitle(services, id), err, target?.orgId);
        return undefined;
      }
    });
    services.context.subscriptions.push(command);
  }
}
