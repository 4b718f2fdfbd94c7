// Every command's handler, loaded with the work half on a command's first call (registration.ts
// registers the ids at activation). A handler takes the command services and a command target: the
// one a tree node hands over (`node.target`), one passed by another command, or none from the palette;
// and the selection, when VS Code runs a menu command on several rows (clicked, selected[]) or a
// caller passes an array of targets (the bulk commands use it).
import type { CommandTarget } from '../factors/targets';
import { activateFactor } from './activateFactor';
import { addOrg } from './addOrg';
import { checkPushTransaction } from './checkPushTransaction';
import { clearFilter } from './clearFilter';
import type { CommandId } from '../commandIds';
import type { CommandServices } from './commandServices';
import { copyId } from './copyId';
import { copyLogin } from './copyLogin';
import { copyOrgUrl } from './copyOrgUrl';
import { copyOtpauthUri } from './copyOtpauthUri';
import { copyTotpCode } from './copyTotpCode';
import { enrollFactor } from './enrollFactor';
import { enrollFactorOnUsers } from './enrollFactorOnUsers';
import { exportTotpSecrets } from './exportTotpSecrets';
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

export type CommandHandler = (services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]) => unknown;

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
