import * as vscode from 'vscode';
import { linkHref } from '../okta/links';
import { isUserFactor, type UserFactor } from '../okta/models';
import { pollPushActivation } from '../okta/pushPolling';
import type { Services } from '../services';
import { withCancellableProgress } from './cancellableProgress';
import { isNotFound, isRateLimited, isWrongPasscode } from '../presentation/errorAdvice';
import { canActivate, canResend, describeFactor, describeUser } from '../presentation/factorDescriptions';
import { linkOnOrg } from '../presentation/orgLink';
import { resolveFactor, type FactorTarget } from './pickers';
import { spacedCode, validityText } from './totpCode';

const RETRY = 'Try again';
const RESEND = 'Send a new code';
/** Okta allows 5 activation attempts per factor in 5 minutes. */
const ACTIVATION_WINDOW_MS = 5 * 60_000;

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

/** The passcode to activate with: the built-in authenticator's code in one click when it holds the secret, else typed. */
async function askPasscode(services: Services, target: FactorTarget, title: string): Promise<string | undefined> {
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
    // The code current when chosen, not when the list was shown.
    if (picked.label === USE_AUTHENTICATOR) return (await services.authenticator.currentCode(orgId, user.id, factor.id)).code;
  }
  return vscode.window.showInputBox({
    title,
    prompt: passcodePrompt(factor),
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (text) => (/^\d{4,10}$/.test(text.trim()) ? undefined : 'The passcode is 4 to 10 digits (usually 6).'),
  }).then((text) => text?.trim());
}

/** Passcode activation (sms, call, email, TOTP), offering another try after a wrong code. */
async function activateWithPasscode(services: Services, target: FactorTarget): Promise<UserFactor | undefined> {
  const { orgId, user, factor } = target;
  const title = `Activate ${describeFactor(factor)} of ${describeUser(user)}`;
  const client = await services.clientFor(orgId);
  for (;;) {
    const passCode = await askPasscode(services, target, title);
    if (!passCode) return undefined;
    try {
      return await withCancellableProgress(`Activating ${describeFactor(factor)}…`, async (signal) => {
        const result = await client.activateFactor(user.id, factor.id, { passCode }, { signal });
        if (!isUserFactor(result)) throw new Error(`Okta answered ${result.factorResult} instead of the activated factor.`);
        return result;
      });
    } catch (err) {
      if (isRateLimited(err)) {
        const later = new Date(Date.now() + ACTIVATION_WINDOW_MS).toLocaleTimeString();
        void vscode.window.showErrorMessage(
          `Too many activation attempts for ${describeFactor(factor)}: Okta allows 5 in 5 minutes and refuses new codes meanwhile. ` +
          `The factor is still pending activation; try again by ${later} at the latest.`);
        return undefined;
      }
      if (!isWrongPasscode(err)) throw err;
      const actions = canResend(factor) ? [RETRY, RESEND] : [RETRY];
      const choice = await vscode.window.showWarningMessage(
        `Wrong passcode: ${describeFactor(factor)} is still pending activation. (Okta allows 5 attempts in 5 minutes.)`, ...actions);
      if (choice === RESEND) await vscode.commands.executeCommand('okta.resendFactor', target);
      if (choice !== RETRY && choice !== RESEND) return undefined;
    }
  }
}

/**
 * Each activation start makes a new QR code; Okta's image link opens in the browser (it carries its
 * own one-time token, not ours). Only links on the org itself are offered.
 */
function offerQrCode(orgUrl: string, href: string | undefined, login: string): void {
  const link = linkOnOrg(orgUrl, href);
  if (!link) return;
  const open = 'Open QR code';
  void vscode.window.showInformationMessage(`Scan the new QR code with Okta Verify on ${login}'s phone to finish activating push.`, open)
    .then((choice) => (choice === open ? vscode.env.openExternal(vscode.Uri.parse(link)) : undefined));
}

/** Push activation: starts it, then polls the link Okta gave until the phone has scanned the QR code. */
async function activatePush(services: Services, target: FactorTarget): Promise<UserFactor | undefined> {
  const { orgId, user, factor } = target;
  const client = await services.clientFor(orgId);
  const instructions = services.demo.isDemoOrg(orgId)
    ? 'In the demo org, choose "Approve" on the simulated phone\'s notification.'
    : 'Scan the new QR code ("Open QR code") with Okta Verify on the phone.';
  const outcome = await withCancellableProgress(`Activating Okta Verify push for ${describeUser(user)}`, async (signal, progress) => {
    progress.report({ message: 'starting…' });
    const started = await client.activateFactor(user.id, factor.id, undefined, { signal });
    if (isUserFactor(started) || started.factorResult !== 'WAITING') return started;
    if (!services.demo.isDemoOrg(orgId)) offerQrCode(target.org.url, linkHref(started._links, 'qrcode'), describeUser(user));
    progress.report({ message: `waiting for the phone. ${instructions}` });
    return pollPushActivation(client, user.id, factor.id, linkHref(started._links, 'poll'), {
      intervalMs: 2000,
      signal,
      onProgress: (_result, elapsedMs) => progress.report({ message: `waiting for the phone (${Math.round(elapsedMs / 1000)} s). ${instructions}` }),
    });
  });
  if (isUserFactor(outcome)) return outcome;
  const result = outcome.factorResult;
  const why = result === 'TIMEOUT' ? 'the phone did not answer in time'
    : result === 'CANCELLED' ? 'it was cancelled on the phone' : `Okta answered ${result}`;
  const choice = await vscode.window.showWarningMessage(
    `Push activation for ${describeUser(user)} did not complete: ${why}. The factor is still pending activation.`, RETRY);
  return choice === RETRY ? activatePush(services, target) : undefined;
}

/**
 * After a failure that is not "try again", a TOTP factor enrolled through VS Code keeps its secret
 * unless the factor is gone: only then can the secret never produce a useful code again.
 */
async function forgetSecretIfFactorGone(services: Services, target: FactorTarget): Promise<void> {
  const { orgId, user, factor } = target;
  if (!(await services.authenticator.has(orgId, user.id, factor.id))) return;
  try {
    await (await services.clientFor(orgId)).getFactor(user.id, factor.id);
  } catch (err) {
    if (isNotFound(err)) await services.authenticator.forget(orgId, user.id, factor.id);
  }
}

/** okta.activateFactor: activates a pending factor with a passcode, or (push) by polling until the phone confirms. */
export async function activateFactor(services: Services, arg?: unknown): Promise<void> {
  const target = await resolveFactor(services, arg, canActivate);
  if (!target) return;
  const { orgId, user, factor } = target;
  try {
    const activated = factor.factorType === 'push'
      ? await activatePush(services, target)
      : await activateWithPasscode(services, target);
    if (activated) {
      void vscode.window.showInformationMessage(`${describeFactor(activated)} of ${describeUser(user)} is now active.`);
    }
  } catch (err) {
    if (factor.factorType === 'token:software:totp') await forgetSecretIfFactorGone(services, target);
    throw err;
  } finally {
    services.tree.refreshUser(orgId, user.id);
  }
}
