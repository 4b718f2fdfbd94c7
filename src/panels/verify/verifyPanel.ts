// The Verify panel of one factor: issue an sms/call/email challenge then check the code, check a
// TOTP/HOTP/token code (the built-in authenticator can fill it in) or a security answer, or send a push
// and follow it live until the user answers it, it times out, or the tester cancels.
import type { VerifyOutcome as FactorVerifyOutcome } from '../../factors/outcomes';
import type { OktaUser, UserFactor, VerifyFactorOptions, VerifyFactorResult } from '../../okta/models';
import { factorTypeLabel } from '../../factors/names';
import { PanelInputError } from '../shared/errorView';
import { PanelRegistry } from '../shared/panelRegistry';
import { DEFAULT_POLL_INTERVAL_MS, type PanelTiming } from '../shared/panelTiming';
import type { PanelServices } from '../shared/panelServices';
import {
  parseVerifyMessage, type ChallengeOptions, type VerifyHeaders, type VerifyHostMessage, type VerifyMode, type VerifyOutcome, type VerifyState,
  type VerifyWebviewMessage,
} from './protocol';
import { VERIFY_BODY } from './verifyMarkup';
import { verifyModeOf } from './verifyMode';
import { WebviewPanelBase } from '../shared/webviewPanelBase';

export interface VerifyTarget {
  orgId: string;
  user: OktaUser;
  factor: UserFactor;
}

const RESULT_MESSAGES: Record<string, string> = {
  SUCCESS: 'Verified.',
  CHALLENGE: 'Okta issued a new challenge; verify again.',
  REJECTED: 'The user denied the push.',
  TIMEOUT: 'Not answered in time.',
  EXPIRED: 'The challenge expired; send a new one.',
  FAILED: 'Verification failed.',
  PASSCODE_REPLAYED: 'That code was already used in this time window; wait for the next one.',
  TIME_WINDOW_EXCEEDED: 'The code is valid but outside the allowed time window; use the current one.',
  ERROR: 'Okta reported an error.',
  CANCELLED: 'Cancelled.',
  CANCELED: 'Cancelled.',
};

export class VerifyPanel extends WebviewPanelBase<VerifyWebviewMessage, VerifyHostMessage> {

  constructor(services: PanelServices, private readonly target: VerifyTarget, private readonly timing: PanelTiming = {}) {
    super(services, target.orgId, {
      viewType: 'okta.verifyFactor',
      title: `Verify: ${factorTypeLabel(target.factor)} (${target.user.profile.login})`,
      script: 'verify',
      body: VERIFY_BODY,
      parse: parseVerifyMessage,
    });
  }

  private get ids(): [string, string, string] {
    return [this.orgId, this.target.user.id, this.target.factor.id];
  }

  protected async snapshot(): Promise<VerifyState> {
    const { factor, user } = this.target;
    const { mode, prompt } = verifyModeOf(factor);
    return {
      type: 'state',
      userLabel: user.profile.login,
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      factorLabel: factorTypeLabel(factor),
      factorStatus: factor.status,
      mode,
      prompt,
      builtInAuthenticator: await this.holdsSecret(),
      nextPassCode: asksForNextPassCode(factor),
    };
  }

  protected async handle(message: Exclude<VerifyWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'sendChallenge':
        return this.answer(message.requestId, 'Send code', ['tokenLifetimeSeconds'], () => this.sendChallenge(message.headers, message.challenge));
      case 'verify':
        return this.answer(message.requestId, 'Verify', ['passCode', 'nextPassCode', 'answer'], () => this.verify(message));
      case 'sendPush':
        return this.answer(message.requestId, 'Push', [], () => this.sendPush(message.headers));
      case 'cancelPush':
        return this.answer(message.requestId, 'Cancel push', [], () => this.cancelPush());
      case 'verifyPasskey':
        return this.answer(message.requestId, 'Verify', [], async () => {
          this.requireMode('passkey');
          this.showOutcome(await this.services.passkeys.verify(this.target, verifyOptions(message.headers), this.signal));
        });
      case 'builtInCode':
        return this.answer(message.requestId, 'Built-in authenticator', [], async () => {
          // TOTP and Custom TOTP alike: the code of now, under the factor's own settings.
          const { code, secondsRemaining } = await this.services.authenticator.currentCode(...this.ids);
          this.post({ type: 'code', code, secondsRemaining });
        });
    }
  }

  /** The built-in authenticator can produce this factor's codes. */
  private async holdsSecret(): Promise<boolean> {
    switch (this.target.factor.factorType) {
      case 'token:software:totp':
      case 'token:hotp':
        return this.services.authenticator.has(...this.ids);
      default: return false;
    }
  }

  private requireMode(...modes: VerifyMode[]): void {
    if (!modes.includes(verifyModeOf(this.target.factor).mode)) {
      throw new PanelInputError(`${factorTypeLabel(this.target.factor)} is not verified that way.`);
    }
  }

  private async sendChallenge(headers: VerifyHeaders, challenge: ChallengeOptions): Promise<void> {
    this.requireMode('challenge-then-passcode');
    const outcome = await this.services.factors.sendChallenge(this.target, { ...verifyOptions(headers), ...challengeOptions(challenge) }, this.signal);
    if (outcome.factorResult !== 'CHALLENGE') return this.showOutcome(outcome);
    const factor = this.target.factor;
    const to = factor.factorType === 'email' ? factor.profile?.email : (factor.profile as { phoneNumber?: string } | undefined)?.phoneNumber;
    this.post({ type: 'challengeSent', message: `Okta sent a code${to ? ` to ${to}` : ''}. Enter it below.` });
  }

  private async verify(message: Extract<VerifyWebviewMessage, { type: 'verify' }>): Promise<void> {
    const { mode } = verifyModeOf(this.target.factor);
    this.requireMode('challenge-then-passcode', 'passcode', 'answer');
    const nextPassCode = asksForNextPassCode(this.target.factor) ? message.nextPassCode?.trim() || undefined : undefined;
    const body = mode === 'answer' ? { answer: message.answer ?? '' } : { passCode: (message.passCode ?? '').trim(), nextPassCode };
    if ((body.answer ?? body.passCode) === '') {
      const field = mode === 'answer' ? 'answer' : 'passCode';
      throw new PanelInputError(`Enter the ${mode === 'answer' ? 'answer' : 'code'}.`, { [field]: 'Required.' });
    }
    const outcome = await this.services.factors.verify(this.target, body, verifyOptions(message.headers), this.signal);
    this.showOutcome(outcome);
    // A wrong code is a result, not a crash; Okta's error also answers the request, its cause under the input.
    if (outcome.error) throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  }

  /** Sends the push and keeps the request open while it is followed, so the webview stays in "waiting". */
  private async sendPush(headers: VerifyHeaders): Promise<void> {
    this.requireMode('push');
    const outcome = await this.services.pushes.verify(this.target, verifyOptions(headers), {
      intervalMs: this.timing.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      signal: this.signal,
      onProgress: (result) => this.postPushStatus(result),
    });
    // A push stopped by Cancel is reported by cancelPush.
    if (!outcome.stoppedByCancel) this.showOutcome(outcome);
  }

  /** Stops following the push, then cancels the transaction on Okta. */
  private async cancelPush(): Promise<void> {
    const how = await this.services.pushes.cancel(this.target, this.signal);
    this.showResult('CANCELLED', how === 'cancelled' ? 'Push cancelled.' : 'Stopped following the push. It stays on the device until it expires.');
  }

  private postPushStatus(result: VerifyFactorResult): void {
    const correctAnswer = result._embedded?.challenge?.correctAnswer;
    this.post({
      type: 'pushStatus',
      factorResult: result.factorResult,
      message: result.factorResult === 'WAITING' ? 'Push sent. Waiting for the user to answer it in Okta Verify...' : RESULT_MESSAGES[result.factorResult] ?? result.factorResult,
      correctAnswer: typeof correctAnswer === 'number' ? correctAnswer : undefined,
    });
  }

  private showOutcome(outcome: FactorVerifyOutcome): void {
    this.post({
      type: 'result', factorResult: outcome.factorResult, outcome: outcome.verdict,
      message: outcome.errorMessage ?? RESULT_MESSAGES[outcome.factorResult] ?? `Okta answered ${outcome.factorResult}.`,
    });
  }

  private showResult(factorResult: string, message?: string): void {
    const outcome: VerifyOutcome = factorResult === 'SUCCESS' ? 'success' : factorResult === 'WAITING' || factorResult === 'CHALLENGE' ? 'pending' : 'failure';
    this.post({ type: 'result', factorResult, outcome, message: message ?? RESULT_MESSAGES[factorResult] ?? `Okta answered ${factorResult}.` });
  }
}

/** Symantec VIP verifies with two consecutive codes. */
function asksForNextPassCode(factor: UserFactor): boolean {
  return factor.factorType === 'token' && String(factor.provider).toUpperCase() === 'SYMANTEC';
}

/** The challenge options Okta takes, checked here: a lifetime outside 1..86400 s is refused before sending. */
function challengeOptions(challenge: ChallengeOptions): VerifyFactorOptions {
  const options: VerifyFactorOptions = {};
  if (challenge.templateId) options.templateId = challenge.templateId;
  if (challenge.tokenLifetimeSeconds) {
    const seconds = Number(challenge.tokenLifetimeSeconds);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
      throw new PanelInputError('The code lifetime is a whole number of seconds from 1 to 86400.', { tokenLifetimeSeconds: 'From 1 to 86400 seconds.' });
    }
    options.tokenLifetimeSeconds = seconds;
  }
  return options;
}

function verifyOptions(headers: VerifyHeaders): VerifyFactorOptions {
  const options: VerifyFactorOptions = {};
  if (headers.xForwardedFor) options.xForwardedFor = headers.xForwardedFor;
  if (headers.userAgent) options.userAgent = headers.userAgent;
  if (headers.acceptLanguage) options.acceptLanguage = headers.acceptLanguage;
  return options;
}

const verifyPanels = new PanelRegistry<VerifyPanel>();

/** Opens (or reveals) the Verify panel of a factor. */
export function openVerifyPanel(services: PanelServices, target: VerifyTarget, timing?: PanelTiming): VerifyPanel {
  const key = `${target.orgId}/${target.user.id}/${target.factor.id}`;
  const { panel, created } = verifyPanels.getOrCreate(key, () => new VerifyPanel(services, target, timing));
  if (!created) panel.reveal();
  return panel;
}
