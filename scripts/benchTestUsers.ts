// Test users as code under a rate limit: a fixtures file of USERS users with two factors each
// (a security question and an active SMS) applied to an empty org through the same FixtureWorkflow
// the commands use, as a ratio to the rate limit's bound, with the 429 answers counted; then a plan
// of the same file against the org it made: how many requests, all of them reads.
import { TotpAuthenticator } from '../src/authenticator/totpAuthenticator';
import { PasskeyAuthenticator } from '../src/authenticator/passkey/passkeyAuthenticator';
import { runBulk } from '../src/factors/bulkWork';
import { FixtureWorkflow } from '../src/fixtures/fixtureWorkflow';
import { parseFixtures } from '../src/fixtures/parseFixtures';
import { neededSecrets, resolveSecrets } from '../src/fixtures/planSecrets';
import { OktaClient, type RequestLogEntry } from '../src/okta/client';
import { InMemorySecretStore } from '../src/orgs/secretStore';
import { UserDirectory } from '../src/users/userDirectory';
import { factorWorkflows } from '../test/support/factorWorkflows';
import { boundMs, requestTotal, UNLIMITED, type RateWindow, type Simulator } from './benchSimulator';

const USERS = 200;
/**
 * 12 windows, like the crawl rows: the client learns the org's clock from Date headers in whole
 * seconds, so it starts each window up to half a second after the org opens it; over few windows
 * that fixed lag weighs more (6 windows of 100 read 1.2 ×).
 */
const WINDOW: RateWindow = { windowSeconds: 1, limit: 50 };
const ENV = { BENCH_PASSWORD: 'Bench-passw0rd-1234!', BENCH_ANSWER: 'brussels sprouts' };

/** USERS users, each with a security question and an SMS factor, active. */
export function benchFixtures(users = USERS): string {
  const lines = ['version: 1', 'users:'];
  for (let i = 0; i < users; i++) {
    const n = String(i).padStart(4, '0');
    lines.push(
      `  - login: bench.user${n}@example.com`, `    firstName: Bench`, `    lastName: User${n}`, '    password: { env: BENCH_PASSWORD }',
      '    factors:', '      - type: question', '        question: disliked_food', '        answer: { env: BENCH_ANSWER }',
      '      - type: sms', `        phone: "+1555${String(1_000_000 + i).slice(1)}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function workflow(sim: Simulator, log: RequestLogEntry[]): FixtureWorkflow {
  const client = new OktaClient({ orgUrl: sim.url, token: sim.token, onRequest: (entry) => log.push(entry) });
  const clientFor = async () => client;
  const totp = new TotpAuthenticator(new InMemorySecretStore());
  const passkeys = new PasskeyAuthenticator(new InMemorySecretStore());
  const { factors, changes } = factorWorkflows(clientFor, { totp, passkeys });
  return new FixtureWorkflow({ users: new UserDirectory(clientFor), factors: Object.assign(factors, { changes }), keptSecretFactorIds: async () => [] });
}

/** Plans the file against the org and applies it; the requests of the apply alone, and its time. */
async function apply(sim: Simulator): Promise<{ ms: number; applyRequests: number; log: RequestLogEntry[] }> {
  const { fixtures } = parseFixtures(benchFixtures(), 'yaml');
  if (!fixtures) throw new Error('the bench fixtures do not parse');
  const log: RequestLogEntry[] = [];
  const org = { label: 'Bench', url: sim.url };
  const flow = workflow(sim, log);
  const planned = await flow.plan('bench', org, fixtures);
  const secrets = await resolveSecrets(neededSecrets(planned.plan), { env: ENV, ask: async () => undefined });
  if (!secrets.ok) throw new Error('the bench secrets are missing');
  const units = flow.units(planned, secrets.values);
  await sim.control('DELETE', '/requests');
  log.length = 0;
  const started = Date.now();
  const summary = await runBulk(units);
  const ms = Date.now() - started;
  if (summary.failed.length > 0) throw new Error(`apply failed for ${summary.failed.length} users: ${summary.failed[0].reason}`);
  return { ms, applyRequests: await requestTotal(sim), log };
}

export async function testUsersRows(startSimulator: (seed: string, skewMs: number) => Promise<Simulator>): Promise<string[][]> {
  const sim = await startSimulator('empty', 0);
  try {
    await sim.control('PUT', '/rate-limits', UNLIMITED);
    await apply(sim); // warm-up, and the requests an apply needs
    await sim.control('POST', '/reset', { seed: 'empty' });
    const full = await apply(sim);
    await sim.control('POST', '/reset', { seed: 'empty' });
    await sim.control('PUT', '/rate-limits', { usersPerMinute: WINDOW.limit, windowSeconds: WINDOW.windowSeconds });
    // The plan's reads first (throttled too), then a fresh window for the apply, started half-way through a second.
    const { fixtures } = parseFixtures(benchFixtures(), 'yaml');
    const planLog: RequestLogEntry[] = [];
    const flow = workflow(sim, planLog);
    const planned = await flow.plan('bench', { label: 'Bench', url: sim.url }, fixtures!);
    const secrets = await resolveSecrets(neededSecrets(planned.plan), { env: ENV, ask: async () => undefined });
    if (!secrets.ok) throw new Error('the bench secrets are missing');
    const units = flow.units(planned, secrets.values);
    await sim.control('PUT', '/rate-limits', { usersPerMinute: WINDOW.limit, windowSeconds: WINDOW.windowSeconds }); // fresh windows
    await sim.control('DELETE', '/requests');
    planLog.length = 0;
    await new Promise((resolve) => setTimeout(resolve, (1500 - (Date.now() % 1000)) % 1000));
    const startMs = Date.now();
    const summary = await runBulk(units);
    const elapsed = Date.now() - startMs;
    if (summary.failed.length > 0) throw new Error(`apply failed for ${summary.failed.length} users: ${summary.failed[0].reason}`);
    const needed = full.applyRequests;
    const lastShare = needed - (Math.ceil(needed / WINDOW.limit) - 1) * WINDOW.limit;
    const bound = boundMs(startMs, 0, needed, WINDOW, full.ms * lastShare / needed);
    const rejected = planLog.filter((e) => e.status === 429).length;
    console.error(`… apply unthrottled: ${full.ms} ms for ${full.applyRequests} requests; throttled ${elapsed} ms, bound ${bound.toFixed(0)} ms`);

    // The same file against the org it made: nothing to do, and only reads.
    await sim.control('DELETE', '/requests');
    planLog.length = 0;
    const planStarted = Date.now();
    const again = await flow.plan('bench', { label: 'Bench', url: sim.url }, fixtures!);
    const planMs = Date.now() - planStarted;
    const writes = planLog.filter((e) => e.method !== 'GET').length;
    const planRejected = planLog.filter((e) => e.status === 429).length;
    return [
      [`apply test users: ${USERS} users × 2 factors from empty, ${WINDOW.limit} per ${WINDOW.windowSeconds} s`,
        `${(elapsed / bound).toFixed(2)} × bound, ${rejected} × 429 (${(elapsed / 1000).toFixed(1)} s, ${needed} requests)`, '—'],
      [`plan the same ${USERS} users against the org that matches`,
        `${again.plan.changes} changes; ${planLog.length} requests, ${writes} writes, ${planRejected} × 429 (${(planMs / 1000).toFixed(1)} s)`, '—'],
    ];
  } finally {
    await sim.stop();
  }
}
