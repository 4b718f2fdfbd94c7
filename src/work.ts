// The wiring of the half of the extension that loads on first use, bundled apart as
// dist/lazy/work.js: the Okta client, the factor service, the authenticator, the demo org, and the
// commands' bodies with their panels. Activation (services.ts) never imports this file statically;
// it loads it the first time a command runs or the tree needs users or factors.
import vscode = require('vscode');
import { droppedLegacySecretsMessage, migrateLegacyHotpSecrets } from './authenticator/legacyHotpSecrets';
import { PasskeyAuthenticator } from './authenticator/passkey/passkeyAuthenticator';
import { TotpAuthenticator } from './authenticator/totpAuthenticator';
import { COMMANDS } from './commands';
import type { CommandServices } from './commands/commandServices';
import { DemoOrg } from './demo/demoOrg';
import { FactorChanges } from './factors/factorChanges';
import { FactorService } from './factors/factorService';
import { PasskeyFactors } from './factors/passkeyFactors';
import { LegacySecretMigration } from './factors/legacySecretMigration';
import { PushVerifications } from './factors/pushVerifications';
import type { OktaClient } from './okta/client';
import type { ClientHooks } from './orgs/orgRegistry';
import { MatrixCacheStore } from './panels/matrix/matrixCacheStore';
import { UserDirectory } from './users/userDirectory';

export { createOktaClient } from './orgs/oktaClientFactory';
export { credentialChecks } from './orgs/credentialChecks';
export { userNodes } from './tree/userNodes';

/** What activation already built and hands over. */
export type WorkCore = Pick<CommandServices, 'context' | 'registry' | 'tree' | 'log' | 'config' | 'connectionCheckHooks'> & {
  context: CommandServices['context'] & Pick<vscode.ExtensionContext, 'secrets' | 'extensionPath' | 'globalStorageUri'>;
  /** The hooks of an org's clients (request log, rate-limit status bar), the same pair on every call. */
  hooksFor(orgId: string): ClientHooks;
};

export interface Work {
  /** What the command handlers and panels use. */
  services: CommandServices;
  commands: typeof COMMANDS;
  /**
   * The client for an org with the request log and rate-limit hooks attached; it also restarts the
   * demo org's simulator after a window reload.
   */
  clientFor(orgId: string): Promise<OktaClient>;
}

export function createWork(core: WorkCore): Work {
  const { context, registry, log } = core;
  const authenticator = new TotpAuthenticator(context.secrets);
  const demo = new DemoOrg({ registry, log, extensionPath: context.extensionPath });
  const clientFor = async (orgId: string): Promise<OktaClient> => {
    await demo.ensureRunning(orgId);
    return registry.clientFor(orgId, core.hooksFor(orgId));
  };
  const workSignal = (orgId: string) => registry.workSignal(orgId);
  const changes = new FactorChanges();
  const passkeyAuthenticator = new PasskeyAuthenticator(context.secrets);
  const passkeys = new PasskeyFactors({ clientFor, workSignal, changes, passkeys: passkeyAuthenticator });
  const factors = new FactorService({
    clientFor,
    totp: authenticator,
    issuerOf: (orgId) => registry.get(orgId)?.label ?? 'Okta',
    log: (line) => log.error(line),
    workSignal,
    changes,
    passkeys,
  });
  const pushes = new PushVerifications({ clientFor, workSignal, changes });
  const users = new UserDirectory(clientFor);
  const matrixCaches = new MatrixCacheStore(vscode.Uri.joinPath(context.globalStorageUri, 'factor-matrix').fsPath, (line) => log.error(line));
  // Matrices of orgs removed while this half was not loaded (or in another window) go now.
  void matrixCaches.keepOnly(registry.list().map((org) => org.id));
  const legacySecrets = new LegacySecretMigration({
    migrate: (orgId, profileOf) => migrateLegacyHotpSecrets(context.secrets, authenticator, orgId, profileOf),
    factors,
    onDropped: (dropped) => {
      const message = droppedLegacySecretsMessage(dropped);
      if (message) void vscode.window.showWarningMessage(message);
    },
    log: (line) => log.error(line),
  });
  // Secrets kept by the earlier Custom TOTP version move now, before any code is shown.
  for (const org of registry.list()) void legacySecrets.runOnce(org.id);
  // A removed org's work ended with it (the registry's signal); its secrets and state go too.
  const removals = registry.onDidRemoveOrg(({ orgId }) => {
    pushes.forgetOrg(orgId);
    void factors.forgetOrg(orgId);
    void matrixCaches.forgetOrg(orgId);
  });
  // A push answered on the demo org's simulated phone may change the factor's status in the tree.
  const pushAnswers = demo.onDidAnswerPush(({ orgId, userId }) => changes.announce(orgId, userId));
  context.subscriptions.push(authenticator, passkeyAuthenticator, demo, factors, removals, pushAnswers);
  return { services: { ...core, factors, pushes, passkeys, passkeyAuthenticator, users, authenticator, demo, matrixCaches }, commands: COMMANDS, clientFor };
}
