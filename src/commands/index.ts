// Registers every command. Each handler takes the services and the command's arguments (a tree
// node, an org id, or nothing from the palette); failures are reported once, here.
import * as vscode from 'vscode';
import { isCancellation } from '../okta/errors';
import type { Services } from '../services';
import { activateFactor } from './activateFactor';
import { addOrg } from './addOrg';
import { checkPushTransaction } from './checkPushTransaction';
import { clearFilter } from './clearFilter';
import { copyId } from './copyId';
import { copyLogin } from './copyLogin';
import { copyOrgUrl } from './copyOrgUrl';
import { copyTotpCode } from './copyTotpCode';
import { enrollFactor } from './enrollFactor';
import { factorDocuments } from './factorDocumentProvider';
import { filterUsers } from './filterUsers';
import { listSecurityQuestions } from './listSecurityQuestions';
import { loadMore } from './loadMore';
import { openInAdminConsole } from './openInAdminConsole';
import { refresh, refreshNode } from './refresh';
import { removeOrg } from './removeOrg';
import { renameOrg } from './renameOrg';
import { reportError } from '../ui/reportError';
import { resendFactor } from './resendFactor';
import { showFactorDetails } from './showFactorDetails';
import { showLog } from './showLog';
import { showTotpCode } from './showTotpCode';
import { tryDemoOrg } from './tryDemoOrg';
import { unenrollFactor } from './unenrollFactor';
import { updateToken } from './updateToken';
import { verifyFactor } from './verifyFactor';

type CommandHandler = (services: Services, ...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

const COMMANDS: Record<string, CommandHandler> = {
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
};

/** The command's title from package.json ("Add an Okta Org"), used to name it in error messages. */
function commandTitle(services: Services, id: string): string {
  const commands = (services.context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string }>;
  return commands.find((c) => c.command === id)?.title ?? id;
}

function orgIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const orgId = (arg as { orgId?: unknown } | undefined)?.orgId;
  return typeof orgId === 'string' ? orgId : undefined;
}

export function registerCommands(services: Services): void {
  factorDocuments(services); // okta-factor: documents restored after a reload need their provider
  for (const [id, handler] of Object.entries(COMMANDS)) {
    const command = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(services, ...args);
      } catch (err) {
        if (!isCancellation(err)) reportError(services, commandTitle(services, id), err, orgIdOf(args[0]));
        return undefined;
      }
    });
    services.context.subscriptions.push(command);
  }
}
