// The Enroll panel: pick a factor from the user's catalog, fill in what that type needs, enroll, then
// activate in the same panel (TOTP through the built-in authenticator, push with live status,
// sms/call/email with a code and a Resend cooldown). Custom HOTP secrets go to the built-in authenticator.
import vscode = require('vscode');
import type { ActivateOutcome, ActivationStep, PushActivationStep } from '../../factors/outcomes';
import type { FactorRef } from '../../factors/targets';
import { linkHref } from '../../okta/api/links';
import { waitText } from '../../util/waitText';
import { isUserFactor, type CustomTotpProfile, type OktaUser, type PushActivation, type SecurityQuestion, type SupportedFactor, type UserFactor } from '../../okta/models';
import { describeStatus } from '../../presentation/factorDescriptions';
import { factorTypeLabel } from '../../factors/names';
import { linkOnOrg } from '../../presentation/orgLink';
import { catalogKey, enrollLayout } from './enrollFields';
import { toEnrollRequest } from './enrollRequest';
import { PanelInputError } from '../shared/errorView';
import { PanelRegistry } from '../shared/panelRegistry';
import { DEFAULT_POLL_INTERVAL_MS, type PanelTiming } from '../shared/panelTiming';
import type { PanelServices } from '../shared/panelServices';
import {
  parseEnrollMessage, type ActivationView, type CatalogEntryView, type EnrollForm, type EnrollHostMessage, type EnrollState,
  type EnrollWebviewMessage,
} from './protocol';
import { qrCodeDataUrl } from './qrCode';
import { ENROLL_BODY } from './enrollMarkup';
import { WebviewPanelBase } from '../shared/webviewPanelBase';

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
  private profiles: CustomTotpProfile[] = [];
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
  /** The waiting push activation (its `send` links). */
  private pushActivation?: PushActivation;
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

  /** The factor this panel enrolled, as the service takes it. */
  private ref(factor: UserFactor): FactorRef {
    return { orgId: this.orgId, user: this.target.user, factor };
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
      this.catalog = await this.services.factors.catalog(this.target, this.signal);
      // The questions endpoint accepts API tokens only; ask only when a question can be enrolled.
      if (this.catalog.some((e) => e.factorType === 'question')) {
        this.questions = await this.services.factors.securityQuestions(this.target, this.signal);
      }
      // Likewise the org's Custom TOTP profiles, only when Custom TOTP can be enrolled.
      if (this.catalog.some((e) => e.factorType === 'token:hotp')) {
        this.profiles = await this.services.factors.customTotpProfiles(this.orgId, this.signal);
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
      // A passkey enrolled here is a software one, for test users: the entry says so.
      label: entry.factorType === 'webauthn' ? 'Passkey (software, for test users)' : factorTypeLabel(entry),
      enrollment: entry.enrollment,
      unsupportedReason: enrollLayout(entry.factorType, entry.provider).unsupportedReason,
      note: enrollLayout(entry.factorType, entry.provider).note,
    }));
    return {
      type: 'state',
      userLabel: user.profile.login,
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      catalog,
      questions: this.questions,
      profiles: this.profiles.map((p) => ({ id: p.id, label: customTotpProfileLabel(p), default: p.default === true })),
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
          await this.onActivateOutcome(await this.services.factors.activateWithAuthenticator(this.ref(factor), this.signal));
        });
      case 'resend':
        return this.answer(message.requestId, 'Resend', [], () => this.resend());
      case 'restartPushActivation':
        return this.answer(message.requestId, 'Restart activation', [], async () => {
          const factor = this.requirePending('push');
          await this.onPushActivationStep(await this.services.factors.startPushActivation(this.ref(factor), this.signal));
        });
      case 'sendActivationLink':
        return this.answer(message.requestId, 'Send activation link', ['sendTo'], async () => {
          const factor = this.requirePending('push');
          const to = message.to.trim();
          if (!this.pushActivation) throw new PanelInputError('There is no waiting push activation to send.');
          if (message.channel === 'email' ? !/^[^\s@]+@[^\s@]+$/.test(to) : !/^\+?[\d\s().-]{7,20}$/.test(to)) {
            throw new PanelInputError('Check the address.', { sendTo: message.channel === 'email' ? 'An email address.' : 'A phone number, e.g. +1-555-415-1337.' });
          }
          await this.onPushActivationStep(await this.services.factors.sendPushActivationLink(this.ref(factor), this.pushActivation, message.channel, to, this.signal));
          this.post({ type: 'pushStatus', factorResult: 'WAITING', message: `Okta sent the activation link by ${message.channel === 'sms' ? 'SMS' : 'email'} to ${to}.` });
        });
    }
  }

  private async enroll(form: EnrollForm): Promise<void> {
    await this.loading;
    const mapping = toEnrollRequest(form, { catalog: this.catalog, questions: this.questions, profiles: this.profiles });
    if (!mapping.ok) throw new PanelInputError('Check the highlighted fields.', mapping.fields);
    const { factor, activation } = await this.services.factors.enroll(this.target, mapping.request, mapping.options, this.signal);
    this.templateId = mapping.options.templateId;
    this.factor = factor;
    await this.showActivationStep(factor, activation);
  }

  /** The factor this panel enrolled, which must still be waiting for activation (of that type). */
  private requirePending(factorType?: string): UserFactor {
    const factor = this.factor;
    if (!factor || this.activation?.kind === 'done' || (factorType && factor.factorType !== factorType)) {
      throw new PanelInputError('There is no pending activation of that kind in this panel.');
    }
    return factor;
  }

  /** Shows the step the service says the enrollment leads to. */
  private async showActivationStep(factor: UserFactor, step: ActivationStep): Promise<void> {
    const label = factorTypeLabel(factor);
    switch (step.kind) {
      case 'done':
        return this.finish(factor, factor.factorType === 'webauthn'
          ? `${label} is enrolled and ${describeStatus(factor)}, with a software passkey kept in VS Code's secret storage: `
            + 'verify it from the tree, or hand it to a browser test with Copy Playwright Credential.'
          : `${label} is enrolled and ${describeStatus(factor)}.`);
      case 'manual':
        return this.finish(factor, step.reason === 'no-secret'
          ? `${label} is enrolled, but Okta sent no shared secret to activate it with.`
          : `${label} is enrolled and waiting for activation, which VS Code cannot complete for this type.`);
      case 'failed': {
        // The factor exists (pending activation) whatever went wrong here: say so instead of "Enroll failed".
        const why = this.errorView('Starting the activation', step.error).message;
        return this.finish(factor, `${label} is enrolled (${describeStatus(factor)}), but ${lowerFirst(why)} Activate it from the tree, or unenroll it.`);
      }
      case 'totp':
        this.setActivation({ kind: 'totp', factorLabel: label, qrDataUrl: await qrCodeDataUrl(step.otpauthUri), otpauthUri: step.otpauthUri, secret: step.secret });
        return this.sendCurrentCode(factor.id);
      case 'push':
        return this.onPushActivationStep({ kind: 'pending', activation: step.activation });
      case 'passcode':
        this.setActivation({
          kind: 'passcode', factorLabel: label, channel: step.channel, sentTo: step.sentTo ?? 'the user', resendAvailableAt: step.resendAvailableAt,
        });
    }
  }

  /** Posts the built-in authenticator's code, and again whenever it rolls over. */
  private async sendCurrentCode(factorId: string): Promise<void> {
    clearTimeout(this.codeTimer);
    if (this.activation?.kind !== 'totp') return;
    const { code, secondsRemaining } = await this.services.authenticator.currentCode(this.orgId, this.userId, factorId);
    this.post({ type: 'totpCode', code, secondsRemaining });
    this.codeTimer = setTimeout(() => void this.sendCurrentCode(factorId).catch(() => undefined), 1000);
  }

  private async onPushActivationStep(step: PushActivationStep): Promise<void> {
    const factor = this.requirePending('push');
    if (step.kind === 'active') return this.finish(step.factor, `${factorTypeLabel(step.factor)} is active.`);
    const activation = step.activation;
    this.pushActivation = activation;
    // Okta's `qrcode` link is a PNG of the real activation QR code, served by the org: the host fetches
    // it with the org's credentials and hands the panel a data: URL (the panel loads no remote image).
    this.activationLink = linkHref(activation._links, 'qrcode') ?? this.activationLink;
    const qr = activation.factorResult === 'WAITING'
      ? await this.services.factors.pushActivationQrCode(this.ref(factor), activation, this.signal).catch((err: unknown) => {
        this.services.log.appendLine(`[webview] The activation QR code could not be fetched: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      })
      : undefined;
    this.setActivation({
      kind: 'push', factorLabel: factorTypeLabel(factor), factorResult: activation.factorResult, expiresAt: activation.expiresAt,
      activationLink: this.activationLink,
      qrDataUrl: qr && `data:${qr.contentType};base64,${Buffer.from(qr.data).toString('base64')}`,
      sendChannels: (['sms', 'email'] as const).filter((channel) => linkHref(activation._links, 'send', channel) !== undefined),
    });
    if (activation.factorResult === 'WAITING') this.watchPushActivation(factor, activation);
    else this.post({ type: 'pushStatus', factorResult: activation.factorResult, message: pushActivationMessage(activation.factorResult) });
  }

  /** Waits in the background until Okta Verify completes the activation or it times out. */
  private watchPushActivation(factor: UserFactor, activation: PushActivation): void {
    this.pushPoll?.abort();
    const poll = new AbortController();
    this.pushPoll = poll;
    const signal = AbortSignal.any([poll.signal, this.signal]);
    void (async () => {
      try {
        const step = await this.services.factors.waitForPushActivation(this.ref(factor), activation, {
          intervalMs: this.timing.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
          signal,
          onProgress: (progress) => {
            if (!isUserFactor(progress)) this.post({ type: 'pushStatus', factorResult: progress.factorResult, message: pushActivationMessage(progress.factorResult) });
          },
        });
        if (step.kind === 'active') await this.finish(step.factor, `${factorTypeLabel(step.factor)} is active.`);
        else this.post({ type: 'pushStatus', factorResult: step.activation.factorResult, message: pushActivationMessage(step.activation.factorResult) });
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
    await this.onActivateOutcome(await this.services.factors.activate(this.ref(factor), passCode, this.signal));
  }

  private async onActivateOutcome(outcome: ActivateOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'active':
        return this.finish(outcome.factor, `${factorTypeLabel(outcome.factor)} is active.`);
      case 'wrong-passcode':
        // Okta's own error: its code, and its cause under the code input.
        throw outcome.error;
      case 'too-many-attempts':
        throw new PanelInputError(`Too many activation attempts: Okta allows 5 in 5 minutes. Try again ${waitText(outcome.retryBy.getTime() - Date.now())} at the latest.`);
      case 'not-active':
        throw new PanelInputError(`Okta answered ${outcome.factorResult}; the factor is not active yet.`);
    }
  }

  private async resend(): Promise<void> {
    const factor = this.requirePending();
    const activation = this.activation;
    if (activation?.kind !== 'passcode') throw new PanelInputError('Only sms, call and email enrollments can resend a code.');
    const ref = this.ref(factor);
    try {
      await this.services.factors.resend(ref, { templateId: this.templateId }, this.signal);
    } finally {
      // Sent, refused for a cooldown (ours or Okta's): the countdown shows the service's.
      this.setActivation({ ...activation, resendAvailableAt: this.services.factors.resendAvailableAt(ref) });
    }
  }

  private async finish(factor: UserFactor, message: string): Promise<void> {
    this.stopTimers();
    this.factor = factor;
    this.setActivation({ kind: 'done', factorLabel: factorTypeLabel(factor), status: factor.status, message });
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

/** The inputs of the chosen type, so Okta's causes are attached only to inputs on screen. */
function enrollLayoutFields(factorKey: string): string[] {
  const [factorType, provider = ''] = factorKey.split('/');
  const layout = enrollLayout(factorType, provider);
  return [...layout.fields, ...layout.options];
}

/** "Hardware TOTP (HMacSHA512, 8 digits, 60 s)": what tells profiles apart when choosing one. */
function customTotpProfileLabel(profile: CustomTotpProfile): string {
  const { hmacAlgorithm, otpLength, timeStep } = profile.settings;
  return `${profile.name} (${hmacAlgorithm}, ${otpLength} digits, ${timeStep} s)${profile.default ? ' - default' : ''}`;
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
