// Static markup of the Verify panel. Element ids are a contract with the end-to-end tests
// (test/e2e) and with ui/verify.ts: keep them stable. One form, so Enter submits from any input.
import { ERROR_BOX_AND_END } from '../shared/pageMarkup';

export const VERIFY_BODY = `
<header>
  <h1 id="title">Verify a factor</h1>
  <p id="subtitle" class="muted">Loading...</p>
</header>
<main>
<p id="unsupported" class="note" role="note" hidden></p>
<form id="verify-form" novalidate hidden>
  <section id="challenge-section" hidden>
    <p>Okta first sends a one-time code to the factor; then enter it below.</p>
    <details id="challenge-options">
      <summary>Options: SMS template, code lifetime</summary>
      <div class="field">
        <label for="template-id">SMS template id (optional; Enter keeps Okta's default message)</label>
        <input id="template-id" name="templateId" type="text" autocomplete="off" spellcheck="false">
      </div>
      <div class="field">
        <label for="token-lifetime">Code lifetime in seconds (optional, email only: 1 to 86400; Okta's default is 300)</label>
        <input id="token-lifetime" name="tokenLifetimeSeconds" type="text" inputmode="numeric" autocomplete="off" spellcheck="false">
        <p class="field-error" id="error-tokenLifetimeSeconds" role="alert"></p>
      </div>
    </details>
    <div class="actions">
      <button id="send-code" type="button">Send code</button>
    </div>
  </section>
  <p id="push-intro" hidden>Sends a push to the user's Okta Verify app; the status below follows it live until it is
    approved, denied or times out. Cancel stops following it and cancels it on Okta.</p>
  <div class="field" id="code-field" hidden>
    <label for="code">Code</label>
    <div class="inline">
      <input id="code" name="passCode" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false">
      <button id="use-builtin" type="button" class="secondary" hidden>Use built-in authenticator code</button>
    </div>
    <p class="field-error" id="error-passCode" role="alert"></p>
  </div>
  <div class="field" id="next-code-field" hidden>
    <label for="next-code">Next code (Symantec VIP asks for two consecutive codes)</label>
    <input id="next-code" name="nextPassCode" type="text" inputmode="numeric" autocomplete="off" spellcheck="false">
    <p class="field-error" id="error-nextPassCode" role="alert"></p>
  </div>
  <div class="field" id="answer-field" hidden>
    <label for="answer" id="answer-label">Answer</label>
    <input id="answer" name="answer" type="text" autocomplete="off" spellcheck="false">
    <p class="field-error" id="error-answer" role="alert"></p>
  </div>
  <p id="correct-answer" class="code" hidden></p>
  <details id="advanced">
    <summary>Advanced: request headers</summary>
    <div class="field">
      <label for="xff">X-Forwarded-For (end user's IP; honoured only from a trusted proxy)</label>
      <input id="xff" name="xForwardedFor" type="text" autocomplete="off" spellcheck="false">
    </div>
    <div class="field">
      <label for="user-agent">User-Agent (shown in the push notification)</label>
      <input id="user-agent" name="userAgent" type="text" autocomplete="off" spellcheck="false">
    </div>
    <div class="field">
      <label for="accept-language">Accept-Language (e.g. fr; picks the SMS template language)</label>
      <input id="accept-language" name="acceptLanguage" type="text" autocomplete="off" spellcheck="false">
    </div>
  </details>
  <div class="actions">
    <button id="submit" type="submit">Verify</button>
    <button id="cancel" type="button" class="secondary" hidden>Cancel</button>
  </div>
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
<div id="result" class="result" role="alert" hidden></div>
${ERROR_BOX_AND_END}`;
