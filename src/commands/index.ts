// Every command's handler, by id (registration.ts registers the ids and hands each call to its
// handler). A handler takes the command services and a command target: the
// one a tree node hands over (`node.target`), one passed by another command, or none from the palette;
// and the selection, when VS Code runs a menu command on several rows (clicked, selected[]) or a
// caller passes an array of targets (the bulk commands use it).
import type * as vscode from 'vscode';
import type { CommandTarget } from '../factors/targets';
import { activateFactor } from './factors/activateFactor';
import { addOrg } from './orgs/addOrg';
import { checkPushTransaction } from './factors/checkPushTransaction';
import { clearFilter } from './users/clearFilter';
import type { CommandId } from '../commandIds';
import type { CommandServices } from './commandServices';
import { copyId } from './users/copyId';
import { copyLogin } from './users/copyLogin';
import { copyOrgUrl } from './orgs/copyOrgUrl';
import { copyOtpauthUri } from './authenticator/copyOtpauthUri';
import { copyDevtoolsCredential, copyPlaywrightCredential } from './authenticator/copyPasskeyCredential';
import { copyTotpCode } from './authenticator/copyTotpCode';
import { enrollFactor } from './factors/enrollFactor';
import { enrollFactorOnUsers } from './bulk/enrollFactorOnUsers';
import { exportTestSecrets } from './authenticator/exportTestSecrets';
import { applyTestUsers } from './fixtures/applyTestUsers';
import { exportTestUsers } from './fixtures/exportTestUsers';
import { planTestUsers } from './fixtures/planTestUsers';
import { filterUsers } from './users/filterUsers';
import { listSecurityQuestions } from './factors/listSecurityQuestions';
import { loadMore } from './users/loadMore';
import { openInAdminConsole } from './users/openInAdminConsole';
import { refresh, refreshNode } from './users/refresh';
import { removeOrg } from './orgs/removeOrg';
import { resetFactors } from './bulk/resetFactors';
import { renameOrg } from './orgs/renameOrg';
import { resendFactor } from './factors/resendFactor';
import { showFactorDetails } from './factors/showFactorDetails';
import { showFactorMatrix } from './factors/showFactorMatrix';
import { showLog } from './orgs/showLog';
import { showMfaActivity } from './users/showMfaActivity';
import { showTotpCode } from './authenticator/showTotpCode';
import { tryDemoOrg } from './orgs/tryDemoOrg';
import { unenrollFactor } from './factors/unenrollFactor';
import { unenrollFactors } from './bulk/unenrollFactors';
import { updateToken } from './orgs/updateToken';
import { verifyFactor } from './factors/verifyFactor';

/** `resource`: the file a CodeLens or an editor or explorer menu runs the command on. */
export type CommandHandler = (services: CommandServices, target?: CommandTarget, selected?: CommandTarget[], resource?: vscode.Uri) => unknown;

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
  'okta.showMfaActivity': showMfaActivity,
  'okta.copyOtpauthUri': copyOtpauthUri,
  'okta.copyPlaywrightCredential': copyPlaywrightCredential,
  'okta.copyDevtoolsCredential': copyDevtoolsCredential,
  'okta.unenrollFactors': unenrollFactors,
  'okta.resetFactors': resetFactors,
  'okta.enrollFactorOnUsers': enrollFactorOnUsers,
  'okta.exportTotpSecrets': exportTestSecrets,
  'okta.planTestUsers': planTestUsers,
  'okta.applyTestUsers': applyTestUsers,
  'okta.exportTestUsers': exportTestUsers,
};
