import vscode = require('vscode');
import { runCommand } from '../../ui/runCommand';
import { canActivate, canResend } from '../../factors/capabilities';
import type { ActivateOutcome, PushActivationStep } from '../../factors/outcomes';
import type { CommandTarget, FactorTarget } from '../../factors/targets';
import { linkHref } from '../../okta/api/links';
import { waitText } from '../../util/waitText';
import type { UserFactor } from '../../okta/models';
import { describeFactor, describeUser } from '../../presentation/factorDescriptions';
import { linkOnOrg } from '../../presentation/orgLink';
import { withCancellableProgress } from '../cancellableProgress';
import type { CommandServices } from '../commandServices';
import { resolveFactor } from '../pickers';
import { spacedCode, validityText } from '../authenticator/totpCode';

const RETRY = 'Try again';
const RESEND = 'Send a new code';

/** Where the passcode comes from, in the words of the input box. */
function passcodePrompt(factor: UserFactor): string {
  switch (factor.factorType) {
    case 'sms':
      return `The code sent by SMS to ${factor.profile?.phoneNumber ?? 'the phone'}.`;
    case 'call':
      return `The code read out by the call to ${factor.profile?.phoneNumber ?? 'the phone'}.`;
    case 'email':
      return `The code emailed to ${factor.profile?.email ?? 'the user'}.`;
    default:
      return 'The current code of the authenticator app the secret was added to.';
  }
}

const USE_AUTHENTICATOR = '$(key) Use the built-in authenticator';

type PasscodeChoice = { kind: 'typed'; passCode: string } | { kind: 'authenticator' };

/** The built-in authenticator in one click when it holds the secret, else a typed passcode. */
async function askPasscode(services: CommandServices, target: FactorTarget, title: string): Promise<PasscodeChoice | undefined> {
  const { orgId, user, factor } = target;
  if (factor.factorType === 'token:software:totp' && (await services.authenticator.has(orgId, user.id, factor.id))) {
    const preview = await services.authenticator.currentCode(orgId, user.id, factor.id);
    const picked = await vscode.window.showQuickPick(
      [
        { label: USE_AUTHENTICATOR, description: `${spacedCode(preview.code)}, ${validityText(preview)}` },
        { label: '$(edit) Type a passcode…' },
      ],
      { title, placeHolder: 'This factor was enrolled through VS Code: its secret is in the built-in authenticator' },
    );
    if (!picked) return undefined;
    if (picked.label === USE_AUTHENTICATOR) return { kind: 'authenticator' };
  }
  const text = await vscode.window.showInputBox({
    title,
    prompt: passcodePrompt(factor),
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{4,10}$/.test(value.trim()) ? undefined : 'The passcode is 4 to 10 digits (usually 6).'),
  });
  return text?.trim() ? { kind: 'typed', passCode: text.trim() } : undefined;
}

/** Passcode activation (sms, call, email, TOTP), offering another try after a wrong code. */
async function activateWithPasscode(services: CommandServices, target: FactorTarget): Promise<UserFactor | undefined> {
  const { factor } = target;
  const title = `Activate ${describeFactor(factor)} of ${describeUser(target.user)}`;
  for (;;) {
    const choice = await askPasscode(services, target, title);
    if (!choice) return undefined;
    const outcome: ActivateOutcome = await withCancellableProgress(`Activating ${describeFactor(factor)}…`, (signal) =>
      choice.kind === 'authenticator'
        ? services.factors.activateWithAuthenticator(target, signal)
        : services.factors.activate(target, choice.passCode, signal));
    switch (outcome.kind) {
      case 'active':
        return outcome.factor;
      case 'not-active':
        throw new Error(`Okta answered ${outcome.factorResult} instead of the activated factor.`);
      case 'too-many-attempts':
        void vscode.window.showErrorMessage(
          `Too many activation attempts for ${describeFactor(factor)}: Okta allows 5 in 5 minutes and refuses new codes meanwhile. ` +
          `The factor is still pending activation; try again ${waitText(outcome.retryBy.getTime() - Date.now())} at the latest.`);
        return undefined;
      case 'wrong-passcode': {
        const actions = canResend(factor) ? [RETRY, RESEND] : [RETRY];
        const next = await vscode.window.showWarningMessage(
          `Wrong passcode: ${describeFactor(factor)} is still pending activation. (Okta allows 5 attempts in 5 minutes.)`, ...actions);
        if (next === RESEND) await runCommand('okta.resendFactor', target);
        if (next !== RETRY && next !== RESEND) return undefined;
      }
    }
  }
}

/**
 * Each activation start makes a new QR code; Okta's image link opens in the browser (it carries its
 * own one-time token, not ours). Only links on the org itself are offered.
 */
function offerQrCode(orgUrl: string | undefined, href: string | undefined, login: string): void {
  const link = orgUrl ? linkOnOrg(orgUrl, href) : undefined;
  if (!link) return;
  const open = 'Open QR code';
  void vscode.window.showInformationMessage(`Scan the new QR code with Okta Verify on ${login}'s phone to finish activating push.`, open)
    .then((choice) => (choice === open ? vscode.env.openExternal(vscode.Uri.parse(link)) : undefined));
}

/** Push activation: starts it, then waits until the phone has scanned the QR code. */
async function activatePush(services: CommandServices, target: FactorTarget): Promise<UserFactor | undefined> {
  const { orgId, user } = target;
  const demo = services.demo.isDemoOrg(orgId);
  const instructions = demo
    ? 'In the demo org, choose "Approve" on the simulated phone\'s notification.'
    : 'Scan the new QR code ("Open QR code") with Okta Verify on the phone.';
  const outcome: PushActivationStep = await withCancellableProgress(`Activating Okta Verify push for ${describeUser(user)}`, async (signal, progress) => {
    progress.report({ message: 'starting…' });
    const started = await services.factors.startPushActivation(target, signal);
    if (started.kind === 'active' || started.activation.factorResult !== 'WAITING') return started;
    if (!demo) offerQrCode(services.registry.get(orgId)?.url, linkHref(started.activation._links, 'qrcode'), describeUser(user));
    progress.report({ message: `waiting for the phone. ${instructions}` });
    return services.factors.waitForPushActivation(target, started.activation, {
      signal,
      onProgress: (_result, elapsedMs) => progress.report({ message: `waiting for the phone (${Math.round(elapsedMs / 1000)} s). ${instructions}` }),
    });
  });
  if (outcome.kind === 'active') return outcome.factor;
  const result = outcome.activation.factorResult;
  const why = result === 'TIMEOUT' ? 'the phone did not answer in time'
    : result === 'CANCELLED' ? 'it was cancelled on the phone' : `Okta answered ${result}`;
  const choice = await vscode.window.showWarningMessage(
    `Push activation for ${describeUser(user)} did not complete: ${why}. The factor is still pending activation.`, RETRY);
  return choice === RETRY ? activatePush(services, target) : undefined;
}

/** okta.activateFactor: activates a pending factor with a passcode, or (push) by waiting until the phone confirms. */
export async function activateFactor(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const resolved = await resolveFactor(services, selected, canActivate);
  if (!resolved) return;
  const activated = resolved.factor.factorType === 'push'
    ? await activatePush(services, resolved)
    : await activateWithPasscode(services, resolved);
  if (activated) {
    void vscode.window.showInformationMessage(`${describeFactor(activated)} of ${describeUser(resolved.user)} is now active.`);
  }
}
