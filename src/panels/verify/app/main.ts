// Verify panel script (bundled to dist/webview/verify.js). One form whose primary button does what
// the factor needs: send the code challenge, verify a code or answer, or send a push and follow it.
import { byId, setStatus, show, showError } from '../../shared/app/dom';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import type {
  ChallengeOptions, ErrorView, VerifyHeaders, VerifyHostMessage, VerifyOutcome, VerifyState, VerifyWebviewMessage,
} from '../../shared/protocol';

let mode: VerifyState['mode'] = 'unsupported';
let challengeSent = false;
let pushWaiting = false;

const client = new WebviewClient<VerifyWebviewMessage, VerifyHostMessage>((message) => {
  switch (message.type) {
    case 'state':
      renderState(message);
      break;
    case 'challengeSent':
      challengeSent = true;
      setStatus(message.message);
      show(byId('code-field'), true);
      byId('send-code').textContent = 'Send a new code';
      input('code').focus();
      break;
    case 'code':
      input('code').value = message.code;
      setStatus(message.secondsRemaining === undefined
        ? 'Built-in authenticator code filled in (the next one will differ).'
        : `Built-in authenticator code filled in (valid ${message.secondsRemaining} s more).`);
      byId('submit').focus();
      break;
    case 'pushStatus': {
      setStatus(message.message);
      const correct = byId('correct-answer');
      correct.textContent = message.correctAnswer !== undefined ? `Number to pick in Okta Verify: ${message.correctAnswer}` : '';
      show(correct, message.correctAnswer !== undefined);
      break;
    }
    case 'result':
      renderResult(message.outcome, message.factorResult, message.message);
      break;
  }
});

const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id);

function renderState(state: VerifyState): void {
  mode = state.mode;
  byId('title').textContent = `Verify ${state.factorLabel}`;
  byId('subtitle').textContent = `${state.userLabel} - ${state.orgLabel} - ${state.factorStatus.toLowerCase().replace(/_/g, ' ')}`;
  const unsupported = byId('unsupported');
  unsupported.textContent = state.mode === 'unsupported' ? state.prompt ?? '' : '';
  show(unsupported, state.mode === 'unsupported');
  show(byId('verify-form'), state.mode !== 'unsupported');
  show(byId('challenge-section'), state.mode === 'challenge-then-passcode');
  show(byId('code-field'), state.mode === 'passcode' || (state.mode === 'challenge-then-passcode' && challengeSent));
  show(byId('use-builtin'), state.builtInAuthenticator);
  show(byId('next-code-field'), state.nextPassCode);
  show(byId('answer-field'), state.mode === 'answer');
  show(byId('push-intro'), state.mode === 'push');
  byId('answer-label').textContent = state.prompt ?? 'Answer';
  byId('submit').textContent = state.mode === 'push' ? 'Send push' : 'Verify';
  show(byId('cancel'), state.mode === 'push');
  byId<HTMLButtonElement>('cancel').disabled = !pushWaiting;
  const first = { 'challenge-then-passcode': 'send-code', passcode: 'code', answer: 'answer', push: 'submit', unsupported: '' }[state.mode];
  if (first) byId(first).focus();
}

function headers(): VerifyHeaders {
  return { xForwardedFor: input('xff').value.trim(), userAgent: input('user-agent').value.trim(), acceptLanguage: input('accept-language').value.trim() };
}

function challengeOptions(): ChallengeOptions {
  return { templateId: input('template-id').value.trim(), tokenLifetimeSeconds: input('token-lifetime').value.trim() };
}

function renderResult(outcome: VerifyOutcome, factorResult: string, message: string): void {
  const result = byId('result');
  result.textContent = `${factorResult}: ${message}`;
  result.dataset.outcome = outcome;
  result.dataset.factorResult = factorResult;
  show(result, true);
}

function clearResult(): void {
  show(byId('result'), false);
  byId('result').dataset.outcome = '';
}

function run(request: Parameters<typeof client.request>[0]): Promise<ErrorView | undefined> {
  return runRequest(() => client.request(request));
}

async function sendPush(): Promise<void> {
  clearResult();
  pushWaiting = true;
  const cancel = byId<HTMLButtonElement>('cancel');
  // The push request stays open while the host polls; only Cancel stays usable meanwhile.
  await runRequest(async () => {
    cancel.disabled = false;
    try {
      return await client.request({ type: 'sendPush', headers: headers() });
    } finally {
      pushWaiting = false;
      cancel.disabled = true;
    }
  });
}

async function submit(): Promise<void> {
  if (mode === 'push') return sendPush();
  if (mode === 'challenge-then-passcode' && !challengeSent) {
    await run({ type: 'sendChallenge', headers: headers(), challenge: challengeOptions() });
    return;
  }
  clearResult();
  if (mode === 'answer') {
    const answer = input('answer').value;
    if (answer.trim() === '') return void showError({ message: 'Enter the answer.', causes: [], fields: { answer: 'Enter the answer.' } });
    await run({ type: 'verify', answer, headers: headers() });
  } else {
    const passCode = input('code').value.trim();
    if (passCode === '') return void showError({ message: 'Enter the code.', causes: [], fields: { passCode: 'Enter the code.' } });
    const nextPassCode = input('next-code').value.trim();
    await run({ type: 'verify', passCode, nextPassCode: nextPassCode || undefined, headers: headers() });
  }
}

byId<HTMLFormElement>('verify-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
byId('send-code').addEventListener('click', () => {
  clearResult();
  void run({ type: 'sendChallenge', headers: headers(), challenge: challengeOptions() });
});
byId('use-builtin').addEventListener('click', () => void run({ type: 'builtInCode' }));
byId('cancel').addEventListener('click', () => {
  // Sent outside the busy wrapper: it must get through while the push request is pending.
  void client.request({ type: 'cancelPush' }).then((error) => error && showError(error));
});

client.ready();
