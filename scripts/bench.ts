// `npm run bench`: the extension's OktaClient side by side with the official @okta/okta-sdk-nodejs
// against the simulator, printed as one table. The simulator runs in its own process (so its work
// is not counted as the clients'), with its clock shifted to play an org whose clock is ahead of or
// behind ours (benchServerClock.ts).
// - Crawl: every user's factors (200 users, 8 at a time) under 1 s, 2 s and 60 s rate-limit windows:
//   elapsed time as a ratio to the rate limit's bound, and the number of 429 answers.
// - Paging 10,000 users (seed scale:10000, pages of 200): time, peak heap, bytes allocated, and the
//   heap that keeping every user takes. The peak (heapUsed sampled every 5 ms) mostly reads how much
//   garbage V8's young generation holds before a scavenge, which depends on when V8 gets to run one;
//   the bytes allocated (sampling heap profiler) are what the client itself decides.
// - The factor matrix of 1,000 users (seed scale:1000) loaded by its loader under 100 requests per
//   1 s window, as a ratio to the same bound (`--matrix-only` runs this row alone; `--paging-only` the paging rows).
// - Refreshing a 10,000-user matrix from the System Log after 1 % of the users changed, against the
//   full crawl's bound, and the heap of that matrix held open (benchChangeFeed.ts, `--feed-only`).
// - Test users as code: 200 users × 2 factors applied under a rate limit, and a plan of them against
//   the org that matches (benchTestUsers.ts, `--test-users-only`).
// - Activation of the packaged extension as VS Code reports it, as a ratio to a trivial tree-view
//   extension in the same code-server; the factor matrix panel's slowest frame with 1,000 users
//   (benchMatrixRender.ts); a saved matrix of 10,000 users drawn when its panel opens again, the
//   click to the rows in the grid (`--cached-open-only` runs this row alone); the size of `main` and of the .vsix.
// Run with `node --expose-gc` (the npm script does) so heap peaks start from a collected heap.
import { factorWorkflows } from '../test/support/factorWorkflows';
import { execFileSync } from 'node:child_process';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { measureActivation, sizes } from './benchActivation';
import { measureCachedMatrixOpen, measureMatrixRender } from './benchMatrixRender';
import { boundMs, requestTotal, startSimulator, UNLIMITED, type Simulator } from './benchSimulator';
import { changeFeedRows } from './benchChangeFeed';
import { testUsersRows } from './benchTestUsers';
import { repoRoot } from './codeServer';
import { Client as OktaSdkClient } from '@okta/okta-sdk-nodejs';
import { OktaClient } from '../src/okta/client';
import { loadFactorMatrix } from '../src/factors/matrixLoader';
import { UserDirectory } from '../src/users/userDirectory';

const WORKERS = 8;
const CRAWL_USERS = 200;
const PAGED_USERS = 10_000;
const PAGING_ROUNDS = 5;
const SKEWS_MS = [3_000, -3_000];
/** Windows and limits: about 10 windows at 1 s and 2 s; two at 60 s, so the bench takes minutes. */
const WINDOWS = [
  { windowSeconds: 1, limit: 20 },
  { windowSeconds: 2, limit: 40 },
  { windowSeconds: 60, limit: 120 },
];
const MATRIX_USERS = 1_000;
const MATRIX_WINDOW = { windowSeconds: 1, limit: 100 };
const CACHED_MATRIX_USERS = 10_000;

/** The two clients under test, each as "list every user" and "list one user's factors". */
interface Contender {
  name: string;
  create(sim: Simulator): { users(): AsyncIterable<{ id?: string }>; factorCount(userId: string): Promise<number> };
}

const ours: Contender = {
  name: 'okta-factors OktaClient',
  create(sim) {
    const client = new OktaClient({ orgUrl: sim.url, token: sim.token, maxConcurrent: WORKERS });
    return {
      users: () => client.listUsers({ limit: 200 }),
      factorCount: async (userId) => (await client.listFactors(userId)).length,
    };
  },
};

const sdk: Contender = {
  name: '@okta/okta-sdk-nodejs',
  create(sim) {
    // `testing.disableHttpsCheck` lets the SDK talk to the http loopback simulator; its typings omit it.
    const client = new OktaSdkClient({ orgUrl: sim.url, token: sim.token, testing: { disableHttpsCheck: true } } as ConstructorParameters<typeof OktaSdkClient>[0]);
    return {
      async *users() {
        for await (const user of await client.userApi.listUsers({ limit: 200 })) if (user) yield user;
      },
      async factorCount(userId) {
        let count = 0;
        for await (const factor of await client.userFactorApi.listFactors({ userId })) if (factor) count++;
        return count;
      },
    };
  },
};

/** Lists every user, then each user's factors, WORKERS at a time. */
async function crawl(contender: Contender, sim: Simulator): Promise<void> {
  const client = contender.create(sim);
  const ids: string[] = [];
  for await (const user of client.users()) if (user.id) ids.push(user.id);
  let next = 0;
  await Promise.all(Array.from({ length: WORKERS }, async () => {
    while (next < ids.length) await client.factorCount(ids[next++]);
  }));
}

/** Time of an unthrottled crawl (after a warm-up), and the requests it needs. */
async function unthrottled(contender: Contender, sim: Simulator): Promise<{ ms: number; requests: number }> {
  await sim.control('PUT', '/rate-limits', UNLIMITED);
  await crawl(contender, sim);
  await sim.control('DELETE', '/requests');
  const started = performance.now();
  await crawl(contender, sim);
  return { ms: performance.now() - started, requests: await requestTotal(sim) };
}

async function crawlCell(contender: Contender, sim: Simulator, window: (typeof WINDOWS)[number], needed: number, fullSpeedMs: number): Promise<string> {
  await sim.control('PUT', '/rate-limits', { usersPerMinute: window.limit, windowSeconds: window.windowSeconds }); // fresh windows
  await sim.control('DELETE', '/requests');
  // Start half-way through a server second, the average of a random start: a client that learns the
  // clock's offset only from Date is late by about that much at every window while it knows no better.
  const phaseMs = (Date.now() + sim.skewMs) % 1000;
  await new Promise((resolve) => setTimeout(resolve, (1500 - phaseMs) % 1000));
  const startMs = Date.now();
  try {
    await crawl(contender, sim);
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`;
  }
  const elapsed = Date.now() - startMs;
  const lastShare = needed - (Math.ceil(needed / window.limit) - 1) * window.limit;
  const bound = boundMs(startMs, sim.skewMs, needed, window, fullSpeedMs * lastShare / needed);
  const rejected = (await requestTotal(sim)) - needed;
  return `${(elapsed / bound).toFixed(2)} × bound, ${rejected} × 429`;
}

/** Pages every user without keeping them; time and the heap's peak above the collected baseline. */
async function paging(contender: Contender, sim: Simulator): Promise<{ ms: number; peakBytes: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  let count = 0;
  for await (const user of contender.create(sim).users()) if (user.id) count++;
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  if (count < PAGED_USERS) throw new Error(`${contender.name} paged ${count} users.`);
  return { ms, peakBytes: peak - baseline };
}

/**
 * Bytes allocated while paging every user once (V8's sampling heap profiler, counting objects already
 * collected): unlike a sampled peak, this does not depend on when V8 chooses to collect.
 */
async function pagingAllocation(contender: Contender, sim: Simulator): Promise<number> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
  try {
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for await (const user of contender.create(sim).users()) if (!user.id) throw new Error(`${contender.name} listed a user without an id`);
    const { profile } = await post<{ profile: { head: SamplingNode } }>('HeapProfiler.stopSampling');
    const total = (node: SamplingNode): number => node.selfSize + node.children.reduce((sum, child) => sum + total(child), 0);
    return total(profile.head);
  } finally {
    session.disconnect();
  }
}

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

/** The heap that holding every user takes: after paging them all into an array, and a collection. */
async function keptHeap(contender: Contender, sim: Simulator): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the bench with node --expose-gc (npm run bench does)');
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for await (const user of contender.create(sim).users()) kept.push(user);
  gc();
  const bytes = process.memoryUsage().heapUsed - baseline;
  if (kept.length < PAGED_USERS) throw new Error(`${contender.name} kept ${kept.length} users.`);
  return bytes;
}

/** The matrix loader as the panel runs it: user pages and each user's factors through the factor service. */
async function loadMatrix(sim: Simulator): Promise<number> {
  const client = new OktaClient({ orgUrl: sim.url, token: sim.token });
  const clientFor = async () => client;
  const { factors } = factorWorkflows(clientFor);
  let rows = 0;
  await loadFactorMatrix({ users: new UserDirectory(clientFor), factors }, { orgId: 'bench', query: {}, onUser: () => rows++ });
  return rows;
}

/** "1.05 × bound, 0 × 429" for the matrix of MATRIX_USERS users, measured like a crawl cell. */
async function matrixRow(): Promise<string[]> {
  const sim = await startSimulator(`scale:${MATRIX_USERS}`, 0);
  try {
    await sim.control('PUT', '/rate-limits', UNLIMITED);
    await loadMatrix(sim); // warm-up
    await sim.control('DELETE', '/requests');
    const fullStarted = performance.now();
    const rows = await loadMatrix(sim);
    const fullSpeedMs = performance.now() - fullStarted;
    const needed = await requestTotal(sim);
    await sim.control('PUT', '/rate-limits', { usersPerMinute: MATRIX_WINDOW.limit, windowSeconds: MATRIX_WINDOW.windowSeconds });
    await sim.control('DELETE', '/requests');
    const phaseMs = Date.now() % 1000;
    await new Promise((resolve) => setTimeout(resolve, (1500 - phaseMs) % 1000));
    const startMs = Date.now();
    const loaded = await loadMatrix(sim);
    const elapsed = Date.now() - startMs;
    if (loaded !== rows) throw new Error(`the matrix loaded ${loaded} of ${rows} users`);
    const lastShare = needed - (Math.ceil(needed / MATRIX_WINDOW.limit) - 1) * MATRIX_WINDOW.limit;
    const bound = boundMs(startMs, 0, needed, MATRIX_WINDOW, fullSpeedMs * lastShare / needed);
    const rejected = (await requestTotal(sim)) - needed;
    return [`factor matrix ${MATRIX_USERS.toLocaleString('en')} users, ${MATRIX_WINDOW.limit} per ${MATRIX_WINDOW.windowSeconds} s`,
      `${(elapsed / bound).toFixed(2)} × bound, ${rejected} × 429 (${(elapsed / 1000).toFixed(1)} s, ${needed} requests)`, '—'];
  } finally {
    await sim.stop();
  }
}

/** Paging time and peak heap: the median of PAGING_ROUNDS rounds, the contenders alternating, so noise from the machine falls on both. */
async function pagingRows(contenders: Contender[]): Promise<string[][]> {
  const paged = await startSimulator(`scale:${PAGED_USERS}`, 0);
  try {
    await paged.control('PUT', '/rate-limits', UNLIMITED);
    for (const contender of contenders) await paging(contender, paged); // warm-up
    const rounds = contenders.map(() => [] as Array<{ ms: number; peakBytes: number; allocated: number; kept: number }>);
    for (let round = 0; round < PAGING_ROUNDS; round++) {
      for (const [i, contender] of contenders.entries()) {
        const timed = await paging(contender, paged);
        rounds[i].push({ ...timed, allocated: await pagingAllocation(contender, paged), kept: await keptHeap(contender, paged) });
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const label = `page ${PAGED_USERS.toLocaleString('en')} users (median of ${PAGING_ROUNDS})`;
    return [
      [`${label}: time`, ...rounds.map((r) => `${median(r.map((x) => x.ms)).toFixed(0)} ms`)],
      [`${label}: peak heap (sampled every 5 ms)`, ...rounds.map((r) => mib(median(r.map((x) => x.peakBytes))))],
      [`${label}: bytes allocated`, ...rounds.map((r) => mib(median(r.map((x) => x.allocated))))],
      [`${label}, every user kept: heap after a collection`, ...rounds.map((r) => mib(median(r.map((x) => x.kept))))],
    ];
  } finally {
    await paged.stop();
  }
}

/** The saved matrix drawn on reopening its panel, against the 1 s the panel has to show it. */
async function cachedOpenRow(): Promise<string[]> {
  const figures = await measureCachedMatrixOpen(CACHED_MATRIX_USERS);
  return [`factor matrix panel, ${figures.users.toLocaleString('en')} users saved: opened again`,
    `${figures.panelMs} ms from the panel's page to the saved rows in the grid (budget 1,000 ms); ${figures.openMs} ms from the click, with code-server's webview creation (the first load took ${(figures.firstLoadMs / 1000).toFixed(0)} s)`, '—'];
}

async function main(): Promise<void> {
  if (process.argv.includes('--cached-open-only')) {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    printTable(['measure', ours.name, sdk.name], [await cachedOpenRow()]);
    return;
  }
  if (process.argv.includes('--feed-only')) {
    printTable(['measure', ours.name, sdk.name], await changeFeedRows(startSimulator));
    return;
  }
  if (process.argv.includes('--test-users-only')) {
    printTable(['measure', ours.name, sdk.name], await testUsersRows(startSimulator));
    return;
  }
  if (process.argv.includes('--matrix-only')) {
    printTable(['measure', ours.name, sdk.name], [await matrixRow()]);
    return;
  }
  if (process.argv.includes('--paging-only')) {
    printTable(['measure', ours.name, sdk.name], await pagingRows([ours, sdk]));
    return;
  }
  const contenders = [ours, sdk];
  const rows: string[][] = [];
  const started = Date.now();
  for (const skewMs of SKEWS_MS) {
    const sim = await startSimulator(`scale:${CRAWL_USERS}`, skewMs);
    try {
      const full = [];
      for (const contender of contenders) full.push(await unthrottled(contender, sim));
      const needed = full[0].requests;
      const fullSpeedMs = Math.min(...full.map((f) => f.ms));
      for (const window of WINDOWS) {
        const cells: string[] = [];
        for (const contender of contenders) cells.push(await crawlCell(contender, sim, window, needed, fullSpeedMs));
        const skew = `server ${skewMs > 0 ? '+' : '−'}${Math.abs(skewMs) / 1000} s`;
        rows.push([`crawl ${CRAWL_USERS} users, ${window.limit} per ${window.windowSeconds} s, ${skew}`, ...cells]);
        console.error(`… ${rows.at(-1)!.join(' | ')}`);
      }
    } finally {
      await sim.stop();
    }
  }
  rows.push(...await pagingRows(contenders));
  rows.push(await matrixRow());
  rows.push(...await changeFeedRows(startSimulator));
  rows.push(...await testUsersRows(startSimulator));
  // The packaged build in a real code-server, beside a trivial tree-view extension (benchActivation.ts).
  // 20 windows, 10 samples each: VS Code reports whole milliseconds and the trivial one takes 1–7 ms,
  // so with fewer samples one millisecond moves the ratio by half.
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const activation = await measureActivation(join(repoRoot, 'dist-vsix', 'okta-factors.vsix'), 20);
  rows.push(['activation (× a trivial tree-view extension)',
    `${activation.ratio.toFixed(1)} × (${activation.oursMs} ms vs ${activation.trivialMs} ms, medians of ${activation.runs / 2}: ${activation.oursSamples.join(', ')} vs ${activation.trivialSamples.join(', ')} ms)`, '—']);
  const render = await measureMatrixRender(MATRIX_USERS);
  rows.push([`factor matrix panel, ${render.users.toLocaleString('en')} users: slowest frame`,
    `${render.loadingFrameMs.toFixed(1)} ms while loading, ${render.slowestFrameMs.toFixed(1)} ms with paging, sort and filters`, '—']);
  rows.push(await cachedOpenRow());
  const { mainBytes, vsixBytes } = sizes(repoRoot);
  rows.push(['size of package.json `main` (dist/extension.js)', `${(mainBytes / 1000).toFixed(1)} KB`, '—']);
  rows.push(['size of the .vsix', `${(vsixBytes / 1000).toFixed(1)} KB`, '—']);
  printTable(['measure', ...contenders.map((c) => c.name)], rows);
  console.log(`\n${WORKERS} requests at a time; bound = the time the rate limit allows at best. Bench took ${Math.round((Date.now() - started) / 1000)} s.`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
