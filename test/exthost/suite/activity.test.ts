// The MFA Activity command and panel in a real extension host against a simulator of its own: run on
// a user row right after a failed verify, the panel lists the failure first with its reason (and no
// token, id or log link in what the webview gets); from a factor row it is the same user's panel;
// Refresh puts a newer verification on top; an org whose token may not read the log says so.
import * as assert from 'node:assert/strict';
import vscode = require('vscode');
import type { RunningSimulator } from '../../../sim';
import type { OktaUser, UserFactor } from '../../../src/okta/models';
import type { ActivityPanel } from '../../../src/panels/activity/activityPanel';
import type { ActivityHostMessage, ActivityState } from '../../../src/panels/activity/protocol';
import type { Services } from '../../../src/services';
import type { FactorNode } from '../../../src/tree/factorNode';
import type { TreeNode } from '../../../src/tree/treeNode';
import { useExtensionWithSimulatorOrg } from '../simulatorOrg';

const LOGIN = 'all.factors@example.com';

let services: Services;
let sim: RunningSimulator;
let orgId: string;

/** The user's row in the tree (found through the org's user filter) and its factor rows. */
async function rows(login: string): Promise<{ user: TreeNode & { user: OktaUser }; factors: FactorNode[] }> {
  const org = (await services.tree.getChildren()).find((n) => (n as { orgId?: string }).orgId === orgId);
  assert.ok(org, 'the test org is not in the tree');
  services.tree.setFilter(orgId, login);
  const user = (await services.tree.getChildren(org)).find((n) => (n as { user?: OktaUser }).user?.profile.login === login) as (TreeNode & { user: OktaUser }) | undefined;
  assert.ok(user, `${login} is not in the tree`);
  return { user, factors: (await services.tree.getChildren(user)).filter((n): n is FactorNode => 'factor' in n) };
}

/** The RSA SecurID factor: the simulator refuses an all-zero code (403 E0000068) and takes any other. */
async function rsaFactor(user: OktaUser): Promise<UserFactor> {
  const factor = (await (await services.clientFor(orgId)).listFactors(user.id)).find((f) => f.factorType === 'token' && f.provider === 'RSA');
  assert.ok(factor, `${user.profile.login} has no RSA SecurID factor`);
  return factor;
}

async function verifyRsa(user: OktaUser, passCode: string): Promise<void> {
  const client = await services.clientFor(orgId);
  await client.verifyFactor(user.id, (await rsaFactor(user)).id, { passCode }).catch(() => undefined);
}

/** Says ready as the webview does once the read ended, and returns the state the webview then holds. */
async function settledState(panel: ActivityPanel): Promise<ActivityState> {
  await panel.loading;
  const posts: ActivityHostMessage[] = [];
  const subscription = panel.onDidPost((m) => posts.push(m));
  await panel.receive({ type: 'ready' });
  subscription.dispose();
  const state = posts.find((m): m is ActivityState => m.type === 'state');
  assert.ok(state, 'the panel posted no state');
  return state;
}

suite('MFA activity: command and panel against the simulator', () => {
  const panels: ActivityPanel[] = [];

  useExtensionWithSimulatorOrg('Activity test org', { seed: 'demo' }, (ready) => {
    ({ services, sim, orgId } = ready);
  });

  teardown(() => {
    for (const panel of panels.splice(0)) panel.dispose();
    services.tree.setFilter(orgId, undefined);
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: true });
  });

  async function run(node: TreeNode): Promise<ActivityPanel> {
    const panel = await vscode.commands.executeCommand<ActivityPanel | undefined>('okta.showMfaActivity', node);
    assert.ok(panel, 'the command opened no panel');
    panels.push(panel);
    return panel;
  }

  test('the command is contributed and registered', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('okta.showMfaActivity'));
  });

  test('from a user row after a failed verify: the failure first, with its reason; nothing secret in the state', async () => {
    const { user } = await rows(LOGIN);
    await verifyRsa(user.user, '000000');
    const state = await settledState(await run(user));
    assert.equal(state.userLabel, LOGIN);
    assert.equal(state.loading, undefined);
    assert.equal(state.error, undefined);
    const [first] = state.entries;
    assert.ok(first, 'no event listed');
    assert.deepEqual([first.what, first.outcome, first.reason, first.tone], ['RSA SecurID verify failed', 'FAILURE', 'INVALID_CREDENTIALS', 'failure']);
    assert.ok(Date.now() - Date.parse(first.published) < 60_000, 'it happened just now');
    assert.equal(state.retentionDays, 90);
    const json = JSON.stringify(state);
    assert.ok(!json.includes(sim.token), 'token in webview state');
    assert.ok(!json.includes(user.user.id) && !json.includes(orgId), 'ids in webview state');
    assert.ok(!json.includes('/api/v1/logs'), 'the log link stays on the host');
  });

  test('from a factor row: the same user\'s panel; Refresh puts a newer verification on top', async () => {
    const { user, factors } = await rows(LOGIN);
    await verifyRsa(user.user, '000000');
    const fromUser = await run(user);
    await settledState(fromUser);
    const rsaRow = factors.find((n) => n.factor.factorType === 'token' && n.factor.provider === 'RSA');
    assert.ok(rsaRow);
    const fromFactor = await run(rsaRow);
    assert.equal(fromFactor, fromUser, 'one panel per org and user');

    await verifyRsa(user.user, '123456');
    const reply = new Promise<ActivityHostMessage>((resolve) => {
      const subscription = fromUser.onDidPost((m) => {
        if (m.type === 'reply' && m.requestId === 7) {
          subscription.dispose();
          resolve(m);
        }
      });
    });
    await fromUser.receive({ type: 'refresh', requestId: 7 });
    assert.deepEqual(await reply, { type: 'reply', requestId: 7 });
    const state = await settledState(fromUser);
    assert.deepEqual(state.entries.slice(0, 2).map((e) => e.what), ['RSA SecurID verified', 'RSA SecurID verify failed']);
    assert.equal(state.hasOlder, false);
  });

  test('a tampered message is refused and logged, never obeyed', async () => {
    const { user } = await rows(LOGIN);
    const panel = await run(user);
    await settledState(panel);
    const posts: ActivityHostMessage[] = [];
    panel.onDidPost((m) => posts.push(m));
    await panel.receive({ type: 'loadOlder', requestId: 3, next: `${sim.url}/api/v1/users` });
    assert.deepEqual(posts, [], 'no reply to a malformed message');
  });

  test('a token whose admin may not read the System Log: the panel says so and what to do', async () => {
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    const { user } = await rows(LOGIN);
    const state = await settledState(await run(user));
    assert.deepEqual(state.entries, []);
    assert.match(state.error?.message ?? '', /may not read the org's System Log/);
    assert.match(state.error?.message ?? '', /Update Token/);
  });
});
