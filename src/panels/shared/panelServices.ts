// What the panels use, declared here beside them: the factor service for every Okta action, push
// verifications, the authenticators for showing codes, the registry for names and links, and the log.
import type * as vscode from 'vscode';
import type { TotpAuthenticator } from '../../authenticator/totpAuthenticator';
import type { UserActivity } from '../../changes/userActivity';
import type { FactorService } from '../../factors/factorService';
import type { PasskeyFactors } from '../../factors/passkeyFactors';
import type { PushVerifications } from '../../factors/pushVerifications';
import type { RequestLog } from '../../log/requestLog';
import type { OrgRegistry } from '../../orgs/orgRegistry';
import type { OktaSettings } from '../../settings';
import type { UserDirectory } from '../../users/userDirectory';
import type { MatrixCacheStore } from '../matrix/matrixCacheStore';
import type { ChangeFeed } from '../../changes/changeFeed';

export interface PanelServices {
  context: Pick<vscode.ExtensionContext, 'extensionUri'>;
  registry: Pick<OrgRegistry, 'get'>;
  factors: Pick<FactorService,
    | 'catalog' | 'securityQuestions' | 'customTotpProfiles' | 'enroll' | 'activate' | 'activateWithAuthenticator' | 'startPushActivation'
    | 'waitForPushActivation' | 'pushActivationQrCode' | 'sendPushActivationLink' | 'resend' | 'resendWaitSeconds' | 'resendAvailableAt' | 'sendChallenge' | 'verify'>;
  pushes: Pick<PushVerifications, 'verify' | 'cancel' | 'isWaiting'>;
  passkeys: Pick<PasskeyFactors, 'verify'>;
  authenticator: Pick<TotpAuthenticator, 'has' | 'currentCode'>;
  log: Pick<RequestLog, 'appendLine' | 'error'>;
}

/** The factor matrix also lists users and their factors, follows factor changes, and keeps the last matrix. */
export interface MatrixPanelServices extends PanelServices {
  factors: PanelServices['factors'] & Pick<FactorService, 'listFactors' | 'onDidChange'>;
  users: Pick<UserDirectory, 'page' | 'find'>;
  config: Pick<OktaSettings, 'showDeprovisioned'>;
  /** The System Log followed from the saved matrix's cursor. */
  feed: Pick<ChangeFeed, 'open' | 'look'>;
  matrixCaches: Pick<MatrixCacheStore, 'read' | 'write'>;
}

/** The MFA Activity panel also reads a user's events from the System Log. */
export interface ActivityPanelServices extends PanelServices {
  activity: Pick<UserActivity, 'recent' | 'older'>;
}
