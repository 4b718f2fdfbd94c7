// The Enroll and Verify panels in a real extension host against the simulator: each test opens a
// real webview panel and drives the host side of the message protocol as the webview script would
// (posting the same messages), then checks the replies and the simulator's state.
import * as assert from 'node:assert/strict';
import vscode = require('vscode');
import { SEED_ANSWER, type RunningSimulator } from '../../../sim';
import { TotpAuthenticator } from '../../../src/authenticator/totpAuthenticator';
import type { FactorServiceDeps } from '../../../src/factors/factorService';
import type { OktaClient } from '../../../src/okta/client';
import type { OktaUser, UserFactor } from '../../../src/okta/models';
import { openEnrollPanel, type EnrollPanel } from '../../../src/panels/enroll/enrollPanel';
import type { PanelServices } from '../../../src/panels/shared/panelServices';
import type { EnrollForm, EnrollHostMessage } from '../../../src/panels/enroll/protocol';
import type { VerifyHostMessage } from '../../../src/panels/verify/protocol';
import { openVerifyPanel, type VerifyPanel } from '../../../src/panels/verify/verifyPanel';
import { factorWorkflows } from '../../support/factorWorkflows';
import { startSimulatorOrg } from '../simulatorOrg';
import { EXTENSION_ID } from '../../support/extensionId';

const POLL_MS = 100;

type AnyPanel = EnrollPanel | VerifyPanel;
type HostMessage = EnrollHostMessage | VerifyHostMessage;

/** Resolves with the first message the panel posts that matches (subscribe before acting). */
function nextPost<M extends HostMessage>(panel: AnyPanel, match: (m: HostMessage) => m is M, timeoutMs?: number): Promise<M>;
function nextPost(panel: AnyPanel, match: (m: HostMessage) => boolean, timeoutMs?: number): Promise<HostMessage>;
function nextPost(panel: AnyPanel, match: (m: HostMessage) => boolean, timeoutMs = 8000): Promise<HostMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('the panel did not post the expected message in time'));
    }, timeoutMs);
    const subscription = (panel.onDidPost as vscode.Event<HostMessage>)((message) => {
      if (!match(message)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message);
    });
  });
}

const isType = <T extends HostMessage['type']>(type: T) => (m: HostMessage): m is Extract<HostMessage, { type: T }> => m.type === type;

let nextRequestId = 1000;
/** Sends a request as the webview would and returns the host's reply. */
async function request(panel: AnyPanel, message: Record<string, unknown>): Promise<Extract<HostMessage, { type: 'reply' }>> {
  const requestId = nextRequestId++;
  const reply = nextPost(panel, (m): m is Extract<HostMessage, { type: 'reply' }> => m.type === 'reply' && m.requestId === requestId);
  await panel.receive({ ...message, requestId });
  return reply;
}

async function ready<M extends HostMessage>(panel: AnyPanel): Promise<Extract<M, { type: 'state' }>> {
  const state = nextPost(panel, isType('state'));
  await panel.receive({ type: 'ready' });
  return (await state) as Extract<M, { type: 'state' }>;
}

const blankForm: EnrollForm = {
  factorKey: '', question: '', answer: '', phoneNumber: '', phoneExtension: '', email: '', credentialId: '',
  passCode: '', nextPassCode: '', factorProfileId: '', sharedSecret: '', sharedSecretEncoding: '', activate: false, updatePhone: false,
  templateId: '', tokenLifetimeSeconds: '', acceptLanguage: '',
};

suite('webview panels against the simulator', () => {
  let sim: RunningSimulator;
  let services: PanelServices;
  let totp: TotpAuthenticator;
  let withAuthenticator: (authenticator: FactorServiceDeps['totp']) => Pick<PanelServices, 'factors' | 'pushes' | 'passkeys'>;
  let client: OktaClient;
  let orgId: string;
  const refreshed: string[] = [];
  let logLines: string[] = [];
  const panels: AnyPanel[] = [];

  suiteSetup(async () => {
    const started = await startSimulatorOrg();
    ({ sim, orgId, totp } = started);
    const { registry, log } = started;
    logLines = started.logLines;
    client = await registry.clientFor(orgId);
    services = { context: { extensionUri: vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri }, registry, ...workflowsWith(totp), authenticator: totp, log };

    /** The panels' one way to Okta: the real factor workflows on the registry's client; their change events are recorded. */
    function workflowsWith(authenticator: FactorServiceDeps['totp']): Pick<PanelServices, 'factors' | 'pushes' | 'passkeys'> {
      const workflows = factorWorkflows((id) => registry.clientFor(id), { totp: authenticator, issuer: 'Simulator', log: (line) => log.appendLine(line) });
      workflows.changes.event(({ orgId: o, userId: u }) => { refreshed.push(`${o}/${u}`); });
      return workflows;
    }
    withAuthenticator = workflowsWith;
  });

  teardown(() => {
    for (const panel of panels.splice(0)) panel.dispose();
  });

  suiteTeardown(async () => {
    await sim?.close();
  });

  async function user(login: string): Promise<OktaUser> {
    return client.getUser(login);
  }

  async function factorOf(userId: string, factorType: string, provider?: string): Promise<UserFactor | undefined> {
    return (await client.listFactors(userId)).find((f) => f.factorType === factorType && (!provider || f.provider === provider));
  }

  function enrollPanel(u: OktaUser): EnrollPanel {
    const panel = openEnrollPanel(services, { orgId, user: u }, { pollIntervalMs: POLL_MS });
    panels.push(panel);
    return panel;
  }

  function verifyPanel(u: OktaUser, factor: UserFactor): VerifyPanel {
    const panel = openVerifyPanel(services, { orgId, user: u, factor }, { pollIntervalMs: POLL_MS });
    panels.push(panel);
    return panel;
  }

  test('enroll: the state lists the catalog and the org questions, never ids or the token', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    const state = await ready<EnrollHostMessage>(panel);
    const keys = state.catalog.map((e) => e.key);
    for (const key of ['sms/OKTA', 'question/OKTA', 'token:software:totp/GOOGLE', 'push/OKTA']) assert.ok(keys.includes(key), key);
    assert.ok(state.questions.length > 0);
    const passkey = state.catalog.find((e) => e.factorType === 'webauthn');
    assert.deepEqual([passkey?.label, passkey?.unsupportedReason], ['Passkey (software, for test users)', undefined], 'a software passkey is offered');
    assert.match(passkey?.note ?? '', /for test users.* A hardware key or a platform passkey is enrolled in a browser/);
    const json = JSON.stringify(state);
    assert.ok(!json.includes(sim.token), 'token in webview state');
    assert.ok(!json.includes(u.id) && !json.includes(orgId), 'ids in webview state');
  });

  test('enroll: opening the same user twice reveals the one panel', async () => {
    const u = await user('no.factors@example.com');
    const first = enrollPanel(u);
    assert.equal(openEnrollPanel(services, { orgId, user: u }), first);
  });

  test('enroll: a catalog entry node preselects its entry, also when the panel is already open', async () => {
    const u = await user('no.factors@example.com');
    const panel = openEnrollPanel(services, { orgId, user: u, entry: { factorType: 'call', provider: 'OKTA' } });
    panels.push(panel);
    assert.equal((await ready<EnrollHostMessage>(panel)).preselected, 'call/OKTA');
    const reselected = nextPost(panel, isType('state'));
    assert.equal(openEnrollPanel(services, { orgId, user: u, entry: { factorType: 'email', provider: 'OKTA' } }), panel);
    assert.equal(((await reselected) as Extract<EnrollHostMessage, { type: 'state' }>).preselected, 'email/OKTA');
  });

  test('enroll a passkey: the software passkey activates it at once; Verify signs Okta\'s challenge with it', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    const state = await ready<EnrollHostMessage>(panel);
    assert.ok(state.type === 'state' && state.catalog.some((e) => e.key === 'webauthn/FIDO' && e.label === 'Passkey (software, for test users)' && !e.unsupportedReason));
    type ActivationPost = Extract<EnrollHostMessage, { type: 'activation' }>;
    const done = nextPost(panel, (m): m is ActivationPost => m.type === 'activation' && m.activation.kind === 'done');
    const reply = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'webauthn/FIDO' } });
    assert.equal(reply.error, undefined, JSON.stringify(reply.error));
    const step = (await done).activation;
    assert.ok(step.kind === 'done');
    assert.match(step.message, /is enrolled and active, with a software passkey kept in VS Code's secret storage/);
    const passkey = (await factorOf(u.id, 'webauthn'))!;
    assert.equal(passkey.status, 'ACTIVE');

    const verify = verifyPanel(u, passkey);
    assert.equal((await ready<VerifyHostMessage>(verify)).mode, 'passkey');
    const result = nextPost(verify, isType('result'));
    const verified = await request(verify, { type: 'verifyPasskey', headers: { xForwardedFor: '', userAgent: '', acceptLanguage: '' } });
    assert.equal(verified.error, undefined, JSON.stringify(verified.error));
    assert.equal((await result).factorResult, 'SUCCESS');
  });

  test('enroll sms -> PENDING_ACTIVATION with a resend cooldown, then activate with the sent code', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    await ready(panel);
    refreshed.length = 0;
    const activation = nextPost(panel, isType('activation'));
    const reply = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'sms/OKTA', phoneNumber: '+1-555-415-1337' } });
    assert.equal(reply.error, undefined, JSON.stringify(reply.error));
    const step = (await activation).activation;
    assert.equal(step.kind, 'passcode');
    assert.ok(step.kind === 'passcode' && step.resendAvailableAt > Date.now() + 25_000, 'a 30 s cooldown');
    const sms = await factorOf(u.id, 'sms');
    assert.equal(sms?.status, 'PENDING_ACTIVATION');
    assert.deepEqual(refreshed, [`${orgId}/${u.id}`]);

    const early = await request(panel, { type: 'resend' });
    assert.match(early.error?.message ?? '', /Wait \d+ more seconds? before resending/);

    const wrong = await request(panel, { type: 'activate', passCode: '000000' });
    assert.equal(wrong.error?.errorCode, 'E0000068');
    assert.ok(wrong.error?.fields.activationCode, 'the cause sits under the code input');

    const done = nextPost(panel, (m) => m.type === 'activation' && m.activation.kind === 'done');
    const ok = await request(panel, { type: 'activate', passCode: sim.currentCode(u.id, sms.id).code });
    assert.equal(ok.error, undefined, JSON.stringify(ok.error));
    await done;
    assert.equal((await factorOf(u.id, 'sms'))?.status, 'ACTIVE');
  });

  test('enroll TOTP -> local QR and built-in code -> activate with the authenticator -> ACTIVE', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    await ready(panel);
    const activation = nextPost(panel, isType('activation'));
    const code = nextPost(panel, isType('totpCode'));
    const reply = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'token:software:totp/GOOGLE' } });
    assert.equal(reply.error, undefined, JSON.stringify(reply.error));
    const step = (await activation).activation;
    assert.equal(step.kind, 'totp');
    if (step.kind !== 'totp') return;
    assert.match(step.qrDataUrl, /^data:image\/svg\+xml;base64,/);
    assert.match(step.otpauthUri, /^otpauth:\/\/totp\//);
    const factor = await factorOf(u.id, 'token:software:totp', 'GOOGLE');
    assert.equal(factor?.status, 'PENDING_ACTIVATION');
    assert.equal((await code).code, sim.currentCode(u.id, factor.id).code);

    const done = nextPost(panel, (m) => m.type === 'activation' && m.activation.kind === 'done');
    const activated = await request(panel, { type: 'activateWithAuthenticator' });
    assert.equal(activated.error, undefined, JSON.stringify(activated.error));
    await done;
    assert.equal((await factorOf(u.id, 'token:software:totp', 'GOOGLE'))?.status, 'ACTIVE');
  });

  test('enroll Custom TOTP under the non-default profile (SHA-512, 8 digits, 60 s) -> ACTIVE -> verify with the built-in code', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    const state = await ready<EnrollHostMessage>(panel);
    const sha512 = state.profiles.find((p) => p.id === 'fpr1nd8PQhGcQtSxB0g4');
    assert.match(sha512?.label ?? '', /HMacSHA512, 8 digits, 60 s/, 'the org\'s profiles are offered with their settings');
    const done = nextPost(panel, (m) => m.type === 'activation' && m.activation.kind === 'done');
    const form = { ...blankForm, factorKey: 'token:hotp/CUSTOM', factorProfileId: 'fpr1nd8PQhGcQtSxB0g4', activate: true };
    const reply = await request(panel, { type: 'enroll', form });
    assert.equal(reply.error, undefined, JSON.stringify(reply.error));
    await done;
    const custom = (await factorOf(u.id, 'token:hotp'))!;
    assert.equal(custom.status, 'ACTIVE');
    const secrets = sim.control.factorSecrets(u.id, custom.id) as { sharedSecret: string; encoding: string };
    assert.equal(secrets.encoding, 'base32');
    assert.match(secrets.sharedSecret, /^[A-Z2-7]+=*$/, 'a generated secret in the profile\'s encoding');

    const verify = verifyPanel(u, custom);
    assert.equal((await ready<VerifyHostMessage>(verify)).builtInAuthenticator, true);
    const headers = { xForwardedFor: '', userAgent: '', acceptLanguage: '' };
    const filled = nextPost(verify, isType('code'));
    assert.equal((await request(verify, { type: 'builtInCode' })).error, undefined);
    const { code, secondsRemaining } = await filled;
    assert.match(code, /^\d{8}$/);
    assert.ok(secondsRemaining !== undefined && secondsRemaining <= 60, 'a 60 s step');
    const result = nextPost(verify, isType('result'));
    const verified = await request(verify, { type: 'verify', passCode: code, headers });
    assert.equal(verified.error, undefined, JSON.stringify(verified.error));
    assert.equal((await result).factorResult, 'SUCCESS');
    assert.ok((await factorOf(u.id, 'token:hotp'))?.lastVerified, 'Okta records the verification');
  });

  test('enroll push -> live activation status -> ACTIVE once the device scans', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    await ready(panel);
    const activation = nextPost(panel, isType('activation'));
    assert.equal((await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'push/OKTA' } })).error, undefined);
    const step = (await activation).activation;
    assert.equal(step.kind, 'push');
    assert.ok(step.kind === 'push' && step.qrDataUrl?.startsWith('data:image/png;base64,'), 'Okta\'s QR image, fetched by the host');
    assert.deepEqual(step.kind === 'push' && step.sendChannels, ['sms', 'email']);
    const waiting = nextPost(panel, (m) => m.type === 'pushStatus' && m.factorResult === 'WAITING');
    await waiting;
    const done = nextPost(panel, (m) => m.type === 'activation' && m.activation.kind === 'done');
    const push = await factorOf(u.id, 'push');
    sim.approvePush(u.id, push!.id);
    await done;
    assert.equal((await factorOf(u.id, 'push'))?.status, 'ACTIVE');
  });

  test('enroll: a second enroll while an activation is under way is refused and enrolls nothing', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    const state = await ready<EnrollHostMessage>(panel);
    const activation = nextPost(panel, isType('activation'));
    const first = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'email/OKTA', email: u.profile.email ?? '' } });
    assert.equal(first.error, undefined, JSON.stringify(first.error));
    assert.equal((await activation).activation.kind, 'passcode');
    const before = (await client.listFactors(u.id)).length;
    const form = { ...blankForm, factorKey: 'question/OKTA', question: state.questions[0].question, answer: 'a long enough answer' };
    const second = await request(panel, { type: 'enroll', form });
    assert.match(second.error?.message ?? '', /under way/);
    assert.equal((await client.listFactors(u.id)).length, before);
  });

  test('enroll TOTP when the authenticator cannot keep the secret: "enrolled, but ...", the factor stays pending', async () => {
    // Not no.factors: on Identity Engine an earlier test's push activation gave that user an Okta Verify TOTP.
    const u = await user('staged.user@example.com');
    const lockedKeychain: PanelServices = {
      ...services,
      ...withAuthenticator({
        remember: async () => { throw new Error('The OS keychain is locked.'); },
        rememberCustomTotp: async () => { throw new Error('The OS keychain is locked.'); },
        has: totp.has.bind(totp),
        forget: totp.forget.bind(totp),
        forgetOrg: totp.forgetOrg.bind(totp),
        currentCode: totp.currentCode.bind(totp),
        otpauthUri: totp.otpauthUri.bind(totp),
        factorsWithSecrets: totp.factorsWithSecrets.bind(totp),
      }),
    };
    const panel = openEnrollPanel(lockedKeychain, { orgId, user: u }, { pollIntervalMs: POLL_MS });
    panels.push(panel);
    await ready(panel);
    type ActivationPost = Extract<EnrollHostMessage, { type: 'activation' }>;
    const done = nextPost(panel, (m): m is ActivationPost => m.type === 'activation' && m.activation.kind === 'done');
    const reply = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'token:software:totp/OKTA' } });
    assert.equal(reply.error, undefined, 'not "Enroll failed": the factor exists');
    const step = (await done).activation;
    assert.ok(step.kind === 'done');
    assert.match(step.message, /is enrolled \(pending activation\), but .*could not keep the factor's secret: The OS keychain is locked/);
    assert.equal((await factorOf(u.id, 'token:software:totp', 'OKTA'))?.status, 'PENDING_ACTIVATION');
  });

  test('enroll: a short answer is a field error and nothing is enrolled', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    const state = await ready<EnrollHostMessage>(panel);
    const before = (await client.listFactors(u.id)).length;
    const reply = await request(panel, { type: 'enroll', form: { ...blankForm, factorKey: 'question/OKTA', question: state.questions[0].question, answer: 'abc' } });
    assert.deepEqual(reply.error?.fields, { answer: 'The answer needs at least 4 characters (spaces around it do not count).' });
    assert.equal((await client.listFactors(u.id)).length, before);
  });

  test('malformed and unknown messages are rejected, logged and never answered', async () => {
    const u = await user('no.factors@example.com');
    const panel = enrollPanel(u);
    await ready(panel);
    let posted = 0;
    const subscription = panel.onDidPost(() => { posted++; });
    logLines.length = 0;
    await panel.receive({ type: 'enroll', requestId: 1, form: { ...blankForm, factorKey: 'sms/OKTA' }, userId: 'someone-else' });
    await panel.receive({ type: 'unenrollEverything', requestId: 2 });
    await panel.receive('ready');
    subscription.dispose();
    assert.equal(posted, 0);
    assert.equal(logLines.filter((l) => l.includes('rejected a message')).length, 3);
    assert.ok(!logLines.join('\n').includes('someone-else'), 'payloads are not echoed into the log');
  });

  test('verify question: wrong answer shows E0000068, the right one SUCCESS', async () => {
    const u = await user('all.factors@example.com');
    const question = (await factorOf(u.id, 'question'))!;
    const panel = verifyPanel(u, question);
    const state = await ready<VerifyHostMessage>(panel);
    assert.equal(state.mode, 'answer');
    assert.ok(state.prompt && state.prompt.length > 0);
    const headers = { xForwardedFor: '', userAgent: '', acceptLanguage: '' };

    const failure = nextPost(panel, isType('result'));
    const wrong = await request(panel, { type: 'verify', answer: 'not the answer', headers });
    assert.equal(wrong.error?.errorCode, 'E0000068');
    assert.deepEqual([(await failure).factorResult, (await failure).outcome], ['WRONG_ANSWER', 'failure']);

    const success = nextPost(panel, isType('result'));
    const right = await request(panel, { type: 'verify', answer: SEED_ANSWER, headers });
    assert.equal(right.error, undefined, JSON.stringify(right.error));
    assert.deepEqual([(await success).factorResult, (await success).outcome], ['SUCCESS', 'success']);
  });

  test('verify sms: Send code issues a challenge, the sent code verifies', async () => {
    const u = await user('all.factors@example.com');
    const sms = (await factorOf(u.id, 'sms'))!;
    const panel = verifyPanel(u, sms);
    assert.equal((await ready<VerifyHostMessage>(panel)).mode, 'challenge-then-passcode');
    const headers = { xForwardedFor: '203.0.113.9', userAgent: 'webview-test', acceptLanguage: 'fr' };
    const sent = nextPost(panel, isType('challengeSent'));
    assert.equal((await request(panel, { type: 'sendChallenge', headers, challenge: { templateId: 'cstk2tmpl01', tokenLifetimeSeconds: '' } })).error, undefined);
    await sent;
    const message = sim.outbox({ userId: u.id, factorId: sms.id }).pop();
    assert.equal(message?.locale, 'fr');
    assert.equal(message?.templateId, 'cstk2tmpl01', 'the SMS template reached Okta');
    const result = nextPost(panel, isType('result'));
    assert.equal((await request(panel, { type: 'verify', passCode: message.code, headers })).error, undefined);
    assert.equal((await result).factorResult, 'SUCCESS');
  });

  test('verify email: a code lifetime outside 1..86400 s is refused under its input, nothing sent', async () => {
    const u = await user('all.factors@example.com');
    const email = (await factorOf(u.id, 'email'))!;
    const panel = verifyPanel(u, email);
    await ready<VerifyHostMessage>(panel);
    const before = sim.outbox({ userId: u.id, factorId: email.id }).length;
    const headers = { xForwardedFor: '', userAgent: '', acceptLanguage: '' };
    const reply = await request(panel, { type: 'sendChallenge', headers, challenge: { templateId: '', tokenLifetimeSeconds: '0' } });
    assert.match(reply.error?.fields.tokenLifetimeSeconds ?? '', /1 to 86400/);
    assert.equal(sim.outbox({ userId: u.id, factorId: email.id }).length, before);
    const sent = nextPost(panel, isType('challengeSent'));
    assert.equal((await request(panel, { type: 'sendChallenge', headers, challenge: { templateId: '', tokenLifetimeSeconds: '600' } })).error, undefined);
    await sent;
  });

  test('verify push: live status until approved; cancel stops polling and cancels the transaction', async () => {
    const u = await user('all.factors@example.com');
    const push = (await factorOf(u.id, 'push'))!;
    const panel = verifyPanel(u, push);
    assert.equal((await ready<VerifyHostMessage>(panel)).mode, 'push');
    const headers = { xForwardedFor: '', userAgent: 'webview-test', acceptLanguage: '' };

    const waiting = nextPost(panel, (m) => m.type === 'pushStatus' && m.factorResult === 'WAITING');
    const success = nextPost(panel, isType('result'));
    const sendReply = request(panel, { type: 'sendPush', headers });
    await waiting;
    sim.approvePush(u.id, push.id);
    assert.equal((await success).factorResult, 'SUCCESS');
    assert.equal((await sendReply).error, undefined);

    const waitingAgain = nextPost(panel, (m) => m.type === 'pushStatus' && m.factorResult === 'WAITING');
    const cancelled = nextPost(panel, isType('result'));
    const secondSend = request(panel, { type: 'sendPush', headers });
    await waitingAgain;
    const cancelReply = await request(panel, { type: 'cancelPush' });
    assert.equal(cancelReply.error, undefined, JSON.stringify(cancelReply.error));
    assert.equal((await cancelled).factorResult, 'CANCELLED');
    assert.equal((await secondSend).error, undefined);
    const stillWaiting = sim.control.pushChallenges().filter((c) => c.factorId === push.id && c.kind === 'verify');
    assert.deepEqual(stillWaiting, []);
  });

  test('closing a panel aborts its polling and frees the slot', async () => {
    const u = await user('all.factors@example.com');
    const push = (await factorOf(u.id, 'push'))!;
    const panel = verifyPanel(u, push);
    await ready(panel);
    const waiting = nextPost(panel, (m) => m.type === 'pushStatus' && m.factorResult === 'WAITING');
    void request(panel, { type: 'sendPush', headers: { xForwardedFor: '', userAgent: '', acceptLanguage: '' } }).catch(() => undefined);
    await waiting;
    panel.dispose();
    const before = sim.control.requestCounts().total;
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    assert.equal(sim.control.requestCounts().total, before, 'no poll after dispose');
    const reopened = openVerifyPanel(services, { orgId, user: u, factor: push });
    panels.push(reopened);
    assert.notEqual(reopened, panel);
  });
});
