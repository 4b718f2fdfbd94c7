// The wiring: the one file that knows the concrete classes. activate() builds the services here and
// hands each layer the parts it declared it needs; no layer imports this file.
import * as vscode from 'vscode';
import { droppedLegacySecretsMessage, migrateLegacyHotpSecrets } from './authenticator/legacyHotpSecrets';
import { TotpAuthenticator } from './authenticator/totpAuthenticator';
import type { CommandServices } from './commands/commandServices';
import { DemoOrg } from './demo/demoOrg';
import { FactorService } from './factors/factorService';
import { RateLimitStatusBar } from './log/rateLimitStatusBar';
import { RequestLog } from './log/requestLog';
import type { OktaClient } from './okta/client';
import { createOktaClient } from './orgs/connectionCheck';
import { OrgRegistry, type ClientHooks } from './orgs/orgRegistry';
import { settings } from './settings';
import { FactorsTreeProvider } from './tree/factorsTreeProvider';
import { UserDirectory } from './users/userDirectory';

export interface Services extends CommandServices {
  context: vscode.ExtensionContext;
  tree: FactorsTreeProvider;
  demo: DemoOrg;
  rateLimit: RateLimitStatusBar;
  /**
   * The client for an org with the request log and rate-limit hooks attached; it also restarts the
   * demo org's simulator after a window reload. Only the services below use it.
   */
  clientFor(orgId: string): Promise<OktaClient>;
}

/** Builds the services; only reads the org list from globalState (no network, no disk). */
export function createServices(context: vscode.ExtensionContext): Services {
  const registry = new OrgRegistry({
    state: context.globalState,
    secrets: context.secrets,
    createClient: (options) => createOktaClient({ timeoutMs: settings.requestTimeoutMs(), ...options }),
  });
  const log = new RequestLog();
  const rateLimit = new RateLimitStatusBar();
  const authenticator = new TotpAuthenticator(context.secrets);
  // One pair of callbacks per org: the registry keeps a client while its hooks stay the same. The
  // timeout is read on every call, so a changed okta.requestTimeoutSeconds replaces the cached client.
  const hooks = new Map<string, ClientHooks>();
  const hooksFor = (orgId: string): ClientHooks => {
    let orgHooks = hooks.get(orgId);
    if (!orgHooks) {
      const label = () => registry.get(orgId)?.label ?? orgId;
      orgHooks = {
        onRequest: (entry) => log.request(label(), entry),
        onRateLimit: (status) => rateLimit.update(orgId, label(), status),
      };
      hooks.set(orgId, orgHooks);
    }
    return { ...orgHooks, timeoutMs: settings.requestTimeoutMs() };
  };
  const demo = new DemoOrg({ registry, log, extensionPath: context.extensionPath });
  const clientFor = async (orgId: string): Promise<OktaClient> => {
    await demo.ensureRunning(orgId);
    return registry.clientFor(orgId, hooksFor(orgId));
  };
  const factors = new FactorService({
    clientFor,
    totp: authenticator,
    migrateLegacySecrets: (orgId, profileOf) => migrateLegacyHotpSecrets(context.secrets, authenticator, orgId, profileOf),
    onLegacySecretsDropped: (dropped) => {
      const message = droppedLegacySecretsMessage(dropped);
      if (message) void vscode.window.showWarningMessage(message);
    },
    issuerOf: (orgId) => registry.get(orgId)?.label ?? 'Okta',
    log: (line) => log.error(line),
    workSignal: (orgId) => registry.workSignal(orgId),
  });
  const users = new UserDirectory(clientFor);
  const tree = new FactorsTreeProvider({
    registry, factors, users, authenticator, config: settings, isDemoOrg: (orgId) => demo.isDemoOrg(orgId),
  });
  // A removed org (here or in another window) stops its work: polls, pushes, enrollments in flight.
  const removals = registry.onDidRemoveOrg(({ orgId }) => void factors.endOrg(orgId));
  // A push answered on the demo org's simulated phone may change the factor's status in the tree.
  const pushAnswers = demo.onDidAnswerPush(({ orgId, userId }) => factors.reportChange({ orgId, userId }));
  context.subscriptions.push(registry, authenticator, log, rateLimit, demo, factors, tree, removals, pushAnswers);
  return {
    context, registry, factors, users, authenticator, tree, log, rateLimit, demo, config: settings, clientFor,
    connectionCheckHooks: (label) => ({ onRequest: (entry) => log.request(label, entry), timeoutMs: settings.requestTimeoutMs() }),
  };
}
