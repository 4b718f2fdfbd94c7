// Verify panel script (bundled to dist/webview/verify.js). One form whose primary button does what
// the factor needs: send the code challenge, verify a code or answer, or send a push and follow it.
import { byId, focusWhenReady, setStatus, show, showError } from '../../shared/app/dom';
import { SHARED_IDS } from '../../shared/elementIds';
import { runRequest } from '../../shared/app/runRequest';
import { WebviewClient } from '../../shared/app/webviewClient';
import type { ErrorView } from '../../shared/protocol';
import type { ChallengeOptions, VerifyHeaders, VerifyHostMessage, VerifyOutcome, VerifyState, VerifyWebviewMessage } from '../protocol';
import { VERIFY_IDS } from '../elementIds';

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
      show(byId(VERIFY_IDS.codeField), true);
      byId(VERIFY_IDS.sendCode).textContent = 'Send a new code';
      input(VERIFY_IDS.code).focus();
      break;
    case 'code':
      input(VERIFY_IDS.code).value = message.code;
      setStatus(message.secondsRemaining === undefined
        ? 'Built-in authenticator code filled in (the next one will differ).'
        : `Built-in authenticator code filled in (valid ${message.secondsRemaining} s more).`);
      focusWhenReady(byId(VERIFY_IDS.submit));
      break;
    case 'pushStatus': {
      setStatus(message.message);
      const correct = byId(VERIFY_IDS.correctAnswer);
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
  byId(SHARED_IDS.title).textContent = `Verify ${state.factorLabel}`;
  byId(SHARED_IDS.subtitle).textContent = `${state.userLabel} - ${state.orgLabel} - ${state.factorStatus.toLowerCase().replace(/_/g, ' ')}`;
  const unsupported = byId(VERIFY_IDS.unsupported);
  unsupported.textContent = state.mode === 'unsupported' ? state.prompt ?? '' : '';
  show(unsupported, state.mode === 'unsupported');
  show(byId(VERIFY_IDS.form), state.mode !== 'unsupported');
  show(byId(VERIFY_IDS.challengeSection), state.mode === 'challenge-then-passcode');
  show(byId(VERIFY_IDS.codeField), state.mode === 'passcode' || (state.mode === 'challenge-then-passcode' && challengeSent));
  show(byId(VERIFY_IDS.useBuiltin), state.builtInAuthenticator);
  show(byId(VERIFY_IDS.nextCodeField), state.nextPassCode);
  show(byId(VERIFY_IDS.answerField), state.mode === 'answer');
  show(byId(VERIFY_IDS.pushIntro), state.mode === 'push');
  byId(VERIFY_IDS.passkeyIntro).textContent = state.mode === 'passkey' ? state.prompt ?? '' : '';
  show(byId(VERIFY_IDS.passkeyIntro), state.mode === 'passkey');
  byId(VERIFY_IDS.answerLabel).textContent = state.prompt ?? 'Answer';
  byId(VERIFY_IDS.submit).textContent = state.mode === 'push' ? 'Send push' : state.mode === 'passkey' ? 'Verify with the built-in passkey' : 'Verify';
  show(byId(VERIFY_IDS.cancel), state.mode === 'push');
  byId<HTMLButtonElement>(VERIFY_IDS.cancel).disabled = !pushWaiting;
  const first = {
    'challenge-then-passcode': VERIFY_IDS.sendCode, passcode: VERIFY_IDS.code, answer: VERIFY_IDS.answer, push: VERIFY_IDS.submit, passkey: VERIFY_IDS.submit, unsupported: '',
  }[state.mode];
  if (first) byId(first).focus();
}

function headers(): VerifyHeaders {
  return { xForwardedFor: input(VERIFY_IDS.xForwardedFor).value.trim(), userAgent: input(VERIFY_IDS.userAgent).value.trim(), acceptLanguage: input(VERIFY_IDS.acceptLanguage).value.trim() };
}

function challengeOptions(): ChallengeOptions {
  return { templateId: input(VERIFY_IDS.templateId).value.trim(), tokenLifetimeSeconds: input(VERIFY_IDS.tokenLifetime).value.trim() };
}

function renderResult(outcome: VerifyOutcome, factorResult: string, message: string): void {
  const result = byId(VERIFY_IDS.result);
  result.textContent = `${factorResult}: ${message}`;
  result.dataset.outcome = outcome;
  result.dataset.factorResult = factorResult;
  show(result, true);
}

function clearResult(): void {
  show(byId(VERIFY_IDS.result), false);
  byId(VERIFY_IDS.result).dataset.outcome = '';
}

function run(request: Parameters<typeof client.request>[0]): Promise<ErrorView | undefined> {
  return runRequest(() => client.request(request));
}

async function sendPush(): Promise<void> {
  clearResult();
  pushWaiting = true;
  const cancel = byId<HTMLButtonElement>(VERIFY_IDS.cancel);
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
  if (mode === 'passkey') {
    clearResult();
    await run({ type: 'verifyPasskey', headers: headers() });
    return;
  }
  if (mode === 'challenge-then-passcode' && !challengeSent) {
    await run({ type: 'sendChallenge', headers: headers(), challenge: challengeOptions() });
    return;
  }
  clearResult();
  if (mode === 'answer') {
    const answer = input(VERIFY_IDS.answer).value;
    if (answer.trim() === '') return void showError({ message: 'Enter the answer.', causes: [], fields: { answer: 'Enter the answer.' } });
    await run({ type: 'verify', answer, headers: headers() });
  } else {
    const passCode = input(VERIFY_IDS.code).value.trim();
    if (passCode === '') return void showError({ message: 'Enter the code.', causes: [], fields: { passCode: 'Enter the code.' } });
    const nextPassCode = input(VERIFY_IDS.nextCode).value.trim();
    await run({ type: 'verify', passCode, nextPassCode: nextPassCode || undefined, headers: headers() });
  }
}

byId<HTMLFormElement>(VERIFY_IDS.form).addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
byId(VERIFY_IDS.sendCode).addEventListener('click', () => {
  clearResult();
  void run({ type: 'sendChallenge', headers: headers(), challenge: challengeOptions() });
});
byId(VERIFY_IDS.useBuiltin).addEventListener('click', () => void run({ type: 'builtInCode' }));
byId(VERIFY_IDS.cancel).addEventListener('click', () => {
  // Sent outside the busy wrapper: it must get through while the push request is pending.
  void client.request({ type: 'cancelPush' }).then((error) => error && showError(error));
});

client.ready();
