// The wiring of the half of the extension that loads on first use, bundled apart as
// dist/lazy/work.js: the Okta client, the factor service, the authenticator, the demo org, and the
// commands' bodies with their panels. Activation (services.ts) never imports this file statically;
// it loads it the first time a command runs or the tree needs users or factors.
import vscode = require('vscode');
import { droppedLegacySecretsMessage, migrateLegacyHotpSecrets } from './authenticator/legacyHotpSecrets';
import { PasskeyAuthenticator } from './authenticator/passkey/passkeyAuthenticator';
import { TotpAuthenticator } from './authenticator/totpAuthenticator';
import { UserActivity } from './changes/userActivity';
import { COMMANDS } from './commands';
import type { CommandServices } from './commands/commandServices';
import { ChangeFeed } from './changes/changeFeed';
import { LiveChanges } from './changes/liveChanges';
import { DemoOrg } from './demo/demoOrg';
import { FactorChanges } from './factors/factorChanges';
import { FactorService } from './factors/factorService';
import { FixtureWorkflow } from './fixtures/fixtureWorkflow';
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
export { parseFixtures } from './fixtures/parseFixtures';

/** What activation already built and hands over. */
export type WorkCore = Pick<CommandServices, 'context' | 'registry' | 'tree' | 'log' | 'config' | 'connectionCheckHooks' | 'fixtureDiagnostics' | 'planDocuments'> & {
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
  /** Each org's System Log followed while the tree shows its users. */
  live: LiveChanges;
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
  const feed = new ChangeFeed({ clientFor });
  // The actor Okta logs for this extension's requests: the service app, or the API token's admin.
  const ownActors = new Map<string, Promise<string | undefined>>();
  const ownActorId = (orgId: string): Promise<string | undefined> => {
    const app = registry.get(orgId)?.serviceApp?.clientId;
    if (app) return Promise.resolve(app);
    let known = ownActors.get(orgId);
    if (!known) {
      known = clientFor(orgId).then((client) => client.getUser('me')).then((me) => me.id, () => {
        ownActors.delete(orgId); // asked again next time
        return undefined;
      });
      ownActors.set(orgId, known);
    }
    return known;
  };
  const live = new LiveChanges({
    feed, changes, ownActorId,
    serverAheadAtMostMs: async (orgId) => (await clientFor(orgId)).serverClockOffset().high,
    log: (line) => log.appendLine(line),
  });
  // New credentials may be another admin's, and may or may not read the log: start again.
  const credentialChanges = registry.onDidChange(({ orgId }) => {
    if (orgId === undefined) return;
    ownActors.delete(orgId);
    live.forget(orgId);
  });
  // A plan activates a pending TOTP factor with its kept secret, and leaves kept passkeys alone.
  const keptSecretFactorIds = async (orgId: string, userId: string): Promise<string[]> =>
    [...await authenticator.factorsWithSecrets(orgId), ...await passkeyAuthenticator.factorsWithSecrets(orgId)]
      .filter((ref) => ref.userId === userId).map((ref) => ref.factorId);
  const fixtures = new FixtureWorkflow({ users, factors, keptSecretFactorIds });
  const activity = new UserActivity({ clientFor });
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
    ownActors.delete(orgId);
    live.forget(orgId);
  });
  // A push answered on the demo org's simulated phone may change the factor's status in the tree.
  const pushAnswers = demo.onDidAnswerPush(({ orgId, userId }) => changes.announce(orgId, userId));
  context.subscriptions.push(authenticator, passkeyAuthenticator, demo, factors, removals, pushAnswers, credentialChanges);
  return { services: { ...core, factors, pushes, passkeys, passkeyAuthenticator, users, fixtures, activity, authenticator, demo, matrixCaches, feed }, commands: COMMANDS, clientFor, live };
}
