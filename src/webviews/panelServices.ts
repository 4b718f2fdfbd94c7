// What the panels use, declared here beside them: the factor service for every Okta action, the
// authenticators for showing codes, the registry for names and links, and the log.
import type * as vscode from 'vscode';
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { FactorService } from '../factors/factorService';
import type { RequestLog } from '../log/requestLog';
import type { OrgRegistry } from '../orgs/orgRegistry';

export interface PanelServices {
  context: Pick<vscode.ExtensionContext, 'extensionUri'>;
  registry: Pick<OrgRegistry, 'get'>;
  factors: Pick<FactorService,
    | 'catalog' | 'securityQuestions' | 'customTotpProfiles' | 'enroll' | 'activate' | 'activateWithAuthenticator' | 'startPushActivation'
    | 'waitForPushActivation' | 'pushActivationQrCode' | 'sendPushActivationLink' | 'resend' | 'resendWaitSeconds' | 'resendAvailableAt' | 'sendChallenge' | 'verify'
    | 'verifyPush' | 'cancelPush' | 'isPushWaiting'>;
  authenticator: Pick<TotpAuthenticator, 'has' | 'currentCode'>;
  log: Pick<RequestLog, 'appendLine' | 'error'>;
}
