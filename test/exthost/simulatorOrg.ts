// What the panel suites start from: the simulator (demo seed) and an org for it in a registry of
// their own (in-memory state and secrets), a request log whose lines are also recorded, and the
// built-in authenticator on the same secrets.
import { startSimulator, type RunningSimulator } from '../../sim';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import { RequestLog } from '../../src/log/requestLog';
import { InMemoryKeyValueState } from '../../src/orgs/keyValueState';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';
import { OrgRegistry } from '../../src/orgs/orgRegistry';
import { InMemorySecretStore } from '../../src/orgs/secretStore';

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
  const registry = new OrgRegistry({ state: new InMemoryKeyValueState(), secrets, createClient: createOktaClient });
  const { org } = await registry.add({ label: 'Simulator', url: sim.url, token: sim.token, tokenType: 'SSWS' });
  const log = new RequestLog();
  const logLines: string[] = [];
  const appendLine = log.appendLine.bind(log);
  log.appendLine = (line: string) => { logLines.push(line); appendLine(line); };
  return { sim, registry, orgId: org.id, log, logLines, totp: new TotpAuthenticator(secrets) };
}
