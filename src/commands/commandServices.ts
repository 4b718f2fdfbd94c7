// What the commands use, declared here beside them (the wiring file builds it; no command imports
// the wiring). Concrete classes appear only as `Pick`s of the parts used.
import type * as vscode from 'vscode';
import type { TotpAuthenticator } from '../authenticator/totpAuthenticator';
import type { UserActivity } from '../changes/userActivity';
import type { DemoOrg } from '../demo/demoOrg';
import type { FixtureDiagnostics } from '../editor/fixtureDiagnostics';
import type { PlanDocuments } from '../editor/planDocuments';
import type { FactorService } from '../factors/factorService';
import type { FixtureWorkflow } from '../fixtures/fixtureWorkflow';
import type { PasskeyFactors } from '../factors/passkeyFactors';
import type { PushVerifications } from '../factors/pushVerifications';
import type { PasskeyAuthenticator } from '../authenticator/passkey/passkeyAuthenticator';
import type { RequestLog } from '../log/requestLog';
import type { ClientHooks, OrgRegistry } from '../orgs/orgRegistry';
import type { OktaSettings } from '../settings';
import type { FactorsTreeProvider } from '../tree/factorsTreeProvider';
import type { UserDirectory } from '../users/userDirectory';
import type { MatrixPanelServices, PanelServices } from '../panels/shared/panelServices';

export interface CommandServices extends PanelServices {
  context: Pick<vscode.ExtensionContext, 'extensionUri' | 'extension' | 'subscriptions'>;
  registry: OrgRegistry;
  factors: FactorService;
  pushes: PushVerifications;
  passkeys: PasskeyFactors;
  /** A user's MFA events from the System Log. */
  activity: UserActivity;
  passkeyAuthenticator: PasskeyAuthenticator;
  users: Pick<UserDirectory, 'page' | 'find'>;
  /** Test users as code: a fixtures file planned against an org (reads only) and applied as bulk units. */
  fixtures: Pick<FixtureWorkflow, 'plan' | 'units'>;
  /** The Problems of fixtures files: the file's own, a plan's, an apply's per user. */
  fixtureDiagnostics: Pick<FixtureDiagnostics, 'showFileProblems' | 'showPlanProblems' | 'showApplyOutcome'>;
  /** Plans shown in read-only tabs. */
  planDocuments: Pick<PlanDocuments, 'show' | 'fileOf'>;
  authenticator: TotpAuthenticator;
  tree: Pick<FactorsTreeProvider, 'refresh' | 'refreshOrg' | 'refreshTarget' | 'setFilter' | 'filterOf' | 'loadMore' | 'selectedTargets'>;
  log: RequestLog;
  demo: Pick<DemoOrg, 'isDemoOrg' | 'open' | 'stop'>;
  config: OktaSettings;
  /** The factor matrices saved per org and filter. */
  matrixCaches: MatrixPanelServices['matrixCaches'];
  /** The System Log of each org as a change feed (the matrix's quick refresh). */
  feed: MatrixPanelServices['feed'];
  /** Request-log hooks for the token check of an org being added or updated (named `label` in the log). */
  connectionCheckHooks(label: string): ClientHooks;
}
