// The factor commands (details, questions, activate, resend, push transaction, unenroll, TOTP codes)
// in a real extension host, run on real tree nodes against a simulator of our own over loopback HTTP.
// Only the prompts are answered by swapping vscode.window functions for the length of one test.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vscode = require('vscode');
import type { RunningSimulator } from '../../../sim';
import { factorTransactionId } from '../../../src/okta/api/links';
import type { OktaUser, SupportedFactor, UserFactor } from '../../../src/okta/models';
import type { Services } from '../../../src/services';
import type { FactorNode } from '../../../src/tree/factorNode';
import type { TreeNode } from '../../../src/tree/treeNode';
import { useExtensionWithSimulatorOrg } from '../simulatorOrg';
import { waitUntil } from '../../support/waitUntil';
import { answer, answerInputs, recordMessages, restorePrompts } from '../prompts';

const ORG_LABEL = 'Actions test org';

let services: Services;
let sim: RunningSimulator;
let orgId: string;

// ---- Tree and simulator helpers ----

async function orgNode(): Promise<TreeNode> {
  const node = (await services.tree.getChildren()).find((n) => (n as { orgId?: string }).orgId === orgId);
  assert.ok(node, 'the test org is not in the tree');
  return node;
}

/** The user's node (found through the org's user filter) and its factor nodes. */
async function userNodes(login: string): Promise<{ user: TreeNode & { user: OktaUser }; factors: FactorNode[] }> {
  services.tree.setFilter(orgId, login);
  const users = await services.tree.getChildren(await orgNode());
  const user = users.find((n) => (n as { user?: OktaUser }).user?.profile.login === login) as (TreeNode & { user: OktaUser }) | undefined;
  assert.ok(user, `${login} is not in the tree`);
  const factors = (await services.tree.getChildren(user)).filter((n): n is FactorNode => 'factor' in n);
  return { user, factors };
}

async function factorNode(login: string, factorType: string, status?: string): Promise<FactorNode> {
  const node = (await userNodes(login)).factors.find((n) => n.factor.factorType === factorType && (!status || n.factor.status === status));
  assert.ok(node, `${login} has no ${status ?? ''} ${factorType} factor`);
  return node;
}

/** The factor as the simulator holds it now (undefined once deleted), over the extension's client. */
async function serverFactor(node: FactorNode): Promise<UserFactor | undefined> {
  const client = await services.clientFor(orgId);
  return (await client.listFactors(node.user.id)).find((f) => f.id === node.factor.id);
}

/** Lets the built-in authenticator know a seeded TOTP factor's secret, as an enrollment through VS Code would. */
async function rememberSeededSecret(node: FactorNode): Promise<void> {
  const secrets = sim.control.factorSecrets(node.user.id, node.factor.id) as { sharedSecret: string; timeStep: number; digits: number };
  await (await services.work()).services.authenticator.remember(orgId, node.user.id, node.factor.id,
    { sharedSecret: secrets.sharedSecret, encoding: 'base32', timeStep: secrets.timeStep, keyLength: secrets.digits },
    { label: node.user.profile.login, issuer: ORG_LABEL });
}

/**
 * Drives the real user quick pick the palette path opens: types `login` (a server-side search),
 * waits for that user to arrive and accepts it the way a keyboard user would.
 */
function pickUserInPalette(login: string): void {
  const create = vscode.window.createQuickPick.bind(vscode.window);
  answer('createQuickPick', () => {
    const pick = create<vscode.QuickPickItem & { user?: OktaUser }>();
    const show = pick.show.bind(pick);
    pick.show = () => {
      show();
      pick.value = login;
      void (async () => {
        const item = await waitUntil(`${login} in the user pick`, () => pick.items.find((i) => i.user?.profile.login === login), { timeoutMs: 15_000 });
        pick.activeItems = [item];
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      })();
    };
    return pick;
  });
}

suite('actions: factor commands against the simulator', () => {
  useExtensionWithSimulatorOrg(ORG_LABEL, { seed: 'demo' }, (ready) => {
    ({ services, sim, orgId } = ready);
  });

  teardown(() => {
    restorePrompts();
    services.tree.setFilter(orgId, undefined);
  });

  test('Unenroll names user and factor in a modal; "Unenroll and remove recovery phone" deletes both', async () => {
    // This user's only phone is the sms factor's, so no other factor lists it afterwards.
    const node = await factorNode('password.expired@example.com', 'sms');
    const shown = recordMessages((m) => (m.options?.modal ? 'Unenroll and remove recovery phone' : undefined));
    await vscode.commands.executeCommand('okta.unenrollFactor', node);
    const confirm = shown.find((m) => m.options?.modal);
    assert.ok(confirm, 'no modal confirmation');
    assert.equal(confirm.text, `Unenroll SMS ${(node.factor.profile as { phoneNumber: string }).phoneNumber} from password.expired@example.com?`);
    assert.deepEqual(confirm.buttons, ['Unenroll', 'Unenroll and remove recovery phone']);
    assert.equal(await serverFactor(node), undefined, 'the factor is still there');
    const client = await services.clientFor(orgId);
    const smsEntry = (await client.listSupportedFactors(node.user.id)).find((e: SupportedFactor) => e.factorType === 'sms');
    const phones = (smsEntry?._embedded?.phones ?? []) as Array<{ profile: { phoneNumber: string } }>;
    assert.ok(!phones.some((p) => p.profile.phoneNumber === (node.factor.profile as { phoneNumber: string }).phoneNumber), 'the recovery phone is still there');
    assert.match(shown.at(-1)!.text, /^Unenrolled SMS .* and removed the phone from recovery\.$/);
  });

  test('Unenroll without the recovery option keeps the recovery phone', async () => {
    const node = await factorNode('all.factors@example.com', 'sms');
    recordMessages((m) => (m.options?.modal ? 'Unenroll' : undefined));
    await vscode.commands.executeCommand('okta.unenrollFactor', node);
    assert.equal(await serverFactor(node), undefined);
    const client = await services.clientFor(orgId);
    const smsEntry = (await client.listSupportedFactors(node.user.id)).find((e) => e.factorType === 'sms');
    const phones = (smsEntry?._embedded?.phones ?? []) as Array<{ profile: { phoneNumber: string } }>;
    assert.ok(phones.some((p) => p.profile.phoneNumber === (node.factor.profile as { phoneNumber: string }).phoneNumber), 'the recovery phone was removed');
  });

  test('Cancelling the unenroll confirmation changes nothing', async () => {
    const node = await factorNode('all.factors@example.com', 'email');
    const shown = recordMessages(() => undefined);
    await vscode.commands.executeCommand('okta.unenrollFactor', node);
    assert.deepEqual(shown.find((m) => m.options?.modal)?.buttons, ['Unenroll'], 'email has no recovery option');
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
    assert.equal(sim.control.requestCount('DELETE', `/api/v1/users/${node.user.id}/factors/${node.factor.id}`), 0);
  });

  test('Unenroll forgets the built-in authenticator\'s secret of a TOTP factor', async () => {
    const node = await factorNode('all.factors@example.com', 'token:software:totp');
    await rememberSeededSecret(node);
    recordMessages((m) => (m.options?.modal ? 'Unenroll' : undefined));
    await vscode.commands.executeCommand('okta.unenrollFactor', node);
    assert.equal(await serverFactor(node), undefined);
    assert.equal(await (await services.work()).services.authenticator.has(orgId, node.user.id, node.factor.id), false);
  });

  test('A refused unenroll is reported with Okta\'s reason and leaves the factor', async () => {
    const node = await factorNode('all.factors@example.com', 'email');
    sim.control.addFault({ path: `/api/v1/users/${node.user.id}/factors/${node.factor.id}`, method: 'DELETE', kind: 'status', status: 403 });
    const shown = recordMessages((m) => (m.options?.modal ? 'Unenroll' : undefined));
    await vscode.commands.executeCommand('okta.unenrollFactor', node);
    const error = shown.find((m) => m.level === 'error');
    assert.ok(error, 'no error shown');
    assert.match(error.text, /^Unenroll Factor failed: .*HTTP 403/);
    assert.ok(!error.text.includes(sim.token), 'the token leaked into the message');
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
  });

  test('Activate SMS with the code from the outbox makes it ACTIVE', async () => {
    const node = await factorNode('pending.factors@example.com', 'sms');
    const { code } = sim.control.currentCode(node.user.id, node.factor.id);
    const asked = answerInputs(code);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.match(asked[0]?.prompt ?? '', /sent by SMS to \+/);
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
    assert.match(shown.at(-1)!.text, /^SMS .* of pending\.factors@example\.com is now active\.$/);
  });

  test('A wrong activation code keeps the factor pending and offers another try, which can succeed', async () => {
    const node = await factorNode('pending.factors@example.com', 'email');
    const { code } = sim.control.currentCode(node.user.id, node.factor.id);
    const wrong = code === '000000' ? '111111' : '000000';
    answerInputs(wrong, code);
    let pendingAfterWrongCode: string | undefined;
    const shown = recordMessages((m) => (m.level === 'warning' ? 'Try again' : undefined));
    answer('showWarningMessage', async (text: string, ...buttons: string[]) => {
      shown.push({ level: 'warning', text, buttons });
      pendingAfterWrongCode = (await serverFactor(node))?.status;
      return 'Try again';
    });
    await vscode.commands.executeCommand('okta.activateFactor', node);
    const warning = shown.find((m) => m.level === 'warning');
    assert.ok(warning, 'no wrong-code warning');
    assert.match(warning.text, /^Wrong passcode: .* is still pending activation/);
    assert.deepEqual(warning.buttons, ['Try again', 'Send a new code']);
    assert.equal(pendingAfterWrongCode, 'PENDING_ACTIVATION');
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
  });

  test('After five wrong codes Okta\'s rate limit is reported and the factor stays pending', async () => {
    const node = await factorNode('pending.factors@example.com', 'sms');
    const { code } = sim.control.currentCode(node.user.id, node.factor.id);
    const wrong = code === '000000' ? '111111' : '000000';
    answerInputs(wrong, wrong, wrong, wrong, wrong, wrong);
    const shown = recordMessages((m) => (m.level === 'warning' ? 'Try again' : undefined));
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.equal(shown.filter((m) => m.level === 'warning').length, 5);
    const error = shown.find((m) => m.level === 'error');
    assert.ok(error, 'no rate-limit error');
    assert.match(error.text, /^Too many activation attempts .* 5 in 5 minutes/);
    assert.equal((await serverFactor(node))?.status, 'PENDING_ACTIVATION');
  });

  test('Activate TOTP with "Use the built-in authenticator" fills the current code in one pick', async () => {
    const node = await factorNode('pending.factors@example.com', 'token:software:totp');
    await rememberSeededSecret(node);
    const offered: string[] = [];
    answer('showQuickPick', async (items: vscode.QuickPickItem[]) => {
      offered.push(...items.map((i) => i.label));
      return items[0];
    });
    answerInputs();
    recordMessages();
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.equal(offered[0], '$(key) Use the built-in authenticator');
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
  });

  test('Activate push polls until the phone approves', async () => {
    const node = await factorNode('pending.factors@example.com', 'push');
    recordMessages();
    const running = vscode.commands.executeCommand('okta.activateFactor', node);
    await waitUntil('the activation request', () => sim.control.requestCount('POST', `/api/v1/users/${node.user.id}/factors/${node.factor.id}/lifecycle/activate`) > 0, { timeoutMs: 15_000 });
    sim.control.approvePush(node.user.id, node.factor.id);
    await running;
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
  });

  test('A push activation denied on the phone is reported, offers another try and leaves the factor pending', async () => {
    const node = await factorNode('pending.factors@example.com', 'push');
    const activatePath = `/api/v1/users/${node.user.id}/factors/${node.factor.id}/lifecycle/activate`;
    const shown = recordMessages();
    const running = vscode.commands.executeCommand('okta.activateFactor', node);
    await waitUntil('the activation request', () => sim.control.requestCount('POST', activatePath) > 0, { timeoutMs: 15_000 });
    sim.control.denyPush(node.user.id, node.factor.id);
    await running;
    const warning = shown.find((m) => m.level === 'warning');
    assert.ok(warning, 'no warning');
    assert.match(warning.text, /^Push activation for pending\.factors@example\.com did not complete: it was cancelled on the phone\. The factor is still pending activation\.$/);
    assert.deepEqual(warning.buttons, ['Try again']);
    assert.equal((await serverFactor(node))?.status, 'PENDING_ACTIVATION');
  });

  test('Resend sends a new code, then refuses a second resend within the cooldown', async () => {
    const node = await factorNode('pending.factors@example.com', 'call');
    const before = sim.control.outbox({ factorId: node.factor.id }).length;
    const shown = recordMessages();
    answerInputs(''); // no SMS template: Okta's default message
    await vscode.commands.executeCommand('okta.resendFactor', node);
    assert.equal(sim.control.outbox({ factorId: node.factor.id }).length, before + 1);
    assert.match(shown.at(-1)!.text, /^Sent a new code to Voice call .* another code can be sent in 30 s\.$/);
    await vscode.commands.executeCommand('okta.resendFactor', node);
    assert.equal(sim.control.outbox({ factorId: node.factor.id }).length, before + 1, 'a second code was sent');
    assert.match(shown.at(-1)!.text, /^A code was sent to Voice call .* Wait (30|29) more seconds before resending/);
  });

  test('Okta\'s "email recently sent" (E0000118) is explained and starts the local cooldown', async () => {
    // The email factor: the extension's cooldowns outlive sim resets, and the sms one is resent below.
    const node = await factorNode('pending.factors@example.com', 'email');
    const client = await services.clientFor(orgId);
    // A code sent from elsewhere (another tool, another window) moments ago.
    await client.resendEnrollFactor(node.user.id, node.factor.id, { factorType: 'email', provider: 'OKTA', profile: node.factor.profile });
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.resendFactor', node);
    const error = shown.find((m) => m.level === 'error');
    assert.ok(error, 'no error shown');
    assert.match(error.text, /^Resend Enrollment Code failed: .*E0000118.* Wait 5 seconds before sending another code\.$/);
    const resendPath = `/api/v1/users/${node.user.id}/factors/${node.factor.id}/resend`;
    const requests = sim.control.requestCount('POST', resendPath);
    await vscode.commands.executeCommand('okta.resendFactor', node);
    assert.match(shown.at(-1)!.text, /^A code was sent to Email .* Wait [1-5] more seconds? before resending \(Okta allows one every 5 s\)\.$/);
    assert.equal(sim.control.requestCount('POST', resendPath), requests, 'the refused resend still reached the org');
  });

  test('The new code from Resend activates the factor', async () => {
    const node = await factorNode('pending.factors@example.com', 'sms');
    recordMessages();
    answerInputs('');
    await vscode.commands.executeCommand('okta.resendFactor', node);
    const latest = sim.control.outbox({ factorId: node.factor.id }).at(-1);
    assert.equal(latest?.purpose, 'resend');
    answerInputs(latest.code);
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.equal((await serverFactor(node))?.status, 'ACTIVE');
  });

  test('Show Factor Details opens the fresh factor as read-only JSON named after user and factor', async () => {
    const node = await factorNode('all.factors@example.com', 'question');
    await vscode.commands.executeCommand('okta.showFactorDetails', node);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'okta-factor');
    assert.equal(document.languageId, 'json');
    assert.match(document.uri.path, /all\.factors@example\.com · Security question \(.*\)\.json$/);
    const json = JSON.parse(document.getText()) as UserFactor;
    assert.equal(json.id, node.factor.id);
    assert.equal(json.factorType, 'question');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, document.uri.path.slice(1), 'the tab is not titled after user and factor');
    await vscode.window.tabGroups.close(tab);
  });

  test('List Security Questions offers the org\'s questions and copies the picked key', async () => {
    const node = await factorNode('no.factors@example.com', 'question').catch(() => undefined);
    assert.equal(node, undefined);
    const { user } = await userNodes('no.factors@example.com');
    let offered: Array<vscode.QuickPickItem & { question?: string }> = [];
    answer('showQuickPick', async (items: typeof offered) => {
      offered = items;
      return items.find((i) => i.description === 'favorite_art_piece');
    });
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.listSecurityQuestions', user);
    assert.ok(offered.length >= 19, `only ${offered.length} questions offered`);
    assert.ok(offered.some((i) => i.label === 'What is your favorite piece of art?'));
    assert.equal(await vscode.env.clipboard.readText(), 'favorite_art_piece');
    assert.equal(shown.at(-1)?.text, 'Copied the question key "favorite_art_piece".');
  });

  test('Check Push Transaction shows a push verification WAITING, then SUCCESS once approved', async () => {
    const node = await factorNode('all.factors@example.com', 'push', 'ACTIVE');
    const client = await services.clientFor(orgId);
    const started = await client.verifyFactor(node.user.id, node.factor.id);
    const transactionId = factorTransactionId(started);
    assert.ok(transactionId);
    answerInputs(transactionId, transactionId);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.checkPushTransaction', node);
    assert.match(shown.at(-1)!.text, new RegExp(`^Push ${transactionId} for all\\.factors@example\\.com: WAITING`));
    sim.control.approvePush(node.user.id, node.factor.id, transactionId);
    await vscode.commands.executeCommand('okta.checkPushTransaction', node);
    assert.match(shown.at(-1)!.text, /: SUCCESS: approved on the device\.$/);
  });

  test('Copy and Show TOTP Code give the built-in authenticator\'s current code, which the org accepts', async () => {
    const node = await factorNode('all.factors@example.com', 'token:software:totp');
    await rememberSeededSecret(node);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.copyTotpCode', node);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^\d{6}$/);
    assert.match(shown.at(-1)!.text, /^Copied the current code of .* \(valid for \d+ more seconds?\)\.$/);
    const client = await services.clientFor(orgId);
    assert.equal((await client.verifyFactor(node.user.id, node.factor.id, { passCode: copied })).factorResult, 'SUCCESS');
    await vscode.commands.executeCommand('okta.showTotpCode', node);
    assert.match(shown.at(-1)!.text, /^\d{3} \d{3} — current code of .* \(valid for \d+ more seconds?\)\.$/);
    assert.deepEqual(shown.at(-1)!.buttons, ['Copy']);
  });

  test('Copy Playwright / DevTools Credential: a passkey enrolled here, after a modal warning; the key signs a challenge the org accepts', async () => {
    const { user } = await userNodes('no.factors@example.com');
    const work = (await services.work()).services;
    const { factor } = await work.factors.enroll({ orgId, user: user.user }, { factorType: 'webauthn', provider: 'FIDO' }, {});
    assert.equal(factor.status, 'ACTIVE');
    const node = await factorNode('no.factors@example.com', 'webauthn');
    const shown = recordMessages((m) => (m.options?.modal ? 'Copy' : undefined));
    await vscode.commands.executeCommand('okta.copyPlaywrightCredential', node);
    assert.match(shown[0].options?.detail ?? '', /private key/);
    const playwright = JSON.parse(await vscode.env.clipboard.readText()) as { rpId: string; id: string; privateKey: string };
    assert.equal(playwright.rpId, new URL(sim.url).hostname);
    assert.equal(playwright.id, (factor.profile as { credentialId?: string }).credentialId, 'the credential Okta registered');
    await vscode.commands.executeCommand('okta.copyDevtoolsCredential', node);
    const devtools = JSON.parse(await vscode.env.clipboard.readText()) as { credentialId: string; rpId: string; privateKey: string };
    assert.equal(devtools.rpId, playwright.rpId);
    assert.match(devtools.privateKey, /^[A-Za-z0-9+/]+=*$/, 'PKCS#8 in standard base64');
    // Declining the warning copies nothing.
    await vscode.env.clipboard.writeText('untouched');
    recordMessages(() => undefined);
    await vscode.commands.executeCommand('okta.copyPlaywrightCredential', node);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    assert.equal((await work.passkeys.verify({ orgId, user: user.user, factor })).factorResult, 'SUCCESS');

    // Export Test Secrets writes the same credentials for the test run.
    const folder = mkdtempSync(join(tmpdir(), 'okta-passkey-export-'));
    recordMessages((m) => (m.options?.modal ? m.buttons[0] : undefined));
    answer('showSaveDialog', async () => vscode.Uri.file(join(folder, 'secrets.json')));
    await vscode.commands.executeCommand('okta.exportTotpSecrets', user);
    const exported = JSON.parse(readFileSync(join(folder, 'secrets.json'), 'utf8')) as { passkeys: Array<{ login: string; playwright: { id: string } }> };
    assert.deepEqual(exported.passkeys.map((p) => [p.login, p.playwright.id]), [['no.factors@example.com', playwright.id]]);
  });

  test('TOTP codes are refused with a clear message for a factor not enrolled through VS Code', async () => {
    const node = await factorNode('all.factors@example.com', 'token:software:totp');
    await (await services.work()).services.authenticator.forget(orgId, node.user.id, node.factor.id);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.copyTotpCode', node);
    assert.match(shown.at(-1)!.text, /has no secret for .*only TOTP and Custom TOTP factors enrolled through this extension/);
  });
  test('From the palette, Unenroll asks for the user and offers only the factors it can delete', async () => {
    pickUserInPalette('pending.factors@example.com');
    let offered: Array<vscode.QuickPickItem & { factor?: UserFactor }> = [];
    answer('showQuickPick', async (items: typeof offered) => {
      offered = items;
      return items[0];
    });
    recordMessages((m) => (m.options?.modal ? 'Unenroll' : undefined));
    await vscode.commands.executeCommand('okta.unenrollFactor', { kind: 'org', orgId });
    assert.deepEqual(offered.map((i) => i.factor?.factorType), ['question'], 'pending factors cannot be deleted');
    const client = await services.clientFor(orgId);
    const { user } = await userNodes('pending.factors@example.com');
    assert.ok(!(await client.listFactors(user.user.id)).some((f) => f.factorType === 'question'));
  });

  test('From the palette, Activate offers only pending factors it can activate', async () => {
    pickUserInPalette('pending.factors@example.com');
    let offered: Array<vscode.QuickPickItem & { factor?: UserFactor }> = [];
    answer('showQuickPick', async (items: typeof offered) => {
      offered = items;
      return undefined;
    });
    recordMessages();
    await vscode.commands.executeCommand('okta.activateFactor', { kind: 'org', orgId });
    assert.deepEqual(offered.map((i) => i.factor?.factorType).sort(), ['call', 'email', 'push', 'sms', 'token:software:totp']);
  });

  test('A TOTP activation that fails because the factor is gone forgets its secret', async () => {
    const node = await factorNode('pending.factors@example.com', 'token:software:totp');
    await rememberSeededSecret(node);
    sim.control.addFault({ path: `/api/v1/users/${node.user.id}/factors/${node.factor.id}/lifecycle/activate`, method: 'POST', kind: 'status', status: 404 });
    sim.control.addFault({ path: `/api/v1/users/${node.user.id}/factors/${node.factor.id}`, method: 'GET', kind: 'status', status: 404 });
    answer('showQuickPick', async (items: vscode.QuickPickItem[]) => items[0]);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.match(shown.find((m) => m.level === 'error')?.text ?? '', /^Activate Factor failed: /);
    assert.equal(await (await services.work()).services.authenticator.has(orgId, node.user.id, node.factor.id), false);
  });

  test('A TOTP activation that fails while the factor still exists keeps its secret', async () => {
    const node = await factorNode('pending.factors@example.com', 'token:software:totp');
    await rememberSeededSecret(node);
    sim.control.addFault({ path: `/api/v1/users/${node.user.id}/factors/${node.factor.id}/lifecycle/activate`, method: 'POST', kind: 'status', status: 500 });
    answer('showQuickPick', async (items: vscode.QuickPickItem[]) => items[0]);
    const shown = recordMessages();
    await vscode.commands.executeCommand('okta.activateFactor', node);
    assert.match(shown.find((m) => m.level === 'error')?.text ?? '', /^Activate Factor failed: .*HTTP 500/);
    assert.equal(await (await services.work()).services.authenticator.has(orgId, node.user.id, node.factor.id), true);
    await (await services.work()).services.authenticator.forget(orgId, node.user.id, node.factor.id);
  });
});
