// Registers every command. A handler takes the command services and a command target: the one a
// tree node hands over (`node.target`), one passed by another command, or none from the palette.
// Failures are reported once, here.
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
import { copyTotpCode } from './copyTotpCode';
import { enrollFactor } from './enrollFactor';
import { factorDocuments } from './factorDocumentProvider';
import { PUBLIC_KEY_SCHEME, publicKeyDocuments } from './publicKeyDocument';
import { filterUsers } from './filterUsers';
import { listSecurityQuestions } from './listSecurityQuestions';
import { loadMore } from './loadMore';
import { openInAdminConsole } from './openInAdminConsole';
import { refresh, refreshNode } from './refresh';
import { removeOrg } from './removeOrg';
import { renameOrg } from './renameOrg';
import { resendFactor } from './resendFactor';
import { showFactorDetails } from './showFactorDetails';
import { showFactorMatrix } from './showFactorMatrix';
import { showLog } from './showLog';
import { showTotpCode } from './showTotpCode';
import { tryDemoOrg } from './tryDemoOrg';
import { unenrollFactor } from './unenrollFactor';
import { updateToken } from './updateToken';
import { verifyFactor } from './verifyFactor';

type CommandHandler = (services: CommandServices, target?: CommandTarget) => unknown;

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

export function registerCommands(services: CommandServices): void {
  factorDocuments(services); // okta-factor: documents restored after a reload need their provider
  services.context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PUBLIC_KEY_SCHEME, publicKeyDocuments));
  for (const [id, handler] of Object.entries(COMMANDS)) {
    const command = vscode.commands.registerCommand(id, async (arg?: unknown) => {
      const target = targetOf(arg);
      try {
        return await handler(services, target);
      } catch (err) {
        if (!isCancellation(err)) reportError(services, commandTitle(services, id), err, target?.orgId);
        return undefined;
      }
    });
    services.context.subscriptions.push(command);
  }
}
