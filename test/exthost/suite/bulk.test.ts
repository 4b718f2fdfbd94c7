// The bulk commands and the hand-off to test automation in a real extension host, on real tree
// nodes against a simulator over loopback HTTP: the multi-select menu shape (clicked, selected[]),
// the matrix panel's shape (undefined, targets[]), refused selections, the one modal confirmation,
// cancel mid-way, Retry Failed, the three enrollments, Copy otpauth URI and Export Test Secrets.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vscode = require('vscode');
import type { RunningSimulator } from '../../../sim';
import type { BulkSummary } from '../../../src/factors/bulkWork';
import type { FactorTarget, UserTarget } from '../../../src/factors/targets';
import type { OktaUser } from '../../../src/okta/models';
import type { Services } from '../../../src/services';
import type { FactorNode } from '../../../src/tree/factorNode';
import type { TreeNode } from '../../../src/tree/treeNode';
import { useExtensionWithSimulatorOrg } from '../simulatorOrg';
import { waitUntil } from '../../support/waitUntil';
import { answer, answerInputs, recordMessages, restorePrompts, type Shown } from '../prompts';

const ORG_LABEL = 'Bulk test org';
const USERS = 12;

let services: Services;
let sim: RunningSimulator;
let orgId: string;

type UserRow = TreeNode & { user: OktaUser };

async function userRows(): Promise<UserRow[]> {
  const org = (await services.tree.getChildren()).find((n) => (n as { orgId?: string }).orgId === orgId);
  assert.ok(org, 'the test org is not in the tree');
  const rows = (await services.tree.getChildren(org)) as UserRow[];
  return rows.filter((n) => n.user?.profile.login.endsWith('@scale.example.com'));
}

async function factorRows(row: UserRow): Promise<FactorNode[]> {
  return (await services.tree.getChildren(row)).filter((n): n is FactorNode => 'factor' in n);
}

async function serverFactorCount(userId: string): Promise<number> {
  return (await (await services.clientFor(orgId)).listFactors(userId)).length;
}

/** Confirms every modal with its first button and records everything shown. */
const confirmAll = (extra: (m: Shown) => string | undefined = () => undefined): Shown[] =>
  recordMessages((m) => (m.options?.modal ? m.buttons[0] : extra(m)));

/** Presses `button` on the first message that offers it, and nothing after. */
function pressOnce(button: string): (m: Shown) => string | undefined {
  let pressed = false;
  return (m) => {
    if (pressed || !m.buttons.includes(button)) return undefined;
    pressed = true;
    return button;
  };
}

const summaryOf = (shown: Shown[]): Shown | undefined => shown.find((m) => !m.options?.modal && /: \d+ users? done/.test(m.text));

/** Resets the users' factors through the command (confirmed), so a test starts from no factor. */
async function resetThrough(rows: readonly UserRow[]): Promise<void> {
  confirmAll();
  const summary = await vscode.commands.executeCommand<BulkSummary>('okta.resetFactors', undefined, rows.map((r) => ({ kind: 'user', orgId, user: r.user })));
  assert.equal(summary.done.length, rows.length);
  restorePrompts();
}

suite('bulk: multi-select commands against the simulator', () => {
  useExtensionWithSimulatorOrg(ORG_LABEL, { seed: `scale:${USERS}`, engine: 'classic', rateLimits: { usersPerMinute: 12, windowSeconds: 1 } }, (ready) => {
    ({ services, sim, orgId } = ready);
  });

  teardown(() => restorePrompts());

  test('Reset Factors as a multi-select menu runs it (clicked, selected[]): one modal with count and sample, a summary, factors gone', async () => {
    const rows = (await userRows()).slice(0, 3);
    const shown = confirmAll();
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.resetFactors', rows[0], rows);
    const modals = shown.filter((m) => m.options?.modal);
    assert.equal(modals.length, 1);
    assert.equal(modals[0].text, 'Reset all factors of 3 users?');
    assert.ok(modals[0].options?.detail?.startsWith(rows.map((r) => r.user.profile.login).join(', ')), modals[0].options?.detail);
    assert.equal(summary.done.length, 3);
    assert.equal(summaryOf(shown)?.text, 'Reset Factors: 3 users done.');
    assert.deepEqual(summaryOf(shown)?.buttons, ['Show Log']);
    for (const row of rows) assert.equal(await serverFactorCount(row.user.id), 0);
  });

  test('Unenroll with plain factor targets (the matrix panel\'s call): "Unenroll 4 factors from 2 users?", one DELETE each', async () => {
    const rows = (await userRows()).slice(0, 2);
    const targets: FactorTarget[] = [];
    for (const row of rows) {
      for (const node of (await factorRows(row)).filter((n) => n.factor.factorType === 'sms' || n.factor.factorType === 'email')) {
        targets.push({ kind: 'factor', orgId, user: row.user, factor: node.factor });
      }
    }
    const shown = confirmAll();
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.unenrollFactors', undefined, JSON.parse(JSON.stringify(targets)));
    assert.equal(shown.find((m) => m.options?.modal)?.text, 'Unenroll 4 factors from 2 users?');
    assert.deepEqual(summary.done.map((d) => d.note), ['2 factors unenrolled', '2 factors unenrolled']);
    for (const t of targets) assert.equal(sim.control.requestCount('DELETE', `/api/v1/users/${t.user.id}/factors/${t.factor.id}`), 1);
  });

  test('refused selections say why and send nothing: malformed, mixed kinds, two orgs', async () => {
    const [row] = await userRows();
    const [factor] = await factorRows(row);
    const shown = confirmAll();
    await vscode.commands.executeCommand('okta.resetFactors', undefined, [{ kind: 'user', orgId }]);
    assert.match(shown.at(-1)!.text, /Reset Factors\.\.\.: the selection it was given is not a list of orgs, users or factors\./);
    const mixed = [{ kind: 'user', orgId, user: row.user }, { kind: 'factor', orgId, user: row.user, factor: factor.factor }];
    await vscode.commands.executeCommand('okta.resetFactors', undefined, mixed);
    assert.equal(shown.at(-1)!.text, 'Reset Factors works on users: 1 of the 2 selected items is not a user. Select users only.');
    await vscode.commands.executeCommand('okta.unenrollFactors', undefined, [{ kind: 'factor', orgId, user: row.user, factor: factor.factor }, { kind: 'factor', orgId: 'other-org', user: row.user, factor: factor.factor }]);
    assert.equal(shown.at(-1)!.text, 'Unenroll Factors works on one org at a time: the selection spans 2 orgs.');
    assert.equal(shown.filter((m) => m.options?.modal).length, 0, 'no confirmation was asked');
    assert.equal(sim.control.requestCount('POST', `/api/v1/users/${row.user.id}/lifecycle/reset_factors`), 0, 'no reset was sent');
    assert.equal(sim.control.requestCount('DELETE', `/api/v1/users/${row.user.id}/factors/${factor.factor.id}`), 0, 'no unenroll was sent');
  });

  test('declining the confirmation changes nothing', async () => {
    const rows = await userRows();
    const shown = recordMessages(() => undefined);
    const summary = await vscode.commands.executeCommand('okta.resetFactors', undefined, rows.map((r): UserTarget => ({ kind: 'user', orgId, user: r.user })));
    assert.equal(summary, undefined);
    assert.match(shown[0].text, /^Reset all factors of 12 users\?$/);
    assert.match(shown[0].options?.detail ?? '', / and 9 more\n/);
    for (const row of rows) assert.equal(sim.control.requestCount('POST', `/api/v1/users/${row.user.id}/lifecycle/reset_factors`), 0);
  });

  test('cancel mid-way: started users finish, the rest are skipped and untouched; Run the Rest runs exactly those', async () => {
    const rows = await userRows();
    let runs = 0;
    answer('withProgress', (_options: vscode.ProgressOptions, task: (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Thenable<unknown>) => {
      const source = new vscode.CancellationTokenSource();
      const cancelling = ++runs === 1;
      let reports = 0;
      return task({ report: () => { if (cancelling && ++reports === 3) source.cancel(); } }, source.token); // after 2 of 12
    });
    const shown = confirmAll(pressOnce('Run the Rest'));
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.resetFactors', rows[0], rows);
    assert.equal(summary.done.length + summary.failed.length + summary.skipped.length, rows.length);
    assert.ok(summary.skipped.length >= rows.length - 5, `skipped ${summary.skipped.length}`);
    assert.match(summaryOf(shown)!.text, new RegExp(`, ${summary.skipped.length} skipped \\(cancelled before they started\\)\\.$`));
    const done = new Set(summary.done.map((d) => d.unit.userId));
    for (const row of rows) assert.equal(sim.control.requestCount('POST', `/api/v1/users/${row.user.id}/lifecycle/reset_factors`), done.has(row.user.id) ? 1 : 0, row.user.profile.login);
    const rest = await waitUntil('the rest\'s summary', () => shown.filter((m) => /^Reset Factors: /.test(m.text))[1], { timeoutMs: 15_000 });
    assert.equal(rest.text, `Reset Factors: ${summary.skipped.length} users done.`);
    for (const row of rows) {
      assert.equal(sim.control.requestCount('POST', `/api/v1/users/${row.user.id}/lifecycle/reset_factors`), 1, `${row.user.profile.login}: reset once, by the run or by the rest`);
      assert.equal(await serverFactorCount(row.user.id), 0);
    }
  });

  test('a failed user is named with the reason; Retry Failed runs that user only', async () => {
    const rows = (await userRows()).slice(0, 2);
    sim.control.addFault({ path: `/api/v1/users/${rows[1].user.id}/lifecycle/reset_factors`, method: 'POST', kind: 'status', status: 503, count: 1 });
    const shown = confirmAll(pressOnce('Retry Failed'));
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.resetFactors', undefined, rows.map((r) => ({ kind: 'user', orgId, user: r.user })));
    assert.deepEqual(summary.failed.map((f) => f.unit.label), [rows[1].user.profile.login]);
    const summaries = await waitUntil('the retry\'s summary', () => {
      const all = shown.filter((m) => /^Reset Factors: /.test(m.text));
      return all.length >= 2 ? all : undefined;
    }, { timeoutMs: 15_000 });
    assert.match(summaries[0].text, /^Reset Factors: 1 user done, 1 failed \(/);
    assert.equal(summaries[1].text, 'Reset Factors: 1 user done.', 'the retry ran the failed user only');
    assert.equal(sim.control.requestCount('POST', `/api/v1/users/${rows[0].user.id}/lifecycle/reset_factors`), 1);
    assert.equal(sim.control.requestCount('POST', `/api/v1/users/${rows[1].user.id}/lifecycle/reset_factors`), 2);
  });

  test('a refusal a retry cannot change (an unknown user) is not offered for retry, and the summary says so', async () => {
    const [row] = await userRows();
    const ghost: UserTarget = { kind: 'user', orgId, user: { ...row.user, id: '00ughost0000000000000', profile: { ...row.user.profile, login: 'ghost@scale.example.com' } } };
    const shown = confirmAll();
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.resetFactors', undefined, [ghost]);
    assert.deepEqual(summary.failed.map((f) => [f.unit.label, f.retryable]), [['ghost@scale.example.com', false]]);
    assert.match(summaryOf(shown)!.text, /^Reset Factors: 0 users done, 1 failed \(ghost@scale\.example\.com: .*; a retry cannot change this\)\.$/);
    assert.deepEqual(summaryOf(shown)!.buttons, ['Show Log']);
  });

  test('enroll a security question on the selected users: asked once, the answer never shown', async () => {
    const rows = (await userRows()).slice(0, 3);
    await resetThrough(rows);
    const picks: string[] = [];
    answer('showQuickPick', async (items: Array<vscode.QuickPickItem & { question?: string }>, options?: vscode.QuickPickOptions) => {
      picks.push(options?.title ?? '');
      return items.find((i) => i.label === 'Security question') ?? items.find((i) => i.question === 'disliked_food');
    });
    const asked = answerInputs('mayonnaise');
    const shown = confirmAll();
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.enrollFactorOnUsers', rows[0], rows);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.password, true);
    assert.deepEqual(picks, ['Enroll on 3 users', 'Security question for every user']);
    assert.equal(shown.find((m) => m.options?.modal)?.text, 'Enroll Security question on 3 users?');
    assert.equal(summary.done.length, 3, JSON.stringify(summary.failed.map((f) => f.reason)));
    assert.ok(shown.every((m) => !m.text.includes('mayonnaise') && !m.options?.detail?.includes('mayonnaise')));
  });

  test('Google Authenticator on the selected users, then Copy otpauth URI and Export Test Secrets (.json; .txt refused)', async () => {
    const rows = (await userRows()).slice(0, 2);
    await resetThrough(rows);
    answer('showQuickPick', async (items: vscode.QuickPickItem[]) => items.find((i) => i.label === 'Google Authenticator'));
    let shown = confirmAll();
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.enrollFactorOnUsers', undefined, rows.map((r) => ({ kind: 'user', orgId, user: r.user })));
    assert.deepEqual(summary.done.map((d) => d.note), ['Google Authenticator enrolled and activated', 'Google Authenticator enrolled and activated']);

    services.tree.refreshOrg(orgId);
    const [totpRow] = await factorRows((await userRows())[0]);
    assert.equal(totpRow.factor.status, 'ACTIVE');
    await vscode.commands.executeCommand('okta.copyOtpauthUri', totpRow);
    const uri = await vscode.env.clipboard.readText();
    assert.match(uri, /^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    assert.match(shown.at(-1)!.text, /^Copied the otpauth URI of Google Authenticator of user01@scale\.example\.com\. It holds the factor's secret/);

    const folder = mkdtempSync(join(tmpdir(), 'okta-export-'));
    restorePrompts();
    shown = confirmAll();
    answer('showSaveDialog', async () => vscode.Uri.file(join(folder, 'secrets.txt')));
    assert.equal(await vscode.commands.executeCommand('okta.exportTotpSecrets', undefined, rows.map((r) => ({ kind: 'user', orgId, user: r.user }))), undefined);
    assert.match(shown.at(-1)!.text, /name the file with \.env or \.json/);
    assert.deepEqual(readdirSync(folder), [], 'nothing written');

    restorePrompts();
    shown = confirmAll();
    answer('showSaveDialog', async () => vscode.Uri.file(join(folder, 'secrets.json')));
    await vscode.commands.executeCommand('okta.exportTotpSecrets', rows[0], rows);
    const warning = shown.find((m) => m.options?.modal);
    assert.equal(warning?.text, 'Export the secrets of 2 factors (2 users) to a file?');
    assert.match(warning?.options?.detail ?? '', /holds secrets/);
    assert.deepEqual(readdirSync(folder), ['secrets.json'], 'no temp file left behind');
    assert.equal(statSync(join(folder, 'secrets.json')).mode & 0o777, 0o600, 'readable by its owner only');
    const exported = JSON.parse(readFileSync(join(folder, 'secrets.json'), 'utf8')) as { org: string; factors: Array<{ login: string; otpauthUri: string; secret: string }> };
    assert.equal(exported.org, ORG_LABEL);
    assert.deepEqual(exported.factors.map((f) => f.login).sort(), rows.map((r) => r.user.profile.login).sort());
    assert.ok(exported.factors.some((f) => f.otpauthUri === uri));
    assert.ok(shown.every((m) => !m.text.includes(exported.factors[0].secret)), 'no secret in a message');

    // One factor unenrolled behind the extension's back (as in the Admin Console): its kept secret is left out.
    const gone = (await factorRows((await userRows())[1])).find((r) => r.factor.factorType === 'token:software:totp');
    assert.ok(gone);
    // The bare client (paced like every call here), not the factor service: the authenticator is not told.
    await (await services.clientFor(orgId)).unenrollFactor(gone.user.id, gone.factor.id);
    restorePrompts();
    shown = confirmAll();
    answer('showSaveDialog', async () => vscode.Uri.file(join(folder, 'live.json')));
    await vscode.commands.executeCommand('okta.exportTotpSecrets', rows[0], rows);
    const live = JSON.parse(readFileSync(join(folder, 'live.json'), 'utf8')) as { factors: Array<{ factorId: string }> };
    assert.deepEqual(live.factors.map((f) => f.factorId), exported.factors.map((f) => (f as unknown as { factorId: string }).factorId).filter((id) => id !== gone.factor.id),
      'the unenrolled factor is left out, the other exported');
    assert.match(shown.at(-1)!.text, /^Exported 1 TOTP secret to .* 1 kept secret left out: its factor is no longer enrolled in Okta\.$/);
  });
});
