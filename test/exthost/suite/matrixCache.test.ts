// The Factor Matrix opens at once: the matrix saved by the last load is in the webview's first state,
// before any factor is read, marked with its age; the System Log then brings it up to date, reading
// only the users changed since (none: no factor read at all), or, without a usable cursor, a full
// read replaces each saved row, drops users no longer listed and ends "up to date". A failed load
// keeps the saved rows, marked; an action on a saved row reads its user first; a change after the
// load is saved.
import * as assert from 'node:assert/strict';
import type { RunningSimulator } from '../../../sim';
import type { MatrixRow } from '../../../src/factors/factorMatrix';
import type { OktaUser } from '../../../src/okta/models';
import type { MatrixCacheStore } from '../../../src/panels/matrix/matrixCacheStore';
import { openMatrixPanel, type MatrixEffects, type MatrixPanel } from '../../../src/panels/matrix/matrixPanel';
import type { MatrixHostMessage, MatrixProgressView, MatrixState } from '../../../src/panels/matrix/protocol';
import { savedMarkText } from '../../../src/panels/matrix/savedMarkText';
import { waitUntil } from '../../support/waitUntil';
import { matrixServices, type MatrixSuiteServices } from '../matrixServices';
import { startSimulatorOrg, type SimulatorOrg } from '../simulatorOrg';

type Update = Extract<MatrixHostMessage, { type: 'update' }>;

suite('factor matrix panel: the saved matrix', () => {
  let sim: RunningSimulator;
  let simOrg: SimulatorOrg;
  let orgId: string;
  let suiteServices: MatrixSuiteServices;
  let store: MatrixCacheStore;
  let shownUsers: OktaUser[];
  const calls: Array<{ id: string; args: unknown[] }> = [];
  const effects: MatrixEffects = {
    executeCommand: async (id, ...args) => { calls.push({ id, args }); },
    pickTarget: async () => undefined,
    write: async () => undefined,
  };
  const panels: MatrixPanel[] = [];

  suiteSetup(async () => {
    const started = await startSimulatorOrg();
    simOrg = started;
    ({ sim, orgId } = started);
    suiteServices = matrixServices(started);
    store = suiteServices.matrixCaches;
    const all: OktaUser[] = [];
    for await (const user of (await started.registry.clientFor(orgId)).listUsers({ limit: 200 })) all.push(user);
    shownUsers = all.filter((u) => u.status !== 'DEPROVISIONED');
  });

  teardown(() => {
    for (const panel of panels.splice(0)) panel.dispose();
    calls.length = 0;
    sim.control.clearFaults();
  });

  suiteTeardown(async () => {
    await sim?.close();
  });

  /** GET /api/v1/users/{id}/factors requests the simulator answered since its counts were reset. */
  const factorReads = (): number => Object.entries(sim.control.requestCounts().counts)
    .filter(([key]) => /^GET \/api\/v1\/users\/[^/]+\/factors$/.test(key))
    .reduce((sum, [, count]) => sum + count, 0);

  interface Opened {
    panel: MatrixPanel;
    posts: MatrixHostMessage[];
    /** The first state the webview got, and the factor reads made when it was posted. */
    first: Promise<{ state: MatrixState; factorReadsBefore: number }>;
  }

  /** Opens the matrix of every user and says ready, recording the factor reads at its first state. */
  function open(): Opened {
    const panel = openMatrixPanel(suiteServices.services, orgId, undefined, effects);
    panels.push(panel);
    const posts: MatrixHostMessage[] = [];
    const first = new Promise<{ state: MatrixState; factorReadsBefore: number }>((resolve) => {
      panel.onDidPost((message) => {
        posts.push(message);
        // Counted as the message leaves: the simulator runs in this process, its counts are current.
        if (message.type === 'state') resolve({ state: message, factorReadsBefore: factorReads() });
      });
    });
    void panel.receive({ type: 'ready' });
    return { panel, posts, first };
  }

  /** The rows the webview holds after these messages, replayed as its row store takes them. */
  function webviewRows(posts: readonly MatrixHostMessage[]): Map<string, MatrixRow> {
    const rows = new Map<string, MatrixRow>();
    for (const message of posts) {
      if (message.type === 'state') rows.clear();
      if (message.type !== 'state' && message.type !== 'update') continue;
      if (message.type === 'update') for (const userId of message.removed ?? []) rows.delete(userId);
      for (const row of message.rows) rows.set(row.userId, row);
    }
    return rows;
  }

  const lastProgress = (posts: readonly MatrixHostMessage[]): MatrixProgressView | undefined =>
    posts.filter((m): m is Update => m.type === 'update').at(-1)?.progress;

  /** The saved matrix without its System Log cursor: the next open must read every user. */
  async function forgetCursor(): Promise<void> {
    const saved = (await store.read(orgId, undefined))!;
    delete saved.cursor;
    assert.equal(await store.write(saved), 'written');
  }

  /** Loads the matrix once and closes it, so the next open finds it saved. */
  async function loadAndClose(): Promise<void> {
    const { panel } = open();
    await panel.loading;
    panel.dispose();
    panels.splice(panels.indexOf(panel), 1);
  }

  let nextRequestId = 1;
  async function request(opened: Opened, message: Record<string, unknown>) {
    const requestId = nextRequestId++;
    await opened.panel.receive({ ...message, requestId });
    return opened.posts.find((m): m is Extract<MatrixHostMessage, { type: 'reply' }> => m.type === 'reply' && m.requestId === requestId);
  }

  test('reopened, the saved matrix is in the first state before any factor is read, marked saved; then up to date', async () => {
    await loadAndClose();
    const saved = await store.read(orgId, undefined);
    assert.equal(saved?.complete, true);
    assert.deepEqual(saved.rows.map((r) => r.userId).sort(), shownUsers.map((u) => u.id).sort());

    sim.control.resetRequestCounts();
    const reopened = open();
    const { state, factorReadsBefore } = await reopened.first;
    assert.equal(factorReadsBefore, 0, 'no factor was read before the saved rows were posted');
    assert.deepEqual(state.rows.map((r) => r.userId).sort(), shownUsers.map((u) => u.id).sort());
    assert.equal(state.progress.phase, 'loading');
    assert.deepEqual(state.progress.cached, { savedAt: saved.savedAt, rows: shownUsers.length, complete: true });
    assert.match(savedMarkText(state.progress) ?? '', /^Saved just now — refreshing… \d+ rows not read again yet\.$/);

    await reopened.panel.loading;
    const done = lastProgress(reopened.posts)!;
    assert.equal(done.phase, 'done');
    assert.match(done.note ?? '', /^Brought up to date from the System Log: no user changed since the last look\. Enrollments still pending activation/);
    assert.equal(savedMarkText(done), 'Up to date.');
    assert.equal(factorReads(), 0, 'nothing changed, nothing read');
    assert.equal(webviewRows(reopened.posts).size, shownUsers.length);

    // Read all users: every user read again once.
    assert.equal((await request(reopened, { type: 'reload', mode: 'full' }))?.error, undefined);
    await reopened.panel.loading;
    assert.deepEqual(lastProgress(reopened.posts), { phase: 'done', loaded: shownUsers.length, total: shownUsers.length });
    assert.equal(factorReads(), shownUsers.length, 'every user read again once');
  });

  test('reopened after someone changed a user, only that user is read again; the other rows stay as saved', async () => {
    await loadAndClose();
    const saved = (await store.read(orgId, undefined))!;
    const row = saved.rows.find((r) => r.cells['sms/OKTA']?.status === 'ACTIVE')!;
    // Outside this panel and the factor service: as another tool or the Admin Console would.
    const client = await simOrg.registry.clientFor(orgId);
    const sms = (await client.listFactors(row.userId)).find((f) => f.factorType === 'sms')!;
    await client.unenrollFactor(row.userId, sms.id);
    sim.control.resetRequestCounts();
    const reopened = open();
    await reopened.panel.loading;
    assert.equal(factorReads(), 1, 'one user read');
    assert.match(lastProgress(reopened.posts)?.note ?? '', /: 1 user changed since the last look/);
    const rows = webviewRows(reopened.posts);
    assert.equal(rows.get(row.userId)?.cells['sms/OKTA'], undefined, 'the change is shown');
    assert.equal(rows.get(row.userId)?.name, row.name, 'the row keeps its user\'s name');
    const resaved = (await store.read(orgId, undefined))!;
    assert.notEqual(resaved.cursor, saved.cursor, 'the cursor moved on');
    assert.equal(resaved.rows.find((r) => r.userId === row.userId)?.cells['sms/OKTA'], undefined);
  });

  test('credentials that may not read the System Log: every user is read, and the panel says why Refresh will read them all too', async () => {
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    try {
      sim.control.resetRequestCounts();
      const opened = open();
      await opened.panel.loading;
      const done = lastProgress(opened.posts)!;
      assert.equal(done.phase, 'done');
      assert.match(done.note ?? '', /^Refresh will read every user: the System Log cannot be followed \(.+\)\.$/);
      assert.equal(factorReads(), shownUsers.length, 'every user read');
      assert.equal((await store.read(orgId, undefined))?.cursor, undefined, 'no cursor saved');
    } finally {
      sim.control.setLogSettings({ tokenOwnerMayReadLogs: true });
    }
  });

  test('the load replaces each saved row and drops users no longer listed, column by column', async () => {
    await loadAndClose();
    const saved = (await store.read(orgId, undefined))!;
    const withFactors = saved.rows.find((r) => Object.keys(r.cells).length > 0)!;
    const ghost: MatrixRow = { userId: '00ughost0000000000', login: 'ghost@example.com', name: 'Ghost', userStatus: 'ACTIVE', cells: { 'ghost/OKTA': { status: 'ACTIVE', factors: [{ id: 'gh0st', status: 'ACTIVE' }] } } };
    const stale = { ...withFactors, cells: {} };
    // Without a cursor the System Log cannot say what changed: every user is read, and the panel says why.
    const { cursor: _cursor, ...uncursored } = saved;
    assert.equal(await store.write({
      ...uncursored,
      columns: [...saved.columns, { key: 'ghost/OKTA', label: 'Ghost factor' }],
      rows: [...saved.rows.filter((r) => r.userId !== withFactors.userId), stale, ghost],
    }), 'written');

    const reopened = open();
    const { state } = await reopened.first;
    assert.ok(state.rows.some((r) => r.userId === ghost.userId), 'the saved ghost row is shown at first');
    assert.ok(state.columns.some((c) => c.key === 'ghost/OKTA'));
    await reopened.panel.loading;
    const updates = reopened.posts.filter((m): m is Update => m.type === 'update');
    assert.match(updates.at(-1)!.progress.note ?? '', /^Read every user: the saved matrix has no complete read and System Log cursor/);
    assert.deepEqual(updates.flatMap((u) => u.removed ?? []), [ghost.userId]);
    assert.ok(!updates.at(-1)!.columns.some((c) => c.key === 'ghost/OKTA'), 'a column no row has any more goes');
    const rows = webviewRows(reopened.posts);
    assert.deepEqual([...rows.keys()].sort(), shownUsers.map((u) => u.id).sort());
    assert.deepEqual(rows.get(withFactors.userId)!.cells, withFactors.cells, 'the row read replaced the stale saved one');
    const resaved = (await store.read(orgId, undefined))!;
    assert.ok(!resaved.rows.some((r) => r.userId === ghost.userId), 'the ghost is not saved again');
  });

  test('a failed load keeps the saved rows, marked saved, with the reason; the saved file is left as it was', async () => {
    await loadAndClose();
    await forgetCursor();
    const before = (await store.read(orgId, undefined))!;
    sim.control.addFault({ path: '/api/v1/users', method: 'GET', kind: 'status', status: 403 });
    const reopened = open();
    await reopened.panel.loading;
    const failed = lastProgress(reopened.posts)!;
    assert.equal(failed.phase, 'failed');
    assert.ok(failed.message, 'the reason is shown');
    assert.deepEqual(failed.cached, { savedAt: before.savedAt, rows: before.rows.length, complete: true });
    assert.match(savedMarkText(failed) ?? '', /not read again \(the load stopped\)\.$/);
    assert.equal(webviewRows(reopened.posts).size, before.rows.length);
    assert.deepEqual(await store.read(orgId, undefined), before);
  });

  test('an action on a saved row reads its user and factors first, then runs with them', async () => {
    await loadAndClose();
    await forgetCursor();
    // Factor reads slow: the load cannot get to the last user listed before the action is done.
    sim.control.addFault({ path: '/api/v1/users/*/factors', method: 'GET', kind: 'latency', latencyMs: 3000 });
    const reopened = open();
    const { state } = await reopened.first;
    assert.ok(state.progress.cached, 'the rows are the saved ones');
    // The load reads users in the order they are listed: the last one listed with a factor is read last.
    const savedRows = new Map(state.rows.map((r) => [r.userId, r]));
    const row = [...shownUsers].reverse().map((u) => savedRows.get(u.id)).find((r) => r && Object.keys(r.cells).length > 0)!;
    const factorId = Object.values(row.cells)[0].factors[0].id;
    assert.equal((await request(reopened, { type: 'factorAction', action: 'details', userId: row.userId, factorId }))?.error, undefined);
    const target = calls[0]?.args[0] as { kind: string; user: OktaUser; factor: { id: string } };
    assert.equal(target.kind, 'factor');
    assert.equal(target.user.id, row.userId);
    assert.equal(target.factor.id, factorId);
    await request(reopened, { type: 'cancelLoad' });
    await reopened.panel.loading;
    assert.equal(lastProgress(reopened.posts)?.phase, 'cancelled');
  });

  test('a factor change after the load is read and saved, at the latest when the panel closes', async () => {
    const opened = open();
    await opened.panel.loading;
    const saved = (await store.read(orgId, undefined))!;
    const row = saved.rows.find((r) => r.cells['sms/OKTA']?.status === 'ACTIVE')!;
    const user = shownUsers.find((u) => u.id === row.userId)!;
    const { factors } = suiteServices.services;
    const sms = (await factors.listFactors({ orgId, user })).find((f) => f.factorType === 'sms')!;
    await factors.unenroll({ orgId, user, factor: sms });
    await waitUntil('the row read again', () => webviewRows(opened.posts).get(row.userId)?.cells['sms/OKTA'] === undefined);
    opened.panel.dispose();
    await waitUntil('the change saved', async () => (await store.read(orgId, undefined))?.rows.find((r) => r.userId === row.userId)?.cells['sms/OKTA'] === undefined);
  });
});
