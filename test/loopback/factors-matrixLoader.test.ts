// The factor matrix loader against the simulator over real HTTP under a tight rate limit: every user
// present once with their factors, no 429, progress up to "n of N", rows streamed before the end,
// a user filter honoured, and a cancel that stops the load with nothing more read.
import { factorWorkflows } from '../support/factorWorkflows';
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { startSimulator } from '../../sim';
import { loadFactorMatrix, type MatrixProgress } from '../../src/factors/matrixLoader';
import { isCancellation } from '../../src/okta/errors';
import type { OktaUser, UserFactor } from '../../src/okta/models';
import { UserDirectory } from '../../src/users/userDirectory';
import { recordingClient, type Simulator } from './client-fixtures';

const ORG = 'org-1';
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function deps(simulator: Simulator) {
  const { client, log } = recordingClient(simulator, { maxConcurrent: 6 });
  const clientFor = async () => client;
  const { factors } = factorWorkflows(clientFor);
  return { deps: { users: new UserDirectory(clientFor), factors }, log };
}

async function listAll(simulator: Simulator, search?: string): Promise<OktaUser[]> {
  const users: OktaUser[] = [];
  for await (const user of recordingClient(simulator).client.listUsers({ limit: 200, search })) users.push(user);
  return users;
}

test('450 users (3 pages) under 20 requests a second: every user once with their factors, 0 × 429, progress to n of N', async () => {
  sim = await startSimulator({ port: 0, seed: 'scale:450' });
  const expected = await listAll(sim);
  await fetch(`${sim.url}/sim/rate-limits`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ usersPerMinute: 20, windowSeconds: 1 }) });
  const { deps: matrixDeps, log } = deps(sim);
  const rows = new Map<string, readonly UserFactor[]>();
  const progress: MatrixProgress[] = [];
  let rowsBeforeListed = 0;
  const result = await loadFactorMatrix(matrixDeps, {
    orgId: ORG, query: {}, concurrency: 4,
    onUser: (user, factors, error) => {
      assert.equal(error, undefined);
      assert.ok(!rows.has(user.id), `${user.profile.login} came twice`);
      rows.set(user.id, factors);
    },
    onProgress: (p) => {
      progress.push(p);
      if (p.total === undefined && p.loaded > 0) rowsBeforeListed++;
    },
  });
  const n = expected.length;
  assert.ok(n > 450, 'the seed has 450 users and its admin');
  assert.deepEqual(result, { loaded: n, total: n });
  assert.deepEqual([...rows.keys()].sort(), expected.map((u) => u.id).sort());
  for (const user of expected.filter((u) => u.profile.login.endsWith('@scale.example.com'))) {
    assert.equal(rows.get(user.id)?.length, 4, `${user.profile.login} has the seed's 4 factors`);
  }
  assert.deepEqual(progress.at(-1), { loaded: n, total: n });
  assert.ok(rowsBeforeListed > 0, 'rows streamed in before the last user page');
  assert.deepEqual(log.filter((e) => e.status !== 200).map((e) => `${e.status} ${e.path}`), []);
  assert.ok(log.every((e) => e.attempt === 1), 'no retries');
});

test('the query narrows the users and `include` drops some; a failing user is a row with its reason', async () => {
  sim = await startSimulator({ port: 0, seed: 'scale:30' });
  const { deps: matrixDeps } = deps(sim);
  const all = await listAll(sim, 'status eq "ACTIVE"');
  assert.ok(all.length < 31, 'the search leaves the suspended users out');
  const [broken, dropped] = all;
  await fetch(`${sim.url}/sim/faults`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path: `/api/v1/users/${broken.id}/factors`, kind: 'status', status: 403 }),
  });
  const seen = new Map<string, unknown>();
  await loadFactorMatrix(matrixDeps, {
    orgId: ORG, query: { search: 'status eq "ACTIVE"' }, include: (user) => user.id !== dropped.id,
    onUser: (user, _factors, error) => seen.set(user.id, error),
  });
  assert.equal(seen.size, all.length - 1);
  assert.ok(!seen.has(dropped.id));
  assert.match(String((seen.get(broken.id) as Error | undefined)?.message), /403|permission|E0000009/i);
});

test('cancel: the load rejects as a cancellation and reads nothing more', async () => {
  sim = await startSimulator({ port: 0, seed: 'scale:200', rateLimits: { usersPerMinute: 10, windowSeconds: 1 } });
  const { deps: matrixDeps, log } = deps(sim);
  const stop = new AbortController();
  let loaded = 0;
  const load = loadFactorMatrix(matrixDeps, {
    orgId: ORG, query: {}, signal: stop.signal,
    onUser: () => {
      if (++loaded === 15) stop.abort();
    },
  });
  await assert.rejects(load, (err) => isCancellation(err));
  const sent = log.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(log.length, sent, 'no request after the cancel');
  assert.ok(loaded < 25, `stopped soon after the cancel (${loaded} rows)`);
  assert.deepEqual(log.filter((e) => e.status === 429), []);
});
