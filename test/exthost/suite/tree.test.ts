// The Okta tree in a real extension host, against the simulator: the demo org, paged users with
// "Load more...", factors and the catalog group, filters, and error nodes instead of toasts.
import * as assert from 'node:assert/strict';
import vscode = require('vscode');
import type { Services } from '../../../src/services';
import type { TreeNode } from '../../../src/tree/treeNode';
import { loadSimulatorModule, type RunningSimulator } from '../../../src/demo/simulatorModule';
import { EXTENSION_ID } from '../../support/extensionId';
import { waitUntil } from '../../support/waitUntil';

const DEMO_LABEL = 'Demo org (local)';

let services: Services;
let extensionPath: string;
const ownSims: RunningSimulator[] = [];

const children = (node?: TreeNode) => Promise.resolve(services.tree.getChildren(node));
const item = (node: TreeNode) => services.tree.getTreeItem(node);
const label = (node: TreeNode) => String(item(node).label);
const contextValue = (node: TreeNode) => item(node).contextValue ?? '';

async function demoOrgNode(): Promise<TreeNode & { orgId: string }> {
  const node = (await children()).find((n) => label(n) === DEMO_LABEL);
  assert.ok(node, 'the demo org is not in the tree');
  return node as TreeNode & { orgId: string };
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('okta').update(key, value, vscode.ConfigurationTarget.Global);
}

/** A simulator of our own (not the demo org), loaded the way the demo launcher loads it. */
async function startOwnSimulator(token: string, options: Record<string, unknown> = {}): Promise<RunningSimulator> {
  const { startSimulator } = loadSimulatorModule(extensionPath);
  const sim: RunningSimulator = await startSimulator({ port: 0, token, seed: 'demo', ...options });
  ownSims.push(sim);
  return sim;
}

/** Replaces a vscode.window prompt for one test (restored in teardown): the user's answers. */
const restorers: Array<() => void> = [];
function stubWindow(name: keyof typeof vscode.window, impl: (...args: never[]) => unknown): void {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  window[name] = impl;
  restorers.push(() => (window[name] = original));
}

/** Records the messages shown, answering each with `reply` (undefined = dismissed). */
function recordMessages(reply: (text: string) => string | undefined = () => undefined): string[] {
  const shown: string[] = [];
  for (const name of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
    stubWindow(name, async (text: string) => {
      shown.push(text);
      return reply(text);
    });
  }
  return shown;
}

async function removeAllOrgs(): Promise<void> {
  for (const org of services.registry.list()) await services.registry.remove(org.id);
}

suite('tree: orgs > users > factors', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<Services>(EXTENSION_ID);
    assert.ok(extension);
    services = await extension.activate();
    extensionPath = extension.extensionPath;
    await (await services.work()).services.demo.stop();
    await removeAllOrgs();
    await setSetting('users.pageSize', 5);
    await setSetting('users.showDeprovisioned', undefined);
    await vscode.commands.executeCommand('okta.tryDemoOrg');
  });

  suiteTeardown(async () => {
    await (await services.work()).services.demo.stop();
    await removeAllOrgs();
    await setSetting('users.pageSize', undefined);
    await setSetting('users.showDeprovisioned', undefined);
    await Promise.allSettled(ownSims.map((sim) => sim.close()));
  });

  // Each test starts from a freshly loaded tree (first page of users only), whatever ran before it.
  setup(() => {
    for (const org of services.registry.list()) services.tree.refreshOrg(org.id);
  });

  teardown(() => {
    for (const restore of restorers.splice(0).reverse()) restore();
    for (const org of services.registry.list()) services.tree.setFilter(org.id, undefined);
  });

  test('Try the Demo Org adds a loopback org stored through the registry', async () => {
    const org = await demoOrgNode();
    assert.equal(contextValue(org), 'okta:org+demo');
    const record = services.registry.get(org.orgId);
    assert.ok(record?.demo);
    assert.match(record.url, /^http:\/\/localhost:\d+$/, 'localhost, so a passkey made for a demo user works in a browser');
    assert.equal(record.ownerLogin, 'demo.admin@example.com');
    assert.equal(item(org).id, `org:${org.orgId}`);
  });

  test('users come one page at a time, then "Load more..." appends the next page', async () => {
    const org = await demoOrgNode();
    const first = await children(org);
    assert.equal(first.length, 6);
    assert.ok(first.slice(0, 5).every((n) => /^okta:user\+[a-z_]+$/.test(contextValue(n))));
    const more = first[5];
    assert.equal(contextValue(more), 'okta:loadMore');
    assert.equal(item(more).command?.command, 'okta.loadMore');
    await vscode.commands.executeCommand('okta.loadMore', more);
    const second = await children(org);
    assert.equal(second.length, 11);
    assert.deepEqual(second.slice(0, 5).map((n) => n.id), first.slice(0, 5).map((n) => n.id));
    assert.equal(new Set(second.map((n) => n.id)).size, 11, 'node ids are unique');
    assert.ok(second[1].id.startsWith(`org:${org.orgId}/user:`));
  });

  test('a plain filter is a prefix search, shown in the view description and cleared by okta.clearFilter', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'lock');
    const users = await children(org);
    assert.deepEqual(users.map(label), ['Lockie Lockedout']);
    assert.match(item(users[0]).description as string, /^locked out · locked\.out@example\.com$/);
    assert.equal(contextValue(org), 'okta:org+filtered+demo');
    assert.match(services.tree.view.description ?? '', /lock/);
    await vscode.commands.executeCommand('okta.clearFilter', org);
    assert.equal(services.tree.view.description, undefined);
    assert.equal(contextValue(org), 'okta:org+demo');
    assert.equal((await children(org)).length, 6);
  });

  test('an expression filter is passed through as search', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'status eq "LOCKED_OUT"');
    const users = (await children(org)).filter((n) => contextValue(n).startsWith('okta:user'));
    assert.ok(users.length >= 1);
    assert.ok(users.every((n) => contextValue(n) === 'okta:user+locked_out'), users.map(contextValue).join());
  });

  test('deprovisioned users appear only with okta.users.showDeprovisioned', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'deprovisioned.user');
    assert.deepEqual((await children(org)).map(label), ['No users match the filter']);
    await setSetting('users.showDeprovisioned', true);
    try {
      const users = await children(org);
      assert.deepEqual(users.map(contextValue), ['okta:user+deprovisioned']);
    } finally {
      await setSetting('users.showDeprovisioned', undefined);
    }
  });

  test('a user shows factors (icon, status colour, tags) and then the "Supported factors" group', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'pending.factors');
    const [user] = await children(org);
    assert.equal(label(user), 'Penny Pending');
    const nodes = await children(user);
    const group = nodes[nodes.length - 1];
    assert.equal(label(group), 'Supported factors');
    const factors = nodes.slice(0, -1);
    assert.equal(factors.length, 8);
    const sms = factors.find((n) => contextValue(n).includes('+sms'));
    assert.ok(sms);
    assert.equal(contextValue(sms), 'okta:factor+pending_activation+sms+okta+canActivate+canResend');
    assert.equal(label(sms), 'SMS');
    assert.match(String(item(sms).description), /^pending activation · \+1/);
    // At the default sidebar width a row shows ~35 characters: the factor and its status must fit.
    for (const factor of factors) {
      const status = String(item(factor).description).split(' · ')[0];
      assert.match(status, /^(active|pending activation|not setup|enrolled|inactive|expired|disabled)$/, `${label(factor)}: status first`);
      assert.ok(`${label(factor)} ${status}`.length <= 35, `"${label(factor)} ${status}" is cut at the default width`);
    }
    const icon = item(sms).iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'device-mobile');
    assert.equal(icon.color?.id, 'charts.yellow');
    assert.ok(item(sms).tooltip instanceof vscode.MarkdownString);
    const question = factors.find((n) => contextValue(n).includes('+question'));
    assert.ok(question);
    assert.equal(contextValue(question), 'okta:factor+active+question+okta+canVerify+deletable');
    assert.equal((item(question).iconPath as vscode.ThemeIcon).color?.id, 'charts.green');
    assert.ok(sms.id.startsWith(`${user.id}/factor:`));

    const catalog = await children(group);
    assert.ok(catalog.length > 0);
    assert.ok(catalog.every((n) => /^okta:catalogFactor\+/.test(contextValue(n))));
    const enrolledSms = catalog.find((n) => /^okta:catalogFactor\+sms\+okta\+enrolled$/.test(contextValue(n)));
    assert.ok(enrolledSms, catalog.map(contextValue).join());
    assert.equal(item(enrolledSms).description, 'enrolled');
  });

  test('okta.refreshNode on a factor reloads its user; ids stay stable', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'locked.out');
    const [user] = await children(org);
    const before = await children(user);
    assert.equal(before.length, 3);
    assert.match(contextValue(before[0]), /^okta:factor\+/);
    await vscode.commands.executeCommand('okta.refreshNode', before[0]);
    const after = await children(user);
    assert.notEqual(after[0], before[0], 'children were loaded again');
    assert.deepEqual(after.map((n) => n.id), before.map((n) => n.id), 'ids are stable across refreshes');
  });

  test('an open user picks up a change made elsewhere from the System Log poll, without a Refresh', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'locked.out');
    const [user] = await children(org);
    const before = await children(user);
    assert.equal(before.length, 3);
    await services.polling.tick(); // opens the log's cursor
    // Outside the extension's factor service, as the Admin Console or another tool would.
    const target = user.target as { user: { id: string } };
    const client = await services.clientFor(org.orgId);
    const [factor] = await client.listFactors(target.user.id);
    await client.unenrollFactor(target.user.id, factor.id);
    await services.polling.tick();
    await waitUntil('the user reloaded', async () => (await children(user)).length === 2);
    assert.ok(!(await children(user)).some((node) => node.id?.includes(factor.id)));
  });

  test('Copy ID copies a factor id from its node, and Copy Org URL the org URL from an org node', async () => {
    const org = await demoOrgNode();
    services.tree.setFilter(org.orgId, 'locked.out');
    const [user] = await children(org);
    const [factor] = await children(user);
    await vscode.commands.executeCommand('okta.copyId', factor);
    assert.equal(await vscode.env.clipboard.readText(), (factor as TreeNode & { factor: { id: string } }).factor.id);
    await vscode.commands.executeCommand('okta.copyOrgUrl', org);
    assert.equal(await vscode.env.clipboard.readText(), services.registry.get(org.orgId)?.url);
  });

  test('from the palette, Copy Login asks for the user in a quick pick filled from the server', async () => {
    await vscode.env.clipboard.writeText('');
    const done = vscode.commands.executeCommand('okta.copyLogin'); // one org: no org pick
    let copied = '';
    for (let i = 0; i < 50 && !copied; i++) {
      await new Promise((r) => setTimeout(r, 200));
      // Accepting before the page arrived does nothing; keep trying until a user is picked.
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      copied = await vscode.env.clipboard.readText();
    }
    await done;
    assert.equal(copied, 'demo.admin@example.com');
  });

  test('Add an Okta Org from the palette: URL checked as typed, token in a password box, owner shown', async () => {
    const sim = await startOwnSimulator('palette-token-1234');
    const boxes: vscode.InputBoxOptions[] = [];
    const answers = [sim.url, sim.token, 'Palette org'];
    const validations: unknown[] = [];
    stubWindow('showInputBox', async (options: vscode.InputBoxOptions) => {
      boxes.push(options);
      if (boxes.length === 1) {
        for (const typed of ['https://acme-admin.okta.com', 'http://acme.okta.com', sim.url]) validations.push(await options.validateInput?.(typed));
      }
      return answers.shift();
    });
    stubWindow('showQuickPick', async (items: Array<vscode.QuickPickItem & { tokenType?: string }>) => items.find((i) => i.tokenType === 'SSWS'));
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.addOrg');
    const [admin, insecure, valid] = validations as Array<vscode.InputBoxValidationMessage | undefined>;
    assert.equal(admin?.severity, vscode.InputBoxValidationSeverity.Info, 'an -admin URL is accepted with a notice');
    assert.equal(insecure?.severity, vscode.InputBoxValidationSeverity.Error, 'http is refused for a real host');
    assert.equal(valid, undefined);
    assert.equal(boxes[1].password, true);
    const org = services.registry.list().find((o) => o.label === 'Palette org');
    assert.ok(org);
    assert.equal(org.url, sim.url);
    assert.match(shown.join('\n'), /Added "Palette org"\. The token belongs to Demo Admin <demo\.admin@example\.com>\./);
    assert.ok(!shown.join('\n').includes(sim.token), 'the token is never shown');
    await services.registry.remove(org.id);
  });

  test('Add an Okta Org as a service app: key pair generated here, public key registered, DPoP calls, key only in SecretStorage', async () => {
    const sim = await startOwnSimulator('service-app-token-1234');
    const clientId = '0oasimdemoservice001'; // the demo seed's service app
    const inputs = [sim.url, clientId, 'Service app org'];
    stubWindow('showInputBox', async () => inputs.shift());
    const picks: string[] = [];
    stubWindow('showQuickPick', async (items: Array<vscode.QuickPickItem & { tokenType?: string; action?: string }>, options?: vscode.QuickPickOptions) => {
      picks.push(String(options?.title));
      if (options?.canPickMany) return items.filter((i) => i.picked);
      return items.find((i) => i.tokenType === 'serviceApp' || i.action === 'generate');
    });
    const shown: string[] = [];
    let registered = false;
    stubWindow('showInformationMessage', async (text: string, ...rest: unknown[]) => {
      shown.push(text);
      if (!/Register the new public key/.test(text)) return undefined;
      if (!registered) {
        registered = true;
        return 'Copy JWK'; // the dialog comes back after a copy
      }
      const jwk = JSON.parse(await vscode.env.clipboard.readText()) as { d?: string };
      assert.equal(jwk.d, undefined, 'the public JWK has no private member');
      // What the admin does in the Admin Console, through the simulator's control API.
      const added = await fetch(`${sim.url}/sim/service-apps/${clientId}/keys`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(jwk) });
      assert.equal(added.status, 201, await added.text());
      assert.ok(rest.some((r) => typeof r === 'object' && (r as vscode.MessageOptions).modal));
      return 'I added it: check the connection';
    });
    stubWindow('showErrorMessage', async (text: string) => {
      shown.push(`error: ${text}`);
      return undefined;
    });
    await vscode.commands.executeCommand('okta.addOrg');
    assert.ok(!shown.some((t) => t.startsWith('error:')), shown.join('\n'));
    const keyTab = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'okta-public-key');
    assert.ok(keyTab, 'the public key is shown in a tab');
    assert.match(keyTab.getText(), /BEGIN PUBLIC KEY/);
    assert.doesNotMatch(keyTab.getText(), /PRIVATE KEY/);
    const org = services.registry.list().find((o) => o.label === 'Service app org');
    assert.ok(org, shown.join('\n'));
    assert.deepEqual(org.serviceApp?.clientId, clientId);
    assert.deepEqual(org.serviceApp?.scopes, ['okta.users.read', 'okta.users.manage']);
    assert.match(shown.join('\n'), /Added "Service app org" as the service app 0oasimdemoservice001/);
    const secret = await services.context.secrets.get(`okta.token/${org.id}`);
    assert.match(secret ?? '', /^-----BEGIN PRIVATE KEY-----/, 'the private key is in SecretStorage');
    assert.ok(!JSON.stringify(services.context.globalState.get('okta.orgs')).includes('PRIVATE KEY'));
    assert.ok(!shown.join('\n').includes('PRIVATE KEY'));

    const orgNode = (await children()).find((n) => label(n) === 'Service app org');
    assert.ok(orgNode);
    assert.match(String(item(orgNode).description), /^app 0oasimdemoservice001/);
    const users = await children(orgNode);
    const admin = users.find((n) => /Demo Admin/.test(label(n)));
    assert.ok(admin, users.map(label).join(', '));
    const factors = await children(admin);
    assert.ok(factors.length > 0);
    const tokenRequests = await (await fetch(`${sim.url}/sim/requests?method=POST&path=/oauth2/v1/token`)).json() as { count: number };
    assert.ok(tokenRequests.count >= 2, 'the nonce round and the token');

    await services.registry.remove(org.id);
    assert.equal(await services.context.secrets.get(`okta.token/${org.id}`), undefined, 'removing the org deletes its key');
  });

  test('Rename Org, then Remove Org after a modal confirmation (cancel keeps it)', async () => {
    const sim = await startOwnSimulator('rename-token-1234');
    const { org } = await services.registry.add({ label: 'Old name', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    const node = () => children().then((nodes) => nodes.find((n) => (n as { orgId?: string }).orgId === org.id));
    stubWindow('showInputBox', async () => 'New name');
    await vscode.commands.executeCommand('okta.renameOrg', await node());
    assert.equal(label((await node())!), 'New name');

    let confirm: string | undefined = undefined;
    let modal = false;
    stubWindow('showWarningMessage', async (_text: string, options: vscode.MessageOptions) => {
      modal = options.modal === true;
      return confirm;
    });
    await vscode.commands.executeCommand('okta.removeOrg', await node());
    assert.ok(modal, 'the confirmation is modal');
    assert.ok(services.registry.get(org.id), 'dismissing the confirmation keeps the org');
    confirm = 'Remove';
    await vscode.commands.executeCommand('okta.removeOrg', await node());
    assert.equal(services.registry.get(org.id), undefined);
    assert.equal(await node(), undefined);
  });

  test('Update Token keeps the old token when the new one is rejected, and says why', async () => {
    const sim = await startOwnSimulator('update-token-1234');
    const { org } = await services.registry.add({ label: 'Token org', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    stubWindow('showInputBox', async () => 'not-the-right-token');
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.updateToken', { kind: 'org', orgId: org.id });
    assert.match(shown.join('\n'), /Token rejected/);
    assert.ok(!shown.join('\n').includes('not-the-right-token'), 'the token is never shown');
    const users = await (await services.clientFor(org.id)).listUsersPage({ limit: 1 });
    assert.equal(users.users.length, 1, 'the old token still works');
    await services.registry.remove(org.id);
  });

  test('a rejected token shows "Token rejected - update token" in the tree', async () => {
    const sim = await startOwnSimulator('first-token-1234');
    const { org } = await services.registry.add({ label: 'Rejecting org', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    const other = await startOwnSimulator('another-token-5678');
    await services.registry.setUrl(org.id, other.url);
    const node = (await children()).find((n) => label(n) === 'Rejecting org');
    assert.ok(node);
    const [message] = await children(node);
    assert.equal(label(message), 'Token rejected - update token');
    assert.equal(item(message).command?.command, 'okta.updateToken');
    assert.deepEqual(item(message).command?.arguments, [{ kind: 'org', orgId: org.id }]);
    assert.equal(contextValue(node), 'okta:org+error');
    await services.registry.remove(org.id);
  });

  test('an unreachable org shows the reason with a click to retry', async () => {
    const sim = await startOwnSimulator('reachable-token-1234');
    const { org } = await services.registry.add({ label: 'Gone org', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    await sim.close();
    const node = (await children()).find((n) => label(n) === 'Gone org');
    assert.ok(node);
    const [message] = await children(node);
    assert.match(label(message), / - click to retry$/);
    assert.equal(item(message).command?.command, 'okta.refreshNode');
    await services.registry.remove(org.id);
  });

  test('the status bar shows the rate-limit headroom once it drops below 20%', async () => {
    const sim = await startOwnSimulator('limited-token-1234', { rateLimits: { usersPerMinute: 20 } });
    const { org } = await services.registry.add({ label: 'Limited org', url: sim.url, token: sim.token, tokenType: 'SSWS' });
    const client = await services.clientFor(org.id);
    for (let i = 0; i < 16; i++) await client.listUsersPage({ limit: 1 });
    assert.equal(services.rateLimit.warning, undefined, '4 of 20 left is not low yet');
    await client.listUsersPage({ limit: 1 });
    assert.match(services.rateLimit.warning ?? '', /Okta: 3\/20 requests left/);
    await services.registry.remove(org.id);
  });

  test('after a reload the demo org restarts its simulator on first expansion, with a new URL', async () => {
    const before = await demoOrgNode();
    const oldUrl = services.registry.get(before.orgId)?.url;
    await (await services.work()).services.demo.stop(); // what a window reload leaves behind: the record, no simulator
    services.tree.refresh();
    const org = await demoOrgNode();
    const users = await children(org);
    assert.equal(users.length, 6);
    const newUrl = services.registry.get(org.orgId)?.url;
    assert.ok(newUrl && newUrl !== oldUrl, `${oldUrl} -> ${newUrl}`);
  });
});
