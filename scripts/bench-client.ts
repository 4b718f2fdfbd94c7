// Benchmark: the extension's OktaClient against the official @okta/okta-sdk-nodejs on the same
// simulated org (seed scale:N). Workload: page through every user (limit 200), then list each user's
// factors, N at a time. Also runs our client under a tight rate limit to show it finishes without a 429.
// Run: npx tsx scripts/bench-client.ts [users=100] [concurrency=8]
import { Client as OktaSdkClient } from '@okta/okta-sdk-nodejs';
import { startSimulator } from '../sim';
import { OktaClient, type RequestLogEntry } from '../src/okta/client';

const users = Number(process.argv[2] ?? 100);
const concurrency = Number(process.argv[3] ?? 8);

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function ours(url: string, token: string, log: RequestLogEntry[]): Promise<number> {
  const client = new OktaClient({ orgUrl: url, token, maxConcurrent: concurrency, onRequest: (e) => log.push(e) });
  const ids: string[] = [];
  for await (const user of client.listUsers({ limit: 200 })) ids.push(user.id);
  let factors = 0;
  await pool(ids, concurrency, async (id) => {
    const listed = await client.listFactors(id);
    factors += listed.length;
  });
  return factors;
}

async function sdk(url: string, token: string): Promise<number> {
  // `testing.disableHttpsCheck` lets the SDK talk to the http loopback simulator; its typings omit it.
  const client = new OktaSdkClient({ orgUrl: url, token, testing: { disableHttpsCheck: true } } as ConstructorParameters<typeof OktaSdkClient>[0]);
  const ids: string[] = [];
  for await (const user of await client.userApi.listUsers({ limit: 200 })) if (user?.id) ids.push(user.id);
  let factors = 0;
  await pool(ids, concurrency, async (id) => {
    for await (const factor of await client.userFactorApi.listFactors({ userId: id })) if (factor) factors++;
  });
  return factors;
}

async function timed(label: string, run: () => Promise<number>): Promise<void> {
  const started = performance.now();
  const factors = await run();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (${factors} factors, ${(ms / (users + 1)).toFixed(2)} ms per request)`);
}

async function main(): Promise<void> {
  // Generous limits for the comparison (the SDK only reacts to 429s, ours throttles ahead).
  const sim = await startSimulator({ port: 0, seed: `scale:${users}`, rateLimits: { usersPerMinute: 1_000_000, userByIdPerMinute: 1_000_000 } });
  try {
    console.log(`${users} users, ${concurrency} concurrent requests, simulator at ${sim.url}`);
    const log: RequestLogEntry[] = [];
    await timed('okta-factors OktaClient (warm-up)', () => ours(sim.url, sim.token, []));
    await timed('@okta/okta-sdk-nodejs (warm-up)', () => sdk(sim.url, sim.token));
    await timed('okta-factors OktaClient', () => ours(sim.url, sim.token, log));
    await timed('@okta/okta-sdk-nodejs', () => sdk(sim.url, sim.token));

    // Tight limit: the users bucket allows 100 requests per 2 s window.
    await sim.control.setRateLimits({ usersPerMinute: 100, windowSeconds: 2 });
    const limited: RequestLogEntry[] = [];
    const fresh = `http://localhost:${new URL(sim.url).port}`; // a fresh origin: no shared throttle state
    await timed('OktaClient, 100 req / 2 s limit', () => ours(fresh, sim.token, limited));
    console.log(`  429 answers under the limit: ${limited.filter((e) => e.status === 429).length}; retries: ${limited.filter((e) => e.attempt > 1).length}`);
  } finally {
    await sim.close();
  }
}

void main();
