// The extension's shared services, created once in activate() and handed to every command and node.
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
  const services = {
    context,
    registry,
    authenticator,
    hotpAuthenticator,
    log,
    rateLimit,
    config: settings,
    async clientFor(orgId: string): Promise<OktaClient> {
      await services.demo.ensureRunning(orgId);
      return registry.clientFor(orgId, hooksFor(orgId));
    },
  } as Omit<Services, 'tree' | 'demo'> as Services;
  services.demo = new DemoOrg(services);
  services.tree = new FactorsTreeProvider(services);
  context.subscriptions.push(registry, authenticator, hotpAuthenticator, log, rateLimit, services.demo, services.tree);
  return services;
}
