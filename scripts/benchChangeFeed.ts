// Refreshing by what changed: an org of USERS users crawled once (every user's factors, with the
// System Log's cursor opened first, as the factor matrix does), then 1 % of them changed through the
// API, then brought up to date from the log with the same refreshFromLog the matrix runs, under the
// org's default rate limits (600 a minute on the users bucket, 120 on the log). Requests against
// "changed users + log pages + 2", time against 3 % of the full crawl's rate-limit bound at 600 a
// minute. Beside it, the heap the host side of an open 10,000-user matrix holds (its rows, restored
// from the saved matrix as the panel does), after a collection.
import { ChangeFeed, type FeedCursor } from '../src/changes/changeFeed';
import { refreshFromLog } from '../src/changes/quickRefresh';
import { matrixRow, type MatrixRow } from '../src/factors/factorMatrix';
import { decodeMatrixCache, encodeMatrixCache, MATRIX_CACHE_VERSION } from '../src/factors/matrixCache';
import { loadFactorMatrix } from '../src/factors/matrixLoader';
import { MatrixRows } from '../src/factors/matrixRows';
import { OktaClient } from '../src/okta/client';
import type { OktaUser, UserFactor } from '../src/okta/models';
import { UserDirectory } from '../src/users/userDirectory';
import { factorWorkflows } from '../test/support/factorWorkflows';
import { requestTotal, UNLIMITED, type Simulator } from './benchSimulator';

const USERS = 10_000;
const CHANGED_SHARE = 0.01;
/** Okta's default for the users bucket, and what a window of it lasts. */
const ORG_LIMIT = { limit: 600, windowSeconds: 60 };

interface Crawled {
  users: Map<string, { user: OktaUser; factors: readonly UserFactor[] }>;
  requests: number;
  ms: number;
  cursor: FeedCursor;
}

function services(sim: Simulator) {
  const client = new OktaClient({ orgUrl: sim.url, token: sim.token });
  const clientFor = async () => client;
  const { factors } = factorWorkflows(clientFor);
  return { client, factors, users: new UserDirectory(clientFor), feed: new ChangeFeed({ clientFor }) };
}

async function crawl(sim: Simulator): Promise<Crawled> {
  const { factors, users, feed } = services(sim);
  await sim.control('DELETE', '/requests');
  const started = Date.now();
  const cursor = await feed.open('bench');
  const crawled = new Map<string, { user: OktaUser; factors: readonly UserFactor[] }>();
  await loadFactorMatrix({ users, factors }, { orgId: 'bench', query: {}, onUser: (user, listed) => crawled.set(user.id, { user, factors: listed }) });
  return { users: crawled, requests: await requestTotal(sim), ms: Date.now() - started, cursor };
}

/** The heap that a matrix of these rows holds once restored from its saved form, after a collection. */
function matrixHeapBytes(rows: MatrixRow[]): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the bench with node --expose-gc (npm run bench does)');
  const text = encodeMatrixCache({ version: MATRIX_CACHE_VERSION, orgId: 'bench', savedAt: new Date().toISOString(), complete: true, columns: [], rows });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const held = new MatrixRows();
  held.restore(decodeMatrixCache(text, { orgId: 'bench' })!);
  gc();
  const bytes = process.memoryUsage().heapUsed - baseline;
  if (held.size !== rows.length) throw new Error(`the matrix holds ${held.size} of ${rows.length} rows`);
  return bytes;
}

export async function changeFeedRows(startSimulator: (seed: string, skewMs: number) => Promise<Simulator>): Promise<string[][]> {
  const sim = await startSimulator(`scale:${USERS}`, 0);
  try {
    await sim.control('PUT', '/rate-limits', UNLIMITED);
    const first = await crawl(sim);
    // 1 % of the users change: one factor each unenrolled, by the API, as another tool would.
    const { client, factors, users, feed } = services(sim);
    const changed = [...first.users.values()]
      .filter(({ factors: listed }) => listed.some((f) => f.status === 'ACTIVE'))
      .slice(0, Math.round(USERS * CHANGED_SHARE));
    for (const { user, factors: listed } of changed) await client.unenrollFactor(user.id, listed.find((f) => f.status === 'ACTIVE')!.id);

    await sim.control('PUT', '/rate-limits', { usersPerMinute: ORG_LIMIT.limit, windowSeconds: ORG_LIMIT.windowSeconds, logsPerMinute: 120, apiPerMinute: 600, userByIdPerMinute: 2000 });
    await sim.control('DELETE', '/requests');
    const rows = new Map([...first.users.values()].map(({ user, factors: listed }) => [user.id, matrixRow(user, listed)]));
    const started = Date.now();
    const result = await refreshFromLog({ feed, users, factors }, {
      orgId: 'bench', cursor: first.cursor,
      shownUser: (userId) => first.users.get(userId)?.user,
      isShown: () => true,
      onUser: (user, listed) => rows.set(user.id, matrixRow(user, listed)),
      onRemoved: (userId) => rows.delete(userId),
    });
    const ms = Date.now() - started;
    const requests = await requestTotal(sim);
    if (result.kind !== 'done') throw new Error('the quick refresh did not run');
    if (result.changed !== changed.length) throw new Error(`the log named ${result.changed} users, ${changed.length} changed`);
    const factorCount = (row: MatrixRow | undefined) => Object.values(row?.cells ?? {}).reduce((n, cell) => n + cell.factors.length, 0);
    const missed = changed.filter(({ user, factors: listed }) => factorCount(rows.get(user.id)) !== listed.length - 1);
    if (missed.length > 0) throw new Error(`${missed.length} changed users not read again`);
    // The full crawl at the org's limit: every window spent, the last share at full speed.
    const lastShare = first.requests - (Math.ceil(first.requests / ORG_LIMIT.limit) - 1) * ORG_LIMIT.limit;
    const fullBoundMs = (Math.ceil(first.requests / ORG_LIMIT.limit) - 1) * ORG_LIMIT.windowSeconds * 1000 + first.ms * lastShare / first.requests;
    const budget = changed.length + result.pages + 2;
    const heap = matrixHeapBytes([...rows.values()]);
    return [
      [`full crawl, ${USERS.toLocaleString('en')} users, ${ORG_LIMIT.limit} per ${ORG_LIMIT.windowSeconds} s: rate-limit bound`,
        `${(fullBoundMs / 60_000).toFixed(1)} min (${first.requests.toLocaleString('en')} requests; ${(first.ms / 1000).toFixed(0)} s unthrottled)`, '—'],
      [`refresh from the System Log, ${changed.length} of ${USERS.toLocaleString('en')} users changed (${CHANGED_SHARE * 100} %)`,
        `${requests} requests (budget ${budget}: ${changed.length} users + ${result.pages} log page${result.pages === 1 ? '' : 's'} + 2), ${(ms / 1000).toFixed(1)} s = ${(100 * ms / fullBoundMs).toFixed(2)} % of the crawl's bound (budget 3 %)`, '—'],
      [`factor matrix of ${USERS.toLocaleString('en')} users open: host-side rows, heap after a collection`, `${(heap / 2 ** 20).toFixed(1)} MiB`, '—'],
    ];
  } finally {
    await sim.stop();
  }
}
