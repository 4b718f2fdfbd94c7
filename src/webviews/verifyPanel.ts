// The Verify panel of one factor: issue an sms/call/email challenge then check the code, check a
// TOTP/HOTP/token code (the built-in authenticator can fill it in) or a security answer, or send a push
// and follow it live until the user answers it, it times out, or the tester cancels.
import { factorTypeLabel } from '../presentation/factorDescriptions';
import { recordPushTransaction } from '../presentation/pushTransactions';
import { isCancellation, OktaApiError } from '../okta/errors';
import { factorTransactionId, linkHref } from '../okta/links';
import type { OktaUser, UserFactor, VerifyFactorOptions, VerifyFactorResult } from '../okta/models';
import { pollPushTransaction } from '../okta/pushPolling';
import { PanelInputError } from './errorView';
import { PanelRegistry } from './panelRegistry';
import { DEFAULT_POLL_INTERVAL_MS, type PanelTiming } from './panelTiming';
import type { PanelServices } from './panelServices';
import {
  parseVerifyMessage, type VerifyHeaders, type VerifyHostMessage, type VerifyMode, type VerifyOutcome, type VerifyState,
  type VerifyWebviewMessage,
} from './protocol';
import { VERIFY_BODY } from './templates/verifyBody';
import { verifyModeOf } from './verifyMode';
import { WebviewPanelBase } from './webviewPanelBase';

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

/** Okta reports these verify outcomes as errors; the panel names them like factorResult values. */
const ERROR_RESULTS: Record<string, (mode: VerifyMode) => string> = {
  E0000068: (mode) => (mode === 'answer' ? 'WRONG_ANSWER' : 'WRONG_CODE'),
  E0000082: () => 'PASSCODE_REPLAYED',
  E0000083: () => 'TIME_WINDOW_EXCEEDED',
};

export class VerifyPanel extends WebviewPanelBase<VerifyWebviewMessage, VerifyHostMessage> {
  private push?: AbortController;
  /** The waiting push's `cancel` link (or transaction id), for Cancel. */
  private pushCancelFrom?: string;

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
    };
  }

  protected async handle(message: Exclude<VerifyWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'sendChallenge':
        return this.answer(message.requestId, 'Send code', [], () => this.sendChallenge(message.headers));
      case 'verify':
        return this.answer(message.requestId, 'Verify', ['passCode', 'answer'], () => this.verify(message));
      case 'sendPush':
        return this.answer(message.requestId, 'Push', [], () => this.sendPush(message.headers));
      case 'cancelPush':
        return this.answer(message.requestId, 'Cancel push', [], () => this.cancelPush());
      case 'builtInCode':
        return this.answer(message.requestId, 'Built-in authenticator', [], async () => {
          if (this.target.factor.factorType === 'token:hotp') {
            // Each HOTP code is good once: handing it out moves the counter on.
            const { code } = await this.services.hotpAuthenticator.nextCode(...this.ids);
            this.post({ type: 'code', code });
          } else {
            const { code, secondsRemaining } = await this.services.authenticator.currentCode(...this.ids);
            this.post({ type: 'code', code, secondsRemaining });
          }
        });
    }
  }

  /** The built-in authenticator can produce this factor's codes. */
  private async holdsSecret(): Promise<boolean> {
    switch (this.target.factor.factorType) {
      case 'token:software:totp': return this.services.authenticator.has(...this.ids);
      case 'token:hotp': return this.services.hotpAuthenticator.has(...this.ids);
      default: return false;
    }
  }

  private requireMode(...modes: VerifyMode[]): void {
    if (!modes.includes(verifyModeOf(this.target.factor).mode)) {
      throw new PanelInputError(`${factorTypeLabel(this.target.factor)} is not verified that way.`);
    }
  }

  private async sendChallenge(headers: VerifyHeaders): Promise<void> {
    this.requireMode('challenge-then-passcode');
    const client = await this.services.clientFor(this.orgId);
    const result = await client.verifyFactor(this.target.user.id, this.target.factor.id, undefined, { ...verifyOptions(headers), signal: this.signal });
    if (result.factorResult !== 'CHALLENGE') return this.showResult(result.factorResult);
    const factor = this.target.factor;
    const to = factor.factorType === 'email' ? factor.profile?.email : (factor.profile as { phoneNumber?: string } | undefined)?.phoneNumber;
    this.post({ type: 'challengeSent', message: `Okta sent a code${to ? ` to ${to}` : ''}. Enter it below.` });
  }

  private async verify(message: Extract<VerifyWebviewMessage, { type: 'verify' }>): Promise<void> {
    const { mode } = verifyModeOf(this.target.factor);
    this.requireMode('challenge-then-passcode', 'passcode', 'answer');
    const body = mode === 'answer' ? { answer: message.answer ?? '' } : { passCode: (message.passCode ?? '').trim() };
    if ((body.answer ?? body.passCode) === '') {
      const field = mode === 'answer' ? 'answer' : 'passCode';
      throw new PanelInputError(`Enter the ${mode === 'answer' ? 'answer' : 'code'}.`, { [field]: 'Required.' });
    }
    const client = await this.services.clientFor(this.orgId);
    try {
      const result = await client.verifyFactor(this.target.user.id, this.target.factor.id, body, { ...verifyOptions(message.headers), signal: this.signal });
      this.showResult(result.factorResult);
    } catch (err) {
      // A wrong code is a result, not a crash: show it as such, and the cause under the input.
      if (err instanceof OktaApiError && err.errorCode) {
        const factorResult = ERROR_RESULTS[err.errorCode]?.(mode) ?? err.errorCode;
        this.post({ type: 'result', factorResult, outcome: 'failure', message: err.message });
      }
      throw err;
    }
  }

  /** Sends the push and keeps the request open while polling, so the webview stays in "waiting". */
  private async sendPush(headers: VerifyHeaders): Promise<void> {
    this.requireMode('push');
    if (this.push) throw new PanelInputError('A push is already waiting; cancel it first.');
    const push = new AbortController();
    this.push = push;
    const signal = AbortSignal.any([push.signal, this.signal]);
    const [, userId, factorId] = this.ids;
    try {
      const client = await this.services.clientFor(this.orgId);
      const started = await client.verifyFactor(userId, factorId, undefined, { ...verifyOptions(headers), signal });
      if (started.factorResult !== 'WAITING') return this.showResult(started.factorResult);
      const transactionId = factorTransactionId(started);
      if (transactionId) recordPushTransaction(this.orgId, userId, factorId, transactionId);
      this.pushCancelFrom = linkHref(started._links, 'cancel') ?? transactionId;
      this.postPushStatus(started);
      const pollFrom = linkHref(started._links, 'poll') ?? transactionId;
      if (!pollFrom) throw new PanelInputError('Okta answered WAITING without a link to follow the push.');
      const final = await pollPushTransaction(client, userId, factorId, pollFrom, {
        intervalMs: this.timing.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
        signal,
        onProgress: (result) => this.postPushStatus(result),
      });
      this.showResult(final.factorResult);
    } catch (err) {
      if (isCancellation(err) && push.signal.aborted && !this.signal.aborted) return; // cancelPush reports
      throw err;
    } finally {
      if (this.push === push) {
        this.push = undefined;
        this.pushCancelFrom = undefined;
      }
    }
  }

  /** Stops polling, then cancels the transaction on Okta (DELETE on its cancel link). */
  private async cancelPush(): Promise<void> {
    const push = this.push;
    const cancelFrom = this.pushCancelFrom;
    if (!push) throw new PanelInputError('No push is waiting.');
    push.abort();
    if (!cancelFrom) {
      this.showResult('CANCELLED', 'Stopped following the push. It stays on the device until it expires.');
      return;
    }
    const client = await this.services.clientFor(this.orgId);
    await client.cancelFactorTransaction(this.target.user.id, this.target.factor.id, cancelFrom, { signal: this.signal });
    this.showResult('CANCELLED', 'Push cancelled.');
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

  private showResult(factorResult: string, message?: string): void {
    const outcome: VerifyOutcome = factorResult === 'SUCCESS' ? 'success' : factorResult === 'WAITING' || factorResult === 'CHALLENGE' ? 'pending' : 'failure';
    this.post({ type: 'result', factorResult, outcome, message: message ?? RESULT_MESSAGES[factorResult] ?? `Okta answered ${factorResult}.` });
  }
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
