// The Enroll panel: pick a factor from the user's catalog, fill in what that type needs, enroll, then
// activate in the same panel (TOTP through the built-in authenticator, push with live status,
// sms/call/email with a code and a Resend cooldown). Custom HOTP secrets go to the built-in authenticator.
import * as vscode from 'vscode';
import { describeStatus, factorTypeLabel } from '../presentation/factorDescriptions';
import { factorKey } from '../presentation/factorKey';
import { RESEND_COOLDOWN_SECONDS, resendCooldowns } from '../presentation/resendCooldown';
import { adviseOnError } from '../presentation/errorAdvice';
import { linkOnOrg } from '../presentation/orgLink';
import type { OktaClient } from '../okta/client';
import { OktaApiError } from '../okta/errors';
import { linkHref } from '../okta/links';
import {
  isUserFactor, type OktaUser, type PushActivation, type SecurityQuestion, type SupportedFactor, type TotpActivation,
  type UserFactor,
} from '../okta/models';
import { pollPushActivation } from '../okta/pushPolling';
import { catalogKey, enrollLayout } from './enrollFields';
import { toEnrollRequest } from './enrollRequest';
import { PanelInputError } from './errorView';
import { PanelRegistry } from './panelRegistry';
import { DEFAULT_POLL_INTERVAL_MS, type PanelTiming } from './panelTiming';
import type { PanelServices } from './panelServices';
import {
  parseEnrollMessage, type ActivationView, type CatalogEntryView, type EnrollForm, type EnrollHostMessage, type EnrollState,
  type EnrollWebviewMessage,
} from './protocol';
import { qrCodeDataUrl } from './qrCode';
import { ENROLL_BODY } from './templates/enrollBody';
import { WebviewPanelBase } from './webviewPanelBase';

export interface EnrollTarget {
  orgId: string;
  user: OktaUser;
  /** Preselected catalog entry (opened from a "Supported factors" node). */
  entry?: SupportedFactor;
}

type EnrollRequestMessage = Exclude<EnrollWebviewMessage, { type: 'ready' | 'openActivationLink' | 'enrollAnother' }>;

export class EnrollPanel extends WebviewPanelBase<EnrollWebviewMessage, EnrollHostMessage> {
  private catalog: SupportedFactor[] = [];
  private questions: SecurityQuestion[] = [];
  private loading: Promise<void>;
  private preselected?: string;
  /** The factor enrolled in this panel and its activation step, once there is one. */
  private factor?: UserFactor;
  private activation?: ActivationView;
  /** Options of the enrollment, reused by Resend (templateId). */
  private templateId?: string;
  private codeTimer?: NodeJS.Timeout;
  private pushPoll?: AbortController;
  private activationLink?: string;
  /** True while an enroll request is between its checks and its activation step. */
  private enrolling = false;

  constructor(services: PanelServices, private readonly target: EnrollTarget, private readonly timing: PanelTiming = {}) {
    super(services, target.orgId, {
      viewType: 'okta.enrollFactor',
      title: `Enroll: ${target.user.profile.login}`,
      script: 'enroll',
      body: ENROLL_BODY,
      parse: parseEnrollMessage,
    });
    this.preselected = target.entry && catalogKey(target.entry);
    this.loading = this.loadCatalog();
    this.onDidDispose(() => this.stopTimers());
  }

  private get userId(): string {
    return this.target.user.id;
  }

  private client(): Promise<OktaClient> {
    return this.services.clientFor(this.orgId);
  }

  /** Shows the panel again; with a catalog entry, selects it unless an activation is under way. */
  revealWith(entry?: SupportedFactor): void {
    this.reveal();
    if (entry && !this.activation) {
      this.preselected = catalogKey(entry);
      void this.refreshView();
    }
  }

  private async loadCatalog(): Promise<void> {
    try {
      const client = await this.client();
      this.catalog = await client.listSupportedFactors(this.userId, { signal: this.signal });
      // The questions endpoint accepts API tokens only; ask only when a question can be enrolled.
      if (this.catalog.some((e) => e.factorType === 'question')) {
        this.questions = await client.listSupportedSecurityQuestions(this.userId, { signal: this.signal });
      }
    } catch (err) {
      if (!this.signal.aborted) this.post({ type: 'error', error: this.errorView('Loading the factor catalog', err) });
    }
  }

  protected async snapshot(): Promise<EnrollState> {
    await this.loading;
    const user = this.target.user;
    const catalog: CatalogEntryView[] = this.catalog.map((entry) => ({
      key: catalogKey(entry),
      factorType: entry.factorType,
      provider: String(entry.provider),
      label: factorTypeLabel(entry),
      enrollment: entry.enrollment,
      unsupportedReason: enrollLayout(entry.factorType, entry.provider).unsupportedReason,
    }));
    return {
      type: 'state',
      userLabel: user.profile.login,
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      catalog,
      questions: this.questions,
      preselected: this.preselected,
      defaults: {
        phoneNumber: user.profile.mobilePhone ?? '',
        email: user.profile.email ?? '',
        credentialId: user.profile.login,
      },
      activation: this.activation,
    };
  }

  protected async handle(message: Exclude<EnrollWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'openActivationLink': {
        const org = this.services.registry.get(this.orgId);
        const link = org && linkOnOrg(org.url, this.activationLink);
        if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
        return;
      }
      case 'enrollAnother':
        this.stopTimers();
        this.factor = undefined;
        this.activation = undefined;
        this.loading = this.loadCatalog();
        await this.refreshView();
        return;
      default:
        return this.handleRequest(message);
    }
  }

  private handleRequest(message: EnrollRequestMessage): Promise<void> {
    switch (message.type) {
      case 'enroll':
        return this.answer(message.requestId, 'Enroll', enrollLayoutFields(message.form.factorKey), async () => {
          // One enrollment per panel at a time: a second one would orphan the first one's activation.
          if (this.enrolling || (this.activation && this.activation.kind !== 'done')) {
            throw new PanelInputError('An enrollment is under way in this panel: finish its activation or choose "Enroll another factor".');
          }
          this.enrolling = true;
          try {
            await this.enroll(message.form);
          } finally {
            this.enrolling = false;
          }
        });
      case 'activate':
        return this.answer(message.requestId, 'Activate', ['activationCode'], () => this.activate(message.passCode.trim()));
      case 'activateWithAuthenticator':
        return this.answer(message.requestId, 'Activate', [], async () => {
          const factor = this.requirePending('token:software:totp');
          const { code } = await this.services.authenticator.currentCode(this.orgId, this.userId, factor.id);
          await this.activate(code);
        });
      case 'resend':
        return this.answer(message.requestId, 'Resend', [], () => this.resend());
      case 'restartPushActivation':
        return this.answer(message.requestId, 'Restart activation', [], async () => {
          const factor = this.requirePending('push');
          const client = await this.client();
          const result = await client.activateFactor(this.userId, factor.id, undefined, { signal: this.signal });
          await this.onPushActivationResult(result);
        });
    }
  }

  private async enroll(form: EnrollForm): Promise<void> {
    await this.loading;
    const mapping = toEnrollRequest(form, { catalog: this.catalog, questions: this.questions });
    if (!mapping.ok) throw new PanelInputError('Check the highlighted fields.', mapping.fields);
    const client = await this.client();
    const factor = await client.enrollFactor(this.userId, mapping.request, { ...mapping.options, signal: this.signal });
    this.templateId = mapping.options.templateId;
    if (factor.factorType === 'token:hotp') await this.rememberHotpSecret(factor, String(mapping.request.profile?.sharedSecret));
    this.services.tree.refreshUser(this.orgId, this.userId);
    try {
      await this.startActivation(factor);
    } catch (err) {
      if (this.signal.aborted) throw err;
      // The factor exists (pending activation) whatever went wrong here: say so instead of "Enroll failed".
      const why = this.errorView('Starting the activation', err).message;
      await this.finish(factor, `${factorTypeLabel(factor)} is enrolled (${describeStatus(factor)}), but ${lowerFirst(why)} ` +
        'Activate it from the tree, or unenroll it.');
    }
  }

  /** The factor this panel enrolled, which must still be waiting for activation (of that type). */
  private requirePending(factorType?: string): UserFactor {
    const factor = this.factor;
    if (!factor || this.activation?.kind === 'done' || (factorType && factor.factorType !== factorType)) {
      throw new PanelInputError('There is no pending activation of that kind in this panel.');
    }
    return factor;
  }

  private async startActivation(factor: UserFactor): Promise<void> {
    this.factor = factor;
    const label = factorTypeLabel(factor);
    if (factor.status !== 'PENDING_ACTIVATION') {
      return this.finish(factor, `${label} is enrolled and ${factor.status.toLowerCase().replace(/_/g, ' ')}.`);
    }
    switch (factor.factorType) {
      case 'token:software:totp':
        return this.startTotpActivation(factor, label);
      case 'push':
        return this.onPushActivationResult((factor._embedded?.activation ?? { factorResult: 'WAITING' }) as PushActivation, factor);
      case 'sms':
      case 'call':
      case 'email': {
        const sentTo = factor.factorType === 'email' ? factor.profile?.email : factor.profile?.phoneNumber;
        // Enrolling sent a code, so the cooldown starts now (shared with the Resend command).
        this.startCooldown(factor);
        this.setActivation({
          kind: 'passcode', factorLabel: label, channel: factor.factorType, sentTo: sentTo ?? 'the user',
          resendAvailableAt: this.resendAvailableAt(factor),
        });
        return;
      }
      default:
        return this.finish(factor, `${label} is enrolled and waiting for activation, which VS Code cannot complete for this type.`);
    }
  }

  /** Keeps the secret in the built-in authenticator right away, then shows its QR code and codes. */
  private async startTotpActivation(factor: UserFactor, label: string): Promise<void> {
    const activation = factor._embedded?.activation as TotpActivation | undefined;
    if (!activation?.sharedSecret) {
      return this.finish(factor, `${label} is enrolled, but Okta sent no shared secret to activate it with.`);
    }
    const { authenticator } = this.services;
    await authenticator.remember(this.orgId, this.userId, factor.id, activation, {
      label: this.target.user.profile.login,
      issuer: this.services.registry.get(this.orgId)?.label ?? 'Okta',
    });
    const otpauthUri = await authenticator.otpauthUri(this.orgId, this.userId, factor.id);
    this.setActivation({
      kind: 'totp', factorLabel: label, qrDataUrl: await qrCodeDataUrl(otpauthUri), otpauthUri,
      // Base32 as authenticator apps expect, whatever encoding Okta used.
      secret: new URL(otpauthUri).searchParams.get('secret') ?? activation.sharedSecret,
    });
    await this.sendCurrentCode(factor.id);
  }

  /**
   * Keeps a custom HOTP factor's secret (counter 0) so the Verify panel can fill in its codes. The
   * enrollment already succeeded, so a secret that cannot be kept (typed, not hex) is just left out.
   */
  private async rememberHotpSecret(factor: UserFactor, sharedSecret: string): Promise<void> {
    await this.services.hotpAuthenticator.remember(this.orgId, this.userId, factor.id, { sharedSecret }, {
      label: this.target.user.profile.login,
      issuer: this.services.registry.get(this.orgId)?.label ?? 'Okta',
    }).catch(() => undefined);
  }

  /** Posts the built-in authenticator's code, and again whenever it rolls over. */
  private async sendCurrentCode(factorId: string): Promise<void> {
    clearTimeout(this.codeTimer);
    if (this.activation?.kind !== 'totp') return;
    const { code, secondsRemaining } = await this.services.authenticator.currentCode(this.orgId, this.userId, factorId);
    this.post({ type: 'totpCode', code, secondsRemaining });
    this.codeTimer = setTimeout(() => void this.sendCurrentCode(factorId).catch(() => undefined), 1000);
  }

  private async onPushActivationResult(result: UserFactor | PushActivation, enrolled?: UserFactor): Promise<void> {
    const factor = enrolled ?? this.requirePending('push');
    if (isUserFactor(result)) {
      return this.finish(result, `${factorTypeLabel(result)} is ${result.status === 'ACTIVE' ? 'active' : result.status.toLowerCase()}.`);
    }
    // Okta's `qrcode` link is a PNG of the real activation QR code, served by the org. The panel loads
    // no remote images and the client has no call that fetches it, so the browser shows it instead.
    this.activationLink = linkHref(result._links, 'qrcode') ?? this.activationLink;
    this.setActivation({
      kind: 'push', factorLabel: factorTypeLabel(factor), factorResult: result.factorResult, expiresAt: result.expiresAt,
      activationLink: this.activationLink,
    });
    if (result.factorResult === 'WAITING') {
      this.watchPushActivation(factor, linkHref(enrolled?._links ?? result._links, 'poll') ?? linkHref(result._links, 'poll'));
    } else {
      this.post({ type: 'pushStatus', factorResult: result.factorResult, message: pushActivationMessage(result.factorResult) });
    }
  }

  /** Polls in the background until Okta Verify completes the activation or it times out. */
  private watchPushActivation(factor: UserFactor, pollHref: string | undefined): void {
    this.pushPoll?.abort();
    const poll = new AbortController();
    this.pushPoll = poll;
    const signal = AbortSignal.any([poll.signal, this.signal]);
    void (async () => {
      try {
        const client = await this.client();
        const result = await pollPushActivation(client, this.userId, factor.id, pollHref, {
          intervalMs: this.timing.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
          signal,
          onProgress: (progress) => {
            if (!isUserFactor(progress)) {
              this.post({ type: 'pushStatus', factorResult: progress.factorResult, message: pushActivationMessage(progress.factorResult) });
            }
          },
        });
        if (isUserFactor(result)) {
          await this.finish(result, `${factorTypeLabel(result)} is active.`);
        } else {
          this.post({ type: 'pushStatus', factorResult: result.factorResult, message: pushActivationMessage(result.factorResult) });
        }
      } catch (err) {
        if (signal.aborted) return;
        const error = this.errorView('Push activation', err);
        this.post({ type: 'pushStatus', factorResult: 'ERROR', message: error.message });
      }
    })();
  }

  private async activate(passCode: string): Promise<void> {
    const factor = this.requirePending();
    if (passCode === '') throw new PanelInputError('Enter the activation code.', { activationCode: 'Enter the code.' });
    const client = await this.client();
    const result = await client.activateFactor(this.userId, factor.id, { passCode }, { signal: this.signal });
    if (!isUserFactor(result)) throw new PanelInputError(`Okta answered ${result.factorResult}; the factor is not active yet.`);
    await this.finish(result, `${factorTypeLabel(result)} is active.`);
  }

  private async resend(): Promise<void> {
    const factor = this.requirePending();
    const activation = this.activation;
    if (activation?.kind !== 'passcode' || (factor.factorType !== 'sms' && factor.factorType !== 'call' && factor.factorType !== 'email')) {
      throw new PanelInputError('Only sms, call and email enrollments can resend a code.');
    }
    const wait = resendCooldowns.remainingSeconds(factorKey(this.orgId, this.userId, factor.id));
    if (wait > 0) throw new PanelInputError(`Okta sends one code per ${cooldownSeconds(factor)} s: resend in ${wait} s.`);
    const client = await this.client();
    try {
      await client.resendEnrollFactor(
        this.userId, factor.id,
        { factorType: factor.factorType, provider: String(factor.provider), profile: factor.profile },
        { templateId: this.templateId, signal: this.signal },
      );
      this.startCooldown(factor);
      this.setActivation({ ...activation, resendAvailableAt: this.resendAvailableAt(factor) });
    } catch (err) {
      // Okta's own cooldown (429) wins over ours: restart the countdown with its number.
      const waitSeconds = err instanceof OktaApiError ? adviseOnError('Resend', err).waitSeconds : undefined;
      if (waitSeconds) {
        this.startCooldown(factor, waitSeconds);
        this.setActivation({ ...activation, resendAvailableAt: this.resendAvailableAt(factor) });
      }
      throw err;
    }
  }

  private startCooldown(factor: UserFactor, seconds = cooldownSeconds(factor)): void {
    resendCooldowns.start(factorKey(this.orgId, this.userId, factor.id), seconds);
  }

  private resendAvailableAt(factor: UserFactor): number {
    return Date.now() + resendCooldowns.remainingSeconds(factorKey(this.orgId, this.userId, factor.id)) * 1000;
  }

  private async finish(factor: UserFactor, message: string): Promise<void> {
    this.stopTimers();
    this.factor = factor;
    this.setActivation({ kind: 'done', factorLabel: factorTypeLabel(factor), status: factor.status, message });
    this.services.tree.refreshUser(this.orgId, this.userId);
  }

  private setActivation(activation: ActivationView): void {
    this.activation = activation;
    this.post({ type: 'activation', activation });
  }

  private stopTimers(): void {
    clearTimeout(this.codeTimer);
    this.codeTimer = undefined;
    this.pushPoll?.abort();
    this.pushPoll = undefined;
  }
}

function cooldownSeconds(factor: UserFactor): number {
  return RESEND_COOLDOWN_SECONDS[factor.factorType] ?? 30;
}

/** The inputs of the chosen type, so Okta's causes are attached only to inputs on screen. */
function enrollLayoutFields(factorKey: string): string[] {
  const [factorType, provider = ''] = factorKey.split('/');
  const layout = enrollLayout(factorType, provider);
  return [...layout.fields, ...layout.options];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function pushActivationMessage(factorResult: string): string {
  switch (factorResult) {
    case 'WAITING': return 'Waiting for Okta Verify to scan the QR code and complete the activation...';
    case 'TIMEOUT': return 'The activation timed out. Restart it to get a new QR code.';
    case 'CANCELLED': return 'The activation was cancelled. Restart it to try again.';
    default: return `The activation ended with ${factorResult}. Restart it to try again.`;
  }
}

const enrollPanels = new PanelRegistry<EnrollPanel>();

/** Opens (or reveals) the Enroll panel of a user. */
export function openEnrollPanel(services: PanelServices, target: EnrollTarget, timing?: PanelTiming): EnrollPanel {
  const { panel, created } = enrollPanels.getOrCreate(`${target.orgId}/${target.user.id}`, () => new EnrollPanel(services, target, timing));
  if (!created) panel.revealWith(target.entry);
  return panel;
}
