// The wiring: the one file that knows the concrete classes. activate() builds what the first render
// needs here (the org registry, the tree's skeleton, every command's registration) and hands each
// layer the parts it declared it needs; no layer imports this file. Everything else is the work
// half (work.ts, bundled apart), loaded on first use: a command's first call, or the first expand
// of an org (the tree shows its loading row meanwhile).
import vscode = require('vscode');
import { PUBLIC_KEY_SCHEME, publicKeyDocuments } from './documents/publicKeyDocument';
import { registerCommands } from './commands/registration';
import type { TotpSecretChange } from './authenticator/totpAuthenticator';
import { factorDocuments, type FactorDocumentServices } from './documents/factorDocumentProvider';
import { registerFixtureCodeLenses } from './editor/fixtureCodeLens';
import { FixtureDiagnostics } from './editor/fixtureDiagnostics';
import { PLAN_SCHEME, PlanDocuments } from './editor/planDocuments';
import type { FactorChange } from './factors/factorService';
import { RateLimitStatusBar } from './log/rateLimitStatusBar';
import { RequestLog } from './log/requestLog';
import type { OktaClient } from './okta/client';
import { Emitter } from './util/emitter';
import { OrgRegistry, type ClientHooks } from './orgs/orgRegistry';
import { settings, type OktaSettings } from './settings';
import { TreeChangePolling } from './tree/changePolling';
import { FactorsTreeProvider } from './tree/factorsTreeProvider';
import type { TreeDependencies } from './tree/treeDependencies';
import type { Work } from './work';

export interface Services {
  context: vscode.ExtensionContext;
  registry: OrgRegistry;
  tree: FactorsTreeProvider;
  log: RequestLog;
  rateLimit: RateLimitStatusBar;
  config: OktaSettings;
  /** The work half (factor service, authenticator, demo org, command handlers), loaded once on first use. */
  work(): Promise<Work>;
  /** Whether the work half was loaded yet. */
  workLoaded(): boolean;
  /** The client for an org with the request log and rate-limit hooks attached (loads the work half). */
  clientFor(orgId: string): Promise<OktaClient>;
  /** The System Log poll that keeps open users true while the view is visible. */
  polling: TreeChangePolling;
}

/** Builds what activation needs; only reads the org list from globalState (no network, no disk). */
export function createServices(context: vscode.ExtensionContext): Services {
  let loaded: Promise<Work> | undefined;
  const work = (): Promise<Work> => {
    // A failed load (a damaged install) is not kept: the next use tries again.
    loaded ??= import('./work').then((module) => startWork(module)).catch((err: unknown) => {
      loaded = undefined;
      throw new Error('Could not load the extension\'s code (dist/lazy/work.js); reinstalling the extension may help.', { cause: err });
    });
    return loaded;
  };
  const registry = new OrgRegistry({
    state: context.globalState,
    secrets: context.secrets,
    credentialChecks: async () => (await import('./work')).credentialChecks,
    createClient: async (options) => (await import('./work')).createOktaClient({ timeoutMs: settings.requestTimeoutMs(), ...options }),
  });
  const log = new RequestLog();
  const rateLimit = new RateLimitStatusBar();
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
  // The tree subscribes at once; the work half's events are relayed once it exists (before that,
  // no user or factor is shown, so nothing can have changed for the tree).
  const factorChanges = new Emitter<FactorChange>();
  const secretChanges = new Emitter<TotpSecretChange>();
  const factors: TreeDependencies['factors'] & FactorDocumentServices['factors'] = {
    listFactors: async (...args) => (await work()).services.factors.listFactors(...args),
    catalog: async (...args) => (await work()).services.factors.catalog(...args),
    factorById: async (...args) => (await work()).services.factors.factorById(...args),
    onDidChange: factorChanges.event,
  };
  const tree = new FactorsTreeProvider({
    registry,
    factors,
    users: { page: async (...args) => (await work()).services.users.page(...args) },
    authenticator: { has: async (...args) => (await work()).services.authenticator.has(...args), onDidChange: secretChanges.event },
    config: settings,
    isDemoOrg: (orgId) => registry.get(orgId)?.demo === true,
    userNodes: async () => (await import('./work')).userNodes,
  });
  // A fixtures file's Problems and CodeLens need no parse at activation: the parser loads with the
  // first fixtures file opened.
  const fixtureDiagnostics = new FixtureDiagnostics({
    parse: async (text, format) => (await import('./work')).parseFixtures(text, format),
    log: (line) => log.error(line),
  });
  const planDocuments = new PlanDocuments();
  const core = {
    context, registry, tree, log, config: settings, hooksFor, fixtureDiagnostics, planDocuments,
    connectionCheckHooks: (label: string): ClientHooks => ({ onRequest: (entry) => log.request(label, entry), timeoutMs: settings.requestTimeoutMs() }),
  };
  const startWork = (module: typeof import('./work')): Work => {
    const started = module.createWork(core);
    context.subscriptions.push(
      started.services.factors.onDidChange((change) => factorChanges.fire(change)),
      started.services.authenticator.onDidChange((change) => secretChanges.fire(change)),
    );
    return started;
  };
  // Open users follow changes others make, while the view shows them (nothing to follow before the work half loads).
  const polling = new TreeChangePolling({
    view: tree.view,
    orgsShowingUsers: () => tree.orgsShowingUsers(),
    poll: (orgId) => (loaded ? work().then((started) => started.live.poll(orgId)) : undefined),
    log: (line) => log.appendLine(line),
  });
  factorDocuments({ context, factors }); // okta-factor: documents restored after a reload need their provider
  context.subscriptions.push(
    registry, log, rateLimit, tree, polling, factorChanges, secretChanges, fixtureDiagnostics, planDocuments,
    vscode.workspace.registerTextDocumentContentProvider(PUBLIC_KEY_SCHEME, publicKeyDocuments),
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, planDocuments),
    registerFixtureCodeLenses(),
  );
  registerCommands({ context, log, handlers: work });
  return {
    context, registry, tree, log, rateLimit, config: settings, work, polling,
    workLoaded: () => loaded !== undefined,
    clientFor: async (orgId) => (await work()).clientFor(orgId),
  };
}
