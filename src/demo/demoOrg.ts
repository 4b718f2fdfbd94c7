import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { reportError } from '../ui/reportError';
import type { RequestLog } from '../log/requestLog';
import type { OrgRegistry } from '../orgs/orgRegistry';
import type { OrgRecord } from '../orgs/orgRecord';
import { attachDemoPhone } from './demoPhone';
import { loadSimulatorModule, type RunningSimulator } from './simulatorModule';

const DEMO_ORG_LABEL = 'Demo org (local)';

export interface DemoOrgDependencies {
  registry: Pick<OrgRegistry, 'list' | 'get' | 'add' | 'setUrl' | 'updateToken'>;
  log: Pick<RequestLog, 'appendLine' | 'error'>;
  /** Where dist/sim.js is (the extension's folder). */
  extensionPath: string;
}

/** The simulated phone of this demo org user answered a push (approve or deny). */
export interface DemoPushAnswer {
  orgId: string;
  userId: string;
}

/**
 * The demo org: the simulator running inside the extension host on a free loopback port, added
 * through the registry like any org (its token in SecretStorage). The org record outlives a window
 * reload but the simulator does not, so it is restarted on first use with a new URL and token.
 */
export class DemoOrg implements vscode.Disposable {
  private running: Promise<RunningSimulator> | undefined;
  /** Settles once the demo org record points at the running simulator with its token. */
  private ready: Promise<void> | undefined;
  private phone: vscode.Disposable | undefined;
  private readonly pushAnswers = new vscode.EventEmitter<DemoPushAnswer>();
  /** The simulated phone answered a push, so the user's factor may have a new status. */
  readonly onDidAnswerPush = this.pushAnswers.event;

  constructor(private readonly services: DemoOrgDependencies) {}

  /** The demo org's record, if one is configured. */
  find(): OrgRecord | undefined {
    return this.services.registry.list().find((org) => org.demo);
  }

  isDemoOrg(orgId: string): boolean {
    return this.services.registry.get(orgId)?.demo === true;
  }

  /** Adds the demo org (starting its simulator), or makes sure the existing one is running. */
  async open(): Promise<OrgRecord> {
    const existing = this.find();
    if (existing) {
      await this.ensureRunning(existing.id);
      return this.services.registry.get(existing.id) ?? existing;
    }
    const sim = await this.start();
    const { org } = await this.services.registry.add({ label: DEMO_ORG_LABEL, url: demoOrgUrl(sim.url), token: sim.token, tokenType: 'SSWS', demo: true });
    return org;
  }

  /** For the demo org: starts the simulator if this extension host has not yet, then re-points the org. */
  ensureRunning(orgId: string): Promise<void> {
    if (!this.isDemoOrg(orgId)) return Promise.resolve();
    if (!this.ready) {
      const ready = this.running ? this.running.then(() => undefined) : this.restart(orgId);
      this.ready = ready;
      ready.catch(() => {
        if (this.ready === ready) this.ready = undefined;
      });
    }
    return this.ready;
  }

  private async restart(orgId: string): Promise<void> {
    const sim = await this.start();
    await this.services.registry.setUrl(orgId, demoOrgUrl(sim.url));
    await this.services.registry.updateToken(orgId, sim.token, { tokenType: 'SSWS' });
  }

  private start(): Promise<RunningSimulator> {
    this.running ??= (async () => {
      const { startSimulator } = loadSimulatorModule(this.services.extensionPath);
      const sim = await startSimulator({ port: 0, token: randomBytes(24).toString('base64url'), seed: 'demo' });
      this.phone = attachDemoPhone(
        sim,
        (challenge) => {
          const org = this.find();
          if (org) this.pushAnswers.fire({ orgId: org.id, userId: challenge.userId });
        },
        (action, err) => reportError(this.services, action, err),
      );
      this.services.log.appendLine(`Demo org simulator listening on ${sim.url}`);
      return sim;
    })();
    this.running.catch(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the simulator (deactivate). */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.ready = undefined;
    this.phone?.dispose();
    this.phone = undefined;
    await (await running?.catch(() => undefined))?.close();
  }

  dispose(): void {
    void this.stop();
    this.pushAnswers.dispose();
  }
}

/**
 * The demo org is addressed as localhost, not 127.0.0.1: a passkey made for a test user signs for
 * the org's host, and browsers refuse an IP address as a WebAuthn relying party id.
 */
function demoOrgUrl(simulatorUrl: string): string {
  const url = new URL(simulatorUrl);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  return url.origin;
}
