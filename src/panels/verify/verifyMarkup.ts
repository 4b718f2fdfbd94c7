// Static markup of the Verify panel. Its element ids come from elementIds.ts, which the script and
// the end-to-end tests (test/e2e) import too. One form, so Enter submits from any input.
import { fieldErrorId, SHARED_IDS } from '../shared/elementIds';
import { ERROR_BOX_AND_END, panelHeader } from '../shared/pageMarkup';
import { VERIFY_IDS } from './elementIds';

export const VERIFY_BODY = `
${panelHeader('Verify a factor')}
<main>
<p id="${VERIFY_IDS.unsupported}" class="note" role="note" hidden></p>
<form id="${VERIFY_IDS.form}" novalidate hidden>
  <section id="${VERIFY_IDS.challengeSection}" hidden>
    <p>Okta first sends a one-time code to the factor; then enter it below.</p>
    <details id="${VERIFY_IDS.challengeOptions}">
      <summary>Options: SMS template, code lifetime</summary>
      <div class="field">
        <label for="${VERIFY_IDS.templateId}">SMS template id (optional; Enter keeps Okta's default message)</label>
        <input id="${VERIFY_IDS.templateId}" name="templateId" type="text" autocomplete="off" spellcheck="false">
      </div>
      <div class="field">
        <label for="${VERIFY_IDS.tokenLifetime}">Code lifetime in seconds (optional, email only: 1 to 86400; Okta's default is 300)</label>
        <input id="${VERIFY_IDS.tokenLifetime}" name="tokenLifetimeSeconds" type="text" inputmode="numeric" autocomplete="off" spellcheck="false">
        <p class="field-error" id="${fieldErrorId('tokenLifetimeSeconds')}" role="alert"></p>
      </div>
    </details>
    <div class="actions">
      <button id="${VERIFY_IDS.sendCode}" type="button">Send code</button>
    </div>
  </section>
  <p id="${VERIFY_IDS.pushIntro}" hidden>Sends a push to the user's Okta Verify app; the status below follows it live until it is
    approved, denied or times out. Cancel stops following it and cancels it on Okta.</p>
  <p id="${VERIFY_IDS.passkeyIntro}" hidden></p>
  <div class="field" id="${VERIFY_IDS.codeField}" hidden>
    <label for="${VERIFY_IDS.code}">Code</label>
    <div class="inline">
      <input id="${VERIFY_IDS.code}" name="passCode" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false">
      <button id="${VERIFY_IDS.useBuiltin}" type="button" class="secondary" hidden>Use built-in authenticator code</button>
    </div>
    <p class="field-error" id="${fieldErrorId('passCode')}" role="alert"></p>
  </div>
  <div class="field" id="${VERIFY_IDS.nextCodeField}" hidden>
    <label for="${VERIFY_IDS.nextCode}">Next code (Symantec VIP asks for two consecutive codes)</label>
    <input id="${VERIFY_IDS.nextCode}" name="nextPassCode" type="text" inputmode="numeric" autocomplete="off" spellcheck="false">
    <p class="field-error" id="${fieldErrorId('nextPassCode')}" role="alert"></p>
  </div>
  <div class="field" id="${VERIFY_IDS.answerField}" hidden>
    <label for="${VERIFY_IDS.answer}" id="${VERIFY_IDS.answerLabel}">Answer</label>
    <input id="${VERIFY_IDS.answer}" name="answer" type="text" autocomplete="off" spellcheck="false">
    <p class="field-error" id="${fieldErrorId('answer')}" role="alert"></p>
  </div>
  <p id="${VERIFY_IDS.correctAnswer}" class="code" hidden></p>
  <details id="${VERIFY_IDS.advanced}">
    <summary>Advanced: request headers</summary>
    <div class="field">
      <label for="${VERIFY_IDS.xForwardedFor}">X-Forwarded-For (end user's IP; honoured only from a trusted proxy)</label>
      <input id="${VERIFY_IDS.xForwardedFor}" name="xForwardedFor" type="text" autocomplete="off" spellcheck="false">
    </div>
    <div class="field">
      <label for="${VERIFY_IDS.userAgent}">User-Agent (shown in the push notification)</label>
      <input id="${VERIFY_IDS.userAgent}" name="userAgent" type="text" autocomplete="off" spellcheck="false">
    </div>
    <div class="field">
      <label for="${VERIFY_IDS.acceptLanguage}">Accept-Language (e.g. fr; picks the SMS template language)</label>
      <input id="${VERIFY_IDS.acceptLanguage}" name="acceptLanguage" type="text" autocomplete="off" spellcheck="false">
    </div>
  </details>
  <div class="actions">
    <button id="${VERIFY_IDS.submit}" type="submit">Verify</button>
    <button id="${VERIFY_IDS.cancel}" type="button" class="secondary" hidden>Cancel</button>
  </div>
</form>
<p id="${SHARED_IDS.status}" class="status" role="status" aria-live="polite"></p>
<div id="${VERIFY_IDS.result}" class="result" role="alert" hidden></div>
${ERROR_BOX_AND_END}`;
