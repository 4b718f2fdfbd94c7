// What the suites start from. The panel suites: the simulator (demo seed) and an org for it in a
// registry of their own (in-memory state and secrets), a request log whose lines are also recorded,
// and the built-in authenticator on the same secrets. The command suites: the activated extension
// with an org on a simulator of their own.
import * as assert from 'node:assert/strict';
import vscode = require('vscode');
import { startSimulator, type RunningSimulator } from '../../sim';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { RequestLog } from '../../src/log/requestLog';
import { InMemoryKeyValueState } from '../../src/orgs/keyValueState';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';
import { OrgRegistry } from '../../src/orgs/orgRegistry';
import { credentialChecks } from '../../src/orgs/credentialChecks';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import type { Services } from '../../src/services';
import { EXTENSION_ID } from '../support/extensionId';

export interface SimulatorOrg {
  sim: RunningSimulator;
  registry: OrgRegistry;
  orgId: string;
  log: RequestLog;
  /** Every line the log was given, for assertions. */
  logLines: string[];
  totp: TotpAuthenticator;
}

export async function startSimulatorOrg(): Promise<SimulatorOrg> {
  const sim = await startSimulator({ port: 0, seed: 'demo' });
  const secrets = new InMemorySecretStore();
  const registry = new OrgRegistry({ credentialChecks: async () => credentialChecks, state: new InMemoryKeyValueState(), secrets, createClient: createOktaClient });
  const { org } = await registry.add({ label: 'Simulator', url: sim.url, token: sim.token, tokenType: 'SSWS' });
  const log = new RequestLog();
  const logLines: string[] = [];
  const appendLine = log.appendLine.bind(log);
  log.appendLine = (line: string) => { logLines.push(line); appendLine(line); };
  return { sim, registry, orgId: org.id, log, logLines, totp: new TotpAuthenticator(secrets) };
}

export interface ExtensionOrg {
  services: Services;
  sim: RunningSimulator;
  orgId: string;
}

/**
 * For the command suites: the activated extension with an org on a simulator of its own, added
 * before the suite and removed after it; each test starts from a reset simulator and a reloaded org.
 */
export function useExtensionWithSimulatorOrg(label: string, options: Parameters<typeof startSimulator>[0], ready: (org: ExtensionOrg) => void): void {
  let org: ExtensionOrg | undefined;
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<Services>(EXTENSION_ID);
    assert.ok(extension);
    const services = await extension.activate();
    const sim = await startSimulator({ port: 0, ...options });
    const { org: added } = await services.registry.add({ label, url: sim.url, token: sim.token, tokenType: 'SSWS' });
    org = { services, sim, orgId: added.id };
    ready(org);
  });
  suiteTeardown(async () => {
    if (org) await org.services.registry.remove(org.orgId);
    await org?.sim.close();
  });
  setup(() => {
    org?.sim.control.reset();
    org?.services.tree.refreshOrg(org.orgId);
  });
}
