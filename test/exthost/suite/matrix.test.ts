// The Factor Matrix panel in a real extension host against the simulator: the command exists, the
// panel streams every user of the org (or of a filter) with progress, refuses malformed messages,
// dispatches a cell's actions and the bulk actions by command id with plain targets, and exports
// the matrix as shown (filter and sort) to the file picked.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vscode = require('vscode');
import type { RunningSimulator } from '../../../sim';
import { DEFAULT_VIEW } from '../../../src/factors/factorMatrix';
import type { OktaUser } from '../../../src/okta/models';
import { openMatrixPanel, type MatrixEffects, type MatrixPanel } from '../../../src/panels/matrix/matrixPanel';
import type { MatrixPanelServices } from '../../../src/panels/shared/panelServices';
import type { MatrixHostMessage, MatrixState } from '../../../src/panels/matrix/protocol';
import { startSimulatorOrg } from '../simulatorOrg';
import { matrixServices } from '../matrixServices';
import { EXTENSION_ID } from '../../support/extensionId';

suite('factor matrix panel against the simulator', () => {
  let sim: RunningSimulator;
  let services: MatrixPanelServices;
  let orgId: string;
  let allUsers: OktaUser[];
  const calls: Array<{ id: string; args: unknown[] }> = [];
  let logLines: string[] = [];
  const exportDir = mkdtempSync(join(tmpdir(), 'matrix-export-'));
  let exportName = 'out.csv';
  const effects: MatrixEffects = {
    executeCommand: async (id, ...args) => { calls.push({ id, args }); },
    pickTarget: async () => vscode.Uri.file(join(exportDir, exportName)),
    write: async (uri, text) => { await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text)); },
  };
  const panels: MatrixPanel[] = [];

  suiteSetup(async () => {
    const started = await startSimulatorOrg();
    ({ sim, orgId } = started);
    logLines = started.logLines;
    ({ services } = matrixServices(started));
    allUsers = [];
    for await (const user of (await started.registry.clientFor(orgId)).listUsers({ limit: 200 })) allUsers.push(user);
  });

  teardown(() => {
    for (const panel of panels.splice(0)) panel.dispose();
    calls.length = 0;
  });

  suiteTeardown(async () => {
    await sim?.close();
  });

  /** Opens a panel, says ready, waits for the load and returns what the webview would hold. */
  async function loadedPanel(filter?: string): Promise<{ panel: MatrixPanel; state: MatrixState; posts: MatrixHostMessage[] }> {
    const panel = openMatrixPanel(services, orgId, filter, effects);
    panels.push(panel);
    const posts: MatrixHostMessage[] = [];
    panel.onDidPost((m) => posts.push(m));
    await panel.receive({ type: 'ready' });
    await panel.loading;
    await panel.receive({ type: 'ready' }); // a reloaded webview gets the whole matrix again
    const state = posts.filter((m): m is MatrixState => m.type === 'state').at(-1)!;
    return { panel, state, posts };
  }

  let nextRequestId = 1;
  async function request(panel: MatrixPanel, posts: MatrixHostMessage[], message: Record<string, unknown>) {
    const requestId = nextRequestId++;
    await panel.receive({ ...message, requestId });
    return posts.find((m): m is Extract<MatrixHostMessage, { type: 'reply' }> => m.type === 'reply' && m.requestId === requestId);
  }

  test('the command is contributed and registered', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    assert.ok((await vscode.commands.getCommands(true)).includes('okta.showFactorMatrix'));
  });

  test('every user of the org with their factors, streamed in updates, progress done as n of N; no token or secret', async () => {
    const { state, posts } = await loadedPanel();
    const expected = allUsers.filter((u) => u.status !== 'DEPROVISIONED');
    assert.deepEqual(state.rows.map((r) => r.userId).sort(), expected.map((u) => u.id).sort());
    assert.deepEqual(state.progress, { phase: 'done', loaded: expected.length, total: expected.length });
    assert.ok(posts.some((m) => m.type === 'update' && m.rows.length > 0), 'rows came in updates');
    const keys = state.columns.map((c) => c.key);
    for (const key of ['sms/OKTA', 'question/OKTA', 'email/OKTA']) assert.ok(keys.includes(key), key);
    assert.ok(!JSON.stringify(posts).includes(sim.token));
    assert.ok(!/sharedSecret|answer"/.test(JSON.stringify(state)), 'no factor secrets in the webview');
  });

  test('a filter limits the users and the state says so', async () => {
    const { state } = await loadedPanel('no.factors');
    assert.equal(state.userFilter, 'no.factors');
    assert.deepEqual(state.rows.map((r) => r.login), ['no.factors@example.com']);
  });

  test('malformed messages are refused and logged without their content', async () => {
    const { panel, posts } = await loadedPanel();
    const before = posts.length;
    await panel.receive({ type: 'bulk', requestId: 1, action: 'resetFactors', userIds: 'all', factors: [] });
    await panel.receive({ type: 'factorAction', requestId: 2, action: 'delete-org', userId: 'x', factorId: 'y' });
    assert.equal(posts.length, before);
    assert.equal(calls.length, 0);
    assert.ok(logLines.some((l) => /okta\.factorMatrix: rejected a message: malformed "bulk"/.test(l)));
  });

  test('a cell action runs its command with the factor target; an unknown factor is refused inline', async () => {
    const { panel, state, posts } = await loadedPanel();
    const row = state.rows.find((r) => r.cells['sms/OKTA'])!;
    const factorId = row.cells['sms/OKTA'].factors[0].id;
    assert.equal((await request(panel, posts, { type: 'factorAction', action: 'details', userId: row.userId, factorId }))?.error, undefined);
    assert.equal(calls[0].id, 'okta.showFactorDetails');
    const target = calls[0].args[0] as { kind: string; orgId: string; user: OktaUser; factor: { id: string } };
    assert.equal(target.kind, 'factor');
    assert.equal(target.orgId, orgId);
    assert.equal(target.user.id, row.userId);
    assert.equal(target.factor.id, factorId);
    const refused = await request(panel, posts, { type: 'factorAction', action: 'verify', userId: row.userId, factorId: 'nope' });
    assert.match(refused?.error?.message ?? '', /no longer in the matrix/);
    assert.equal(calls.length, 1);
  });

  test('bulk actions call the bulk commands with (undefined, plain targets)', async () => {
    const { panel, state, posts } = await loadedPanel();
    const [a, b] = state.rows.filter((r) => Object.keys(r.cells).length > 0);
    const factors = [a, b].map((r) => ({ userId: r.userId, factorId: Object.values(r.cells)[0].factors[0].id }));
    await request(panel, posts, { type: 'bulk', action: 'unenrollFactors', userIds: [], factors });
    await request(panel, posts, { type: 'bulk', action: 'resetFactors', userIds: [a.userId, b.userId, a.userId], factors: [] });
    await request(panel, posts, { type: 'bulk', action: 'enrollFactorOnUsers', userIds: [b.userId], factors: [] });
    assert.deepEqual(calls.map((c) => c.id), ['okta.unenrollFactors', 'okta.resetFactors', 'okta.enrollFactorOnUsers']);
    assert.equal(calls[0].args[0], undefined);
    assert.deepEqual((calls[0].args[1] as Array<{ kind: string; factor: { id: string } }>).map((t) => [t.kind, t.factor.id]), factors.map((f) => ['factor', f.factorId]));
    assert.deepEqual((calls[1].args[1] as Array<{ kind: string; user: OktaUser }>).map((t) => [t.kind, t.user.id]), [['user', a.userId], ['user', b.userId]]);
    assert.deepEqual((calls[2].args[1] as Array<{ user: OktaUser }>).map((t) => t.user.profile.login), [b.login]);
    const empty = await request(panel, posts, { type: 'bulk', action: 'resetFactors', userIds: [], factors: [] });
    assert.match(empty?.error?.message ?? '', /Select users/);
  });

  test('export writes the matrix as shown: CSV with the filter applied, JSON with the factors', async () => {
    const { panel, state, posts } = await loadedPanel();
    const view = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, has: ['sms/OKTA'] } };
    exportName = 'matrix.csv';
    assert.equal((await request(panel, posts, { type: 'export', format: 'csv', view }))?.error, undefined);
    const lines = readFileSync(join(exportDir, 'matrix.csv'), 'utf8').trimEnd().split('\r\n');
    assert.match(lines[0], /^login,name,user status,.*SMS.*,error$/);
    assert.equal(lines.length - 1, state.rows.filter((r) => r.cells['sms/OKTA']).length);
    exportName = 'matrix.json';
    await request(panel, posts, { type: 'export', format: 'json', view: DEFAULT_VIEW });
    const json = JSON.parse(readFileSync(join(exportDir, 'matrix.json'), 'utf8')) as { users: unknown[]; org: string };
    assert.equal(json.users.length, state.rows.length);
    assert.equal(json.org, 'Simulator');
  });

  test('export refuses a filter by a column the matrix does not have (a prototype name included) and writes nothing', async () => {
    const { panel, posts } = await loadedPanel();
    for (const key of ['constructor', '__proto__', 'nosuch/OKTA']) {
      exportName = `tampered-${key.replace(/\W/g, '')}.csv`;
      const view = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, has: [key] } };
      const reply = await request(panel, posts, { type: 'export', format: 'csv', view });
      assert.match(reply?.error?.message ?? '', /has no column/);
      assert.equal(existsSync(join(exportDir, exportName)), false);
    }
  });

  test('cancel stops the load and says how far it got', async () => {
    sim.control.setRateLimits({ usersPerMinute: 5, windowSeconds: 1 });
    try {
      const panel = openMatrixPanel(services, orgId, 'a', effects);
      panels.push(panel);
      const posts: MatrixHostMessage[] = [];
      panel.onDidPost((m) => posts.push(m));
      await panel.receive({ type: 'ready' });
      await request(panel, posts, { type: 'cancelLoad' });
      await panel.loading;
      const last = posts.filter((m): m is Extract<MatrixHostMessage, { type: 'update' }> => m.type === 'update').at(-1);
      assert.equal(last?.progress.phase, 'cancelled');
    } finally {
      sim.control.setRateLimits({ usersPerMinute: 600, windowSeconds: 60 });
    }
  });
});
