// The extension's shared services, created once in activate() and handed to every command (the tree and
// the demo org get explicit parts of them).
import * as vscode from 'vscode';
import type { OktaClient } from './okta/client';
import { createOktaClient } from './orgs/connectionCheck';
import type { ClientHooks } from './orgs/orgRegistry';
import { OrgRegistry } from './orgs/orgRegistry';
import { HotpAuthenticator } from './authenticator/hotpAuthenticator';
import { TotpAuthenticator } from './authenticator/totpAuthenticator';
import { FactorsTreeProvider } from './tree/factorsTreeProvider';
import { RequestLog } from './log/requestLog';
import { RateLimitStatusBar } from './log/rateLimitStatusBar';
import { DemoOrg } from './demo/demoOrg';

/** The `okta.*` settings, read on each use so changes apply without a reload. */
export interface OktaSettings {
  usersPageSize(): number;
  requestTimeoutMs(): number;
  showDeprovisioned(): boolean;
}

export interface Services {
  context: vscode.ExtensionContext;
  registry: OrgRegistry;
  authenticator: TotpAuthenticator;
  /** The built-in authenticator's HOTP side, for custom `token:hotp` factors enrolled here. */
  hotpAuthenticator: HotpAuthenticator;
  tree: FactorsTreeProvider;
  log: RequestLog;
  rateLimit: RateLimitStatusBar;
  demo: DemoOrg;
  config: OktaSettings;
  /**
   * The client for an org with the request log and rate-limit hooks attached. Use this rather than
   * registry.clientFor: it also restarts the demo org's simulator after a window reload.
   */
  clientFor(orgId: string): Promise<OktaClient>;
}

const settings: OktaSettings = {
  usersPageSize: () => vscode.workspace.getConfiguration('okta').get<number>('users.pageSize', 25),
  requestTimeoutMs: () => vscode.workspace.getConfiguration('okta').get<number>('requestTimeoutSeconds', 30) * 1000,
  showDeprovisioned: () => vscode.workspace.getConfiguration('okta').get<boolean>('users.showDeprovisioned', false),
};

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
  const hotpAuthenticator = new HotpAuthenticator(context.secrets);
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
  const tree = new FactorsTreeProvider({
    registry, authenticator, config: settings, clientFor, isDemoOrg: (orgId) => demo.isDemoOrg(orgId),
  });
  // A push answered on the demo org's simulated phone may change the factor's status in the tree.
  const pushAnswers = demo.onDidAnswerPush(({ orgId, userId }) => void tree.refreshUser(orgId, userId));
  context.subscriptions.push(registry, authenticator, hotpAuthenticator, log, rateLimit, demo, tree, pushAnswers);
  return { context, registry, authenticator, hotpAuthenticator, tree, log, rateLimit, demo, config: settings, clientFor };
}
