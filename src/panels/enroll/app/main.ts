// Enroll panel script (bundled to dist/webview/enroll.js). Renders the host's state, shows the
// inputs the chosen factor needs, sends the form, then runs the activation step in place.
import { byId, clearErrors, focusWhenReady, setStatus, show, showError } from '../../shared/app/dom';
import { SHARED_IDS } from '../../shared/elementIds';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import { ENROLL_IDS } from '../elementIds';
import { enrollLayout } from '../enrollFields';
import type { ErrorView } from '../../shared/protocol';
import type { ActivationView, CatalogEntryView, EnrollForm, EnrollHostMessage, EnrollState, EnrollWebviewMessage } from '../protocol';

let catalog: CatalogEntryView[] = [];
let cooldownTimer: number | undefined;

const client = new WebviewClient<EnrollWebviewMessage, EnrollHostMessage>((message) => {
  switch (message.type) {
    case 'state':
      renderState(message);
      break;
    case 'activation':
      renderActivation(message.activation);
      break;
    case 'totpCode':
      byId(ENROLL_IDS.builtinCode).textContent = message.code;
      byId(ENROLL_IDS.builtinSeconds).textContent = `(${message.secondsRemaining} s left)`;
      break;
    case 'pushStatus':
      renderPushStatus(message.factorResult, message.message);
      break;
  }
});

const factorSelect = byId<HTMLSelectElement>(ENROLL_IDS.factorSelect);
const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id);
/** What a text input or a select holds. */
const valueOf = (id: string): string => byId<HTMLInputElement | HTMLSelectElement>(id).value;

function option(value: string, label: string): HTMLOptionElement {
  return Object.assign(document.createElement('option'), { value, textContent: label });
}

function renderState(state: EnrollState): void {
  catalog = state.catalog;
  byId(SHARED_IDS.subtitle).textContent = `${state.userLabel} - ${state.orgLabel}`;
  factorSelect.replaceChildren(
    option('', catalog.length > 0 ? 'Choose a factor...' : 'No factors available to enroll'),
    ...catalog.map((entry) => option(entry.key, entry.enrollment ? `${entry.label} (${entry.enrollment.toLowerCase()})` : entry.label)),
  );
  factorSelect.value = state.preselected ?? '';
  byId<HTMLSelectElement>(ENROLL_IDS.question).replaceChildren(
    option('', 'Choose a question...'),
    ...state.questions.map((q) => option(q.question, q.questionText)),
  );
  const profileSelect = byId<HTMLSelectElement>(ENROLL_IDS.factorProfileId);
  const chosenProfile = profileSelect.value;
  profileSelect.replaceChildren(
    option('', state.profiles.length > 0 ? 'Choose a factor profile...' : 'The org defines no Custom TOTP profile'),
    ...state.profiles.map((p) => option(p.id, p.label)),
  );
  profileSelect.value = chosenProfile || (state.profiles.find((p) => p.default)?.id ?? '');
  input(ENROLL_IDS.phone).value ||= state.defaults.phoneNumber;
  input(ENROLL_IDS.email).value ||= state.defaults.email;
  input(ENROLL_IDS.credentialId).value ||= state.defaults.credentialId;
  updateLayout();
  if (state.activation) renderActivation(state.activation);
  else showStep('enroll');
  if (!state.activation) factorSelect.focus();
}

function selectedEntry(): CatalogEntryView | undefined {
  return catalog.find((entry) => entry.key === factorSelect.value);
}

/** Shows exactly the inputs and options the selected factor type uses. */
function updateLayout(): void {
  const entry = selectedEntry();
  const layout = entry ? enrollLayout(entry.factorType, entry.provider) : { fields: [], options: [] };
  document.querySelectorAll<HTMLElement>('[data-field]').forEach((element) => {
    show(element, (layout.fields as string[]).includes(element.dataset.field ?? ''));
  });
  document.querySelectorAll<HTMLElement>('[data-option]').forEach((element) => {
    show(element, (layout.options as string[]).includes(element.dataset.option ?? ''));
  });
  show(byId(ENROLL_IDS.options), layout.options.length > 0);
  // Custom HOTP only supports auto-activation (Okta's docs), so start with the box ticked.
  input(ENROLL_IDS.optActivate).checked = entry?.factorType === 'token:hotp';
  const note = byId(ENROLL_IDS.factorNote);
  const reason = entry?.unsupportedReason;
  note.textContent = reason ?? entry?.note ?? '';
  show(note, !!note.textContent);
  byId<HTMLButtonElement>(ENROLL_IDS.submit).disabled = !entry || !!reason;
  clearErrors();
}

function readForm(): EnrollForm {
  return {
    factorKey: factorSelect.value,
    question: valueOf(ENROLL_IDS.question),
    answer: valueOf(ENROLL_IDS.answer),
    phoneNumber: valueOf(ENROLL_IDS.phone),
    phoneExtension: valueOf(ENROLL_IDS.extension),
    email: valueOf(ENROLL_IDS.email),
    credentialId: valueOf(ENROLL_IDS.credentialId),
    passCode: valueOf(ENROLL_IDS.passcode),
    nextPassCode: valueOf(ENROLL_IDS.nextPasscode),
    factorProfileId: valueOf(ENROLL_IDS.factorProfileId),
    sharedSecret: valueOf(ENROLL_IDS.sharedSecret),
    sharedSecretEncoding: valueOf(ENROLL_IDS.sharedSecretEncoding),
    activate: input(ENROLL_IDS.optActivate).checked,
    updatePhone: input(ENROLL_IDS.optUpdatePhone).checked,
    templateId: valueOf(ENROLL_IDS.templateId),
    tokenLifetimeSeconds: valueOf(ENROLL_IDS.tokenLifetime),
    acceptLanguage: valueOf(ENROLL_IDS.acceptLanguage),
  };
}

function run(request: Parameters<typeof client.request>[0]): Promise<ErrorView | undefined> {
  return runRequest(() => client.request(request));
}

function showStep(step: 'enroll' | 'activation'): void {
  show(byId(ENROLL_IDS.enrollStep), step === 'enroll');
  show(byId(ENROLL_IDS.activationStep), step === 'activation');
}

function renderActivation(activation: ActivationView): void {
  showStep('activation');
  byId(ENROLL_IDS.activationTitle).textContent =
    activation.kind === 'done' ? `${activation.factorLabel}: ${activation.status.toLowerCase().replace(/_/g, ' ')}` : `Activate ${activation.factorLabel}`;
  show(byId(ENROLL_IDS.totpActivation), activation.kind === 'totp');
  show(byId(ENROLL_IDS.pushActivation), activation.kind === 'push');
  show(byId(ENROLL_IDS.passcodeForm), activation.kind === 'totp' || activation.kind === 'passcode');
  show(byId(ENROLL_IDS.resend), activation.kind === 'passcode');
  show(byId(ENROLL_IDS.enrollAnother), activation.kind === 'done');
  window.clearInterval(cooldownTimer);
  byId(ENROLL_IDS.cooldown).textContent = '';
  setStatus('');
  switch (activation.kind) {
    case 'totp':
      byId<HTMLImageElement>(ENROLL_IDS.qr).src = activation.qrDataUrl;
      byId(ENROLL_IDS.secret).textContent = activation.secret;
      byId(ENROLL_IDS.sentTo).textContent = 'Or type the current code from your authenticator app:';
      focusWhenReady(byId(ENROLL_IDS.activateBuiltin));
      break;
    case 'push': {
      show(byId(ENROLL_IDS.openActivationLink), !!activation.activationLink);
      const qr = byId<HTMLImageElement>(ENROLL_IDS.pushQr);
      if (activation.qrDataUrl) qr.src = activation.qrDataUrl;
      show(qr, !!activation.qrDataUrl);
      show(byId(ENROLL_IDS.sendLink), activation.sendChannels.length > 0);
      show(byId(ENROLL_IDS.sendSms), activation.sendChannels.includes('sms'));
      show(byId(ENROLL_IDS.sendEmail), activation.sendChannels.includes('email'));
      input(ENROLL_IDS.sendTo).value ||= activation.sendChannels.includes('sms') ? input(ENROLL_IDS.phone).value : input(ENROLL_IDS.email).value;
      renderPushStatus(activation.factorResult, 'Waiting for Okta Verify to complete the activation...');
      break;
    }
    case 'passcode':
      byId(ENROLL_IDS.sentTo).textContent = `Okta sent a code to ${activation.sentTo}.`;
      startCooldown(activation.resendAvailableAt);
      input(ENROLL_IDS.code).focus();
      break;
    case 'done':
      setStatus(activation.message, activation.status === 'ACTIVE' ? 'success' : 'info');
      focusWhenReady(byId(ENROLL_IDS.enrollAnother));
      break;
  }
}

function renderPushStatus(factorResult: string, message: string): void {
  const finished = factorResult !== 'WAITING';
  setStatus(message, factorResult === 'TIMEOUT' || factorResult === 'ERROR' || factorResult === 'CANCELLED' ? 'failure' : 'info');
  show(byId(ENROLL_IDS.restartPush), finished);
}

/** Counts down to when Okta accepts another code (30 s per device), then enables Resend. */
function startCooldown(availableAt: number): void {
  const resend = byId<HTMLButtonElement>(ENROLL_IDS.resend);
  const tick = (): void => {
    const left = Math.ceil((availableAt - Date.now()) / 1000);
    resend.disabled = left > 0 || document.body.classList.contains('busy');
    byId(ENROLL_IDS.cooldown).textContent = left > 0 ? `Resend available in ${left} s` : '';
    if (left <= 0) window.clearInterval(cooldownTimer);
  };
  window.clearInterval(cooldownTimer);
  tick();
  cooldownTimer = window.setInterval(tick, 1000);
}

factorSelect.addEventListener('change', updateLayout);

byId<HTMLFormElement>(ENROLL_IDS.enrollForm).addEventListener('submit', (event) => {
  event.preventDefault();
  void run({ type: 'enroll', form: readForm() });
});

byId<HTMLFormElement>(ENROLL_IDS.passcodeForm).addEventListener('submit', (event) => {
  event.preventDefault();
  const passCode = input(ENROLL_IDS.code).value.trim();
  if (passCode === '') {
    showError({ message: 'Enter the activation code.', causes: [], fields: { activationCode: 'Enter the code.' } });
    return;
  }
  void run({ type: 'activate', passCode });
});

byId(ENROLL_IDS.activateBuiltin).addEventListener('click', () => void run({ type: 'activateWithAuthenticator' }));
byId(ENROLL_IDS.resend).addEventListener('click', () => void run({ type: 'resend' }));
byId(ENROLL_IDS.restartPush).addEventListener('click', () => void run({ type: 'restartPushActivation' }));
const SEND_LINK_BUTTONS = { sms: ENROLL_IDS.sendSms, email: ENROLL_IDS.sendEmail } as const;
for (const channel of ['sms', 'email'] as const) {
  byId(SEND_LINK_BUTTONS[channel]).addEventListener('click', () => void run({ type: 'sendActivationLink', channel, to: input(ENROLL_IDS.sendTo).value }));
}
byId(ENROLL_IDS.openActivationLink).addEventListener('click', () => client.notify({ type: 'openActivationLink' }));
byId(ENROLL_IDS.enrollAnother).addEventListener('click', () => client.notify({ type: 'enrollAnother' }));

client.ready();
