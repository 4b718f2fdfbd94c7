// Enroll panel script (bundled to dist/webview/enroll.js). Renders the host's state, shows the
// inputs the chosen factor needs, sends the form, then runs the activation step in place.
import { byId, clearErrors, setStatus, show, showError } from '../../shared/app/dom';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import { enrollLayout } from '../enrollFields';
import type { ActivationView, CatalogEntryView, EnrollForm, EnrollHostMessage, EnrollState, EnrollWebviewMessage, ErrorView } from '../../shared/protocol';

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
      byId('builtin-code').textContent = message.code;
      byId('builtin-seconds').textContent = `(${message.secondsRemaining} s left)`;
      break;
    case 'pushStatus':
      renderPushStatus(message.factorResult, message.message);
      break;
  }
});

const factorSelect = byId<HTMLSelectElement>('factor-select');
const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id);

function option(value: string, label: string): HTMLOptionElement {
  return Object.assign(document.createElement('option'), { value, textContent: label });
}

function renderState(state: EnrollState): void {
  catalog = state.catalog;
  byId('subtitle').textContent = `${state.userLabel} - ${state.orgLabel}`;
  factorSelect.replaceChildren(
    option('', catalog.length > 0 ? 'Choose a factor...' : 'No factors available to enroll'),
    ...catalog.map((entry) => option(entry.key, entry.enrollment ? `${entry.label} (${entry.enrollment.toLowerCase()})` : entry.label)),
  );
  factorSelect.value = state.preselected ?? '';
  byId<HTMLSelectElement>('question').replaceChildren(
    option('', 'Choose a question...'),
    ...state.questions.map((q) => option(q.question, q.questionText)),
  );
  const profileSelect = byId<HTMLSelectElement>('factor-profile-id');
  const chosenProfile = profileSelect.value;
  profileSelect.replaceChildren(
    option('', state.profiles.length > 0 ? 'Choose a factor profile...' : 'The org defines no Custom TOTP profile'),
    ...state.profiles.map((p) => option(p.id, p.label)),
  );
  profileSelect.value = chosenProfile || (state.profiles.find((p) => p.default)?.id ?? '');
  input('phone').value ||= state.defaults.phoneNumber;
  input('email').value ||= state.defaults.email;
  input('credential-id').value ||= state.defaults.credentialId;
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
  show(byId('options'), layout.options.length > 0);
  // Custom HOTP only supports auto-activation (Okta's docs), so start with the box ticked.
  input('opt-activate').checked = entry?.factorType === 'token:hotp';
  const note = byId('factor-note');
  const reason = entry?.unsupportedReason;
  note.textContent = reason ?? '';
  show(note, !!reason);
  byId<HTMLButtonElement>('submit').disabled = !entry || !!reason;
  clearErrors();
}

function readForm(): EnrollForm {
  return {
    factorKey: factorSelect.value,
    question: byId<HTMLSelectElement>('question').value,
    answer: input('answer').value,
    phoneNumber: input('phone').value,
    phoneExtension: input('extension').value,
    email: input('email').value,
    credentialId: input('credential-id').value,
    passCode: input('passcode').value,
    nextPassCode: input('next-passcode').value,
    factorProfileId: input('factor-profile-id').value,
    sharedSecret: input('shared-secret').value,
    sharedSecretEncoding: byId<HTMLSelectElement>('shared-secret-encoding').value,
    activate: input('opt-activate').checked,
    updatePhone: input('opt-update-phone').checked,
    templateId: input('template-id').value,
    tokenLifetimeSeconds: input('token-lifetime').value,
    acceptLanguage: input('accept-language').value,
  };
}

function run(request: Parameters<typeof client.request>[0]): Promise<ErrorView | undefined> {
  return runRequest(() => client.request(request));
}

function showStep(step: 'enroll' | 'activation'): void {
  show(byId('enroll-step'), step === 'enroll');
  show(byId('activation-step'), step === 'activation');
}

function renderActivation(activation: ActivationView): void {
  showStep('activation');
  byId('activation-title').textContent =
    activation.kind === 'done' ? `${activation.factorLabel}: ${activation.status.toLowerCase().replace(/_/g, ' ')}` : `Activate ${activation.factorLabel}`;
  show(byId('totp-activation'), activation.kind === 'totp');
  show(byId('push-activation'), activation.kind === 'push');
  show(byId('passcode-form'), activation.kind === 'totp' || activation.kind === 'passcode');
  show(byId('resend'), activation.kind === 'passcode');
  show(byId('enroll-another'), activation.kind === 'done');
  window.clearInterval(cooldownTimer);
  byId('cooldown').textContent = '';
  setStatus('');
  switch (activation.kind) {
    case 'totp':
      byId<HTMLImageElement>('qr').src = activation.qrDataUrl;
      byId('secret').textContent = activation.secret;
      byId('sent-to').textContent = 'Or type the current code from your authenticator app:';
      byId('activate-builtin').focus();
      break;
    case 'push': {
      show(byId('open-activation-link'), !!activation.activationLink);
      const qr = byId<HTMLImageElement>('push-qr');
      if (activation.qrDataUrl) qr.src = activation.qrDataUrl;
      show(qr, !!activation.qrDataUrl);
      show(byId('send-link'), activation.sendChannels.length > 0);
      show(byId('send-sms'), activation.sendChannels.includes('sms'));
      show(byId('send-email'), activation.sendChannels.includes('email'));
      input('send-to').value ||= activation.sendChannels.includes('sms') ? input('phone').value : input('email').value;
      renderPushStatus(activation.factorResult, 'Waiting for Okta Verify to complete the activation...');
      break;
    }
    case 'passcode':
      byId('sent-to').textContent = `Okta sent a code to ${activation.sentTo}.`;
      startCooldown(activation.resendAvailableAt);
      input('code').focus();
      break;
    case 'done':
      setStatus(activation.message, activation.status === 'ACTIVE' ? 'success' : 'info');
      byId('enroll-another').focus();
      break;
  }
}

function renderPushStatus(factorResult: string, message: string): void {
  const finished = factorResult !== 'WAITING';
  setStatus(message, factorResult === 'TIMEOUT' || factorResult === 'ERROR' || factorResult === 'CANCELLED' ? 'failure' : 'info');
  show(byId('restart-push'), finished);
}

/** Counts down to when Okta accepts another code (30 s per device), then enables Resend. */
function startCooldown(availableAt: number): void {
  const resend = byId<HTMLButtonElement>('resend');
  const tick = (): void => {
    const left = Math.ceil((availableAt - Date.now()) / 1000);
    resend.disabled = left > 0 || document.body.classList.contains('busy');
    byId('cooldown').textContent = left > 0 ? `Resend available in ${left} s` : '';
    if (left <= 0) window.clearInterval(cooldownTimer);
  };
  window.clearInterval(cooldownTimer);
  tick();
  cooldownTimer = window.setInterval(tick, 1000);
}

factorSelect.addEventListener('change', updateLayout);

byId<HTMLFormElement>('enroll-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void run({ type: 'enroll', form: readForm() });
});

byId<HTMLFormElement>('passcode-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const passCode = input('code').value.trim();
  if (passCode === '') {
    showError({ message: 'Enter the activation code.', causes: [], fields: { activationCode: 'Enter the code.' } });
    return;
  }
  void run({ type: 'activate', passCode });
});

byId('activate-builtin').addEventListener('click', () => void run({ type: 'activateWithAuthenticator' }));
byId('resend').addEventListener('click', () => void run({ type: 'resend' }));
byId('restart-push').addEventListener('click', () => void run({ type: 'restartPushActivation' }));
for (const channel of ['sms', 'email'] as const) {
  byId(`send-${channel}`).addEventListener('click', () => void run({ type: 'sendActivationLink', channel, to: input('send-to').value }));
}
byId('open-activation-link').addEventListener('click', () => client.notify({ type: 'openActivationLink' }));
byId('enroll-another').addEventListener('click', () => client.notify({ type: 'enrollAnother' }));

client.ready();
