// Test users as code in a real extension host, against a simulator over loopback HTTP: a fixtures
// file's Problems at their lines (and gone once fixed), its CodeLens, Plan (the plan tab, reads
// only), Apply (the org then matches: a second plan finds nothing), a missing environment variable
// (nothing sent), a failed step at its line until Retry Failed finishes it, and the export for a
// test run (logins and TOTP secrets, JSON, mode 600). Only the prompts are answered by swapping
// vscode.window functions for the length of one test.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vscode = require('vscode');
import type { RunningSimulator } from '../../../sim';
import type { BulkSummary } from '../../../src/factors/bulkWork';
import type { PlannedFixtures } from '../../../src/fixtures/fixtureWorkflow';
import type { Services } from '../../../src/services';
import { useExtensionWithSimulatorOrg } from '../simulatorOrg';
import { waitUntil } from '../../support/waitUntil';
import { answer, answerInputs, recordMessages, restorePrompts, type Shown } from '../prompts';

const ORG_LABEL = 'Fixtures test org';
const PASSWORD_VAR = 'OKTA_FIXTURES_TEST_PASSWORD';
const SOURCE = 'Okta test users';

// Line numbers (0-based) matter below: alice's sms item is line 8.
const FILE = `version: 1
users:
  - login: alice.fixture@example.com
    firstName: Alice
    lastName: Fixture
    password: { env: ${PASSWORD_VAR} }
    factors:
      - type: google-totp
      - type: sms
        phone: "+15555550123"
  - login: bob.fixture@example.com
    firstName: Bob
    lastName: Fixture
    password: { ask: true }
    factors:
      - type: email
`;

let services: Services;
let sim: RunningSimulator;
let orgId: string;

/** A fixtures file of its own (own folder, so no other test's Problems mix in), opened in an editor. */
async function openFile(text: string, name = 'okta-test-users.yaml'): Promise<vscode.TextDocument> {
  const path = join(mkdtempSync(join(tmpdir(), 'okta-fixtures-')), name);
  writeFileSync(path, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  await vscode.window.showTextDocument(document);
  return document;
}

const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

/** Every write the simulator was asked for since its counts were reset. */
const writes = () => Object.keys(sim.control.requestCounts().counts).filter((key) => !key.startsWith('GET '));

/** Answers the org pick (shown when other suites' orgs are registered too), confirms modals with `modalButton`. */
function answerPrompts(modalButton: string | undefined, extra: (m: Shown) => string | undefined = () => undefined): Shown[] {
  answer('showQuickPick', async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === ORG_LABEL));
  return recordMessages((m) => (m.options?.modal ? modalButton : extra(m)));
}

async function apply(document: vscode.TextDocument): Promise<{ shown: Shown[]; summary: BulkSummary | undefined }> {
  const shown = answerPrompts('Apply');
  answerInputs('Corr3ct-Horse-B4ttery!');
  const summary = await vscode.commands.executeCommand<BulkSummary | undefined>('okta.applyTestUsers', document.uri);
  restorePrompts();
  return { shown, summary };
}

suite('fixtures: test users as code against the simulator', () => {
  useExtensionWithSimulatorOrg(ORG_LABEL, { seed: 'empty' }, (ready) => {
    ({ services, sim, orgId } = ready);
  });

  setup(async () => {
    process.env[PASSWORD_VAR] = 'Tr0ub4dour&3-alice';
    sim.control.resetRequestCounts();
    // The reset org hands out the same ids again: secrets kept by an earlier test would match new factors.
    const { authenticator, passkeyAuthenticator } = (await services.work()).services;
    await authenticator.forgetOrg(orgId);
    await passkeyAuthenticator.forgetOrg(orgId);
  });

  teardown(() => {
    restorePrompts();
    delete process.env[PASSWORD_VAR];
  });

  test('a bad file: each problem at its line in Problems, the commands refuse it, an edit that fixes it clears them', async () => {
    const bad = FILE.replace('type: sms', 'type: smss').replace('bob.fixture@example.com', 'ALICE.fixture@example.com');
    const document = await openFile(bad);
    const problems = await waitUntil('the file\'s problems', () => problemsOf(document.uri).length >= 2 && problemsOf(document.uri));
    assert.deepEqual(problems.map((d) => [d.range.start.line, d.severity, d.message]), [
      [8, vscode.DiagnosticSeverity.Error, 'unknown factor type "smss" (did you mean "sms"?)'],
      [10, vscode.DiagnosticSeverity.Error, 'ALICE.fixture@example.com is listed twice (first on line 3)'],
    ]);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = lenses.filter((lens) => lens.command?.command.startsWith('okta.'));
    assert.deepEqual(ours.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]), [
      [0, 'Plan against an org…', 'okta.planTestUsers'],
      [0, 'Apply…', 'okta.applyTestUsers'],
      [0, 'Export for a test run…', 'okta.exportTestUsers'],
    ]);

    const shown = answerPrompts(undefined);
    assert.equal(await vscode.commands.executeCommand('okta.planTestUsers', document.uri), undefined);
    assert.equal(shown.at(-1)?.text, '2 problems in okta-test-users.yaml: fix them first (line 9: unknown factor type "smss" (did you mean "sms"?)).');
    assert.deepEqual(shown.at(-1)?.buttons, ['Show Problems']);
    assert.deepEqual(writes(), [], 'nothing was sent');
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'okta-plan').length, 0, 'no plan was made');

    const fix = new vscode.WorkspaceEdit();
    fix.replace(document.uri, new vscode.Range(8, 0, 8, document.lineAt(8).text.length), '      - type: sms');
    fix.replace(document.uri, document.lineAt(10).range, '  - login: bob.fixture@example.com');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitUntil('the problems to go once fixed (unsaved)', () => problemsOf(document.uri).length === 0);
  });

  test('plan: the plan tab beside the file lists the users to create and their factors, with reads only', async () => {
    const document = await openFile(FILE);
    const shown = answerPrompts(undefined);
    const planned = await vscode.commands.executeCommand<PlannedFixtures>('okta.planTestUsers', document.uri);
    assert.equal(planned.plan.changes, 5);
    const tab = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'okta-plan' && d.uri.path === `/Plan: okta-test-users.yaml → ${ORG_LABEL}`);
    assert.ok(tab, 'the plan is open');
    assert.equal(tab.languageId, 'okta-plan');
    const lines = tab.getText().split('\n');
    assert.equal(lines[0], `Plan for ${ORG_LABEL} (${services.registry.get(orgId)?.url})`);
    for (const line of [
      `+ create user alice.fixture@example.com (ACTIVE, password from $${PASSWORD_VAR})`,
      '    + enroll Google Authenticator (activated with the built-in authenticator, which keeps the secret)',
      '    + enroll SMS +15555550123 (active)',
      '+ create user bob.fixture@example.com (ACTIVE, password asked when applied)',
      '2 users to create, 3 factors to enroll',
    ]) assert.ok(lines.includes(line), `the plan has "${line}":\n${tab.getText()}`);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === tab), 'shown beside the file');
    assert.deepEqual(shown.map((m) => [m.text, m.buttons]), [[`5 changes to apply to ${ORG_LABEL}.`, ['Apply…']]]);
    assert.deepEqual(writes(), [], 'a plan only reads');
    assert.ok(!tab.getText().includes('Tr0ub4dour'), 'no secret in the plan');
  });

  test('apply: passwords from the environment and a password box, the users created; a second plan finds nothing to do', async () => {
    const document = await openFile(FILE);
    const asked = answerInputs('Corr3ct-Horse-B4ttery!');
    const shown = answerPrompts('Apply');
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.applyTestUsers', document.uri);
    assert.deepEqual(summary.failed.map((f) => `${f.unit.label}: ${f.reason}`), []);
    assert.deepEqual(summary.done.map((d) => d.unit.label), ['alice.fixture@example.com', 'bob.fixture@example.com']);
    const confirm = shown.find((m) => m.options?.modal);
    assert.equal(confirm?.text, `Apply 5 changes to ${ORG_LABEL}?`);
    assert.match(confirm?.options?.detail ?? '', /^Creates 2 users, enrolls 3 factors\./);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.password, true);
    assert.equal(asked[0]?.prompt, 'The password of bob.fixture@example.com (used for this apply only, never kept)');
    assert.ok(shown.every((m) => !m.text.includes('Tr0ub4dour') && !m.text.includes('B4ttery')), 'no secret in a message');

    const client = await services.clientFor(orgId);
    const alice = await client.getUser('alice.fixture@example.com');
    const kinds = (await client.listFactors(alice.id)).map((f) => `${f.factorType}/${f.status}`).sort();
    assert.ok(kinds.includes('token:software:totp/ACTIVE') && kinds.includes('sms/ACTIVE'), kinds.join(', '));

    restorePrompts();
    sim.control.resetRequestCounts();
    const again = answerPrompts(undefined);
    const second = await vscode.commands.executeCommand<PlannedFixtures>('okta.planTestUsers', document.uri);
    assert.equal(second.plan.changes, 0);
    assert.deepEqual(again.map((m) => m.text), [`${ORG_LABEL} already matches the file.`]);
    assert.deepEqual(writes(), []);
  });

  test('a missing environment variable is named, and nothing is sent', async () => {
    delete process.env[PASSWORD_VAR];
    const document = await openFile(FILE);
    const asked = answerInputs();
    const shown = answerPrompts('Apply');
    assert.equal(await vscode.commands.executeCommand('okta.applyTestUsers', document.uri), undefined);
    const error = shown.find((m) => m.level === 'error');
    assert.equal(error?.text, `Apply Test Users: Set ${PASSWORD_VAR} in VS Code's environment (for the password of alice.fixture@example.com), then apply again. Nothing was sent.`);
    assert.equal(asked.length, 0, 'nothing asked before every variable is there');
    assert.deepEqual(writes(), []);
  });

  test('a refused step is shown at its line with what was done before it; Retry Failed finishes the user and clears it', async () => {
    const aliceOnly = FILE.slice(0, FILE.indexOf('  - login: bob'));
    const document = await openFile(aliceOnly);
    // Okta fails alice's first enrollment (Google Authenticator, line 7) once.
    sim.control.addFault({ path: '/api/v1/users/*/factors', method: 'POST', kind: 'status', status: 500, count: 1 });
    answer('showQuickPick', async (items: readonly vscode.QuickPickItem[]) => items.find((i) => i.label === ORG_LABEL));
    // The summary's Retry Failed is pressed once the failure's line has been checked.
    let pressRetry!: (button: string) => void;
    const retryPressed = new Promise<string>((resolve) => { pressRetry = resolve; });
    const messages: string[] = [];
    answer('showWarningMessage', (text: string, ...rest: unknown[]) => {
      messages.push(text);
      if ((rest[0] as vscode.MessageOptions | undefined)?.modal) return Promise.resolve('Apply');
      return rest.includes('Retry Failed') ? retryPressed : Promise.resolve(undefined);
    });
    answer('showInformationMessage', (text: string) => {
      messages.push(text);
      return Promise.resolve(undefined);
    });
    const summary = await vscode.commands.executeCommand<BulkSummary>('okta.applyTestUsers', document.uri);
    assert.equal(summary.failed.length, 1);
    assert.match(summary.failed[0].reason, /^enroll Google Authenticator .*\(1 of 3 steps done before it\)$/);
    const [problem] = await waitUntil('the failure at its line', () => problemsOf(document.uri).length > 0 && problemsOf(document.uri));
    assert.equal(problem.range.start.line, 7);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, new RegExp(`^Apply to ${ORG_LABEL} stopped for alice\\.fixture@example\\.com: enroll Google Authenticator`));
    assert.ok(messages.some((m) => /^Apply Test Users: 0 users done, 1 failed \(alice\.fixture@example\.com: enroll Google Authenticator/.test(m)), messages.join('\n'));

    pressRetry('Retry Failed');
    await waitUntil('the retry to finish the user', () => messages.includes('Apply Test Users: 1 user done.'));
    await waitUntil('the failure\'s diagnostic to go', () => problemsOf(document.uri).length === 0);
    const client = await services.clientFor(orgId);
    const alice = await client.getUser('alice.fixture@example.com');
    const kinds = (await client.listFactors(alice.id)).map((f) => `${f.factorType}/${f.status}`);
    assert.equal(kinds.filter((k) => k === 'token:software:totp/ACTIVE').length, 1, kinds.join(', '));
  });

  test('export for a test run: the file\'s users (one not in the org named), their TOTP secrets, JSON readable by its owner only', async () => {
    const document = await openFile(FILE);
    const { summary } = await apply(document);
    assert.equal(summary?.failed.length, 0);
    const withExtra = await openFile(`${FILE}  - login: nobody.fixture@example.com\n    firstName: No\n    lastName: Body\n`);
    const folder = mkdtempSync(join(tmpdir(), 'okta-export-'));
    const shown = answerPrompts('Choose File…');
    answer('showSaveDialog', async () => vscode.Uri.file(join(folder, 'test-users.json')));
    const written = await vscode.commands.executeCommand<vscode.Uri>('okta.exportTestUsers', withExtra.uri);
    assert.equal(written?.fsPath, join(folder, 'test-users.json'));
    assert.ok(shown.some((m) => m.level === 'warning' && m.text === `Export Test Users: 1 user of okta-test-users.yaml is not in ${ORG_LABEL} and left out: nobody.fixture@example.com. Apply the file to create it.`));
    assert.equal(statSync(written.fsPath).mode & 0o777, 0o600, 'readable by its owner only');
    const exported = JSON.parse(readFileSync(written.fsPath, 'utf8')) as {
      orgUrl: string; users: Array<{ login: string }>; factors: Array<{ login: string; secret: string; period: number; digits: number }>;
    };
    assert.equal(exported.orgUrl, services.registry.get(orgId)?.url);
    assert.deepEqual(exported.users.map((u) => u.login), ['alice.fixture@example.com', 'bob.fixture@example.com']);
    assert.deepEqual(exported.factors.map((f) => [f.login, f.period, f.digits]), [['alice.fixture@example.com', 30, 6]]);
    assert.match(exported.factors[0].secret, /^[A-Z2-7]{16,}$/);
  });
});
