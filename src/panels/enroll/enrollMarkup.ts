// Static markup of the Enroll panel. Element ids are a contract with the end-to-end tests
// (test/e2e) and with ui/enroll.ts: keep them stable. Labels are tied to inputs for screen readers
// and the DOM order is the tab order.
import { ERROR_BOX_AND_END } from '../shared/pageMarkup';

const field = (id: string, name: string, label: string, input: string, hint = ''): string => `
    <div class="field" data-field="${name}" hidden>
      <label for="${id}">${label}</label>
      ${input}
      ${hint ? `<p class="hint">${hint}</p>` : ''}
      <p class="field-error" id="error-${name}" role="alert"></p>
    </div>`;

const text = (id: string, name: string, extra = ''): string =>
  `<input id="${id}" name="${name}" type="text" autocomplete="off" spellcheck="false" ${extra}>`;

export const ENROLL_BODY = `
<header>
  <h1 id="title">Enroll a factor</h1>
  <p id="subtitle" class="muted">Loading...</p>
</header>
<main>
<section id="enroll-step" aria-labelledby="title">
  <form id="enroll-form" novalidate>
    <div class="field">
      <label for="factor-select">Factor</label>
      <select id="factor-select" name="factorKey"></select>
      <p id="factor-note" class="note" role="note" hidden></p>
      <p class="field-error" id="error-factorKey" role="alert"></p>
    </div>
    ${field('question', 'question', 'Security question', '<select id="question" name="question"></select>')}
    ${field('answer', 'answer', 'Answer', text('answer', 'answer'), 'At least 4 characters.')}
    ${field('phone', 'phoneNumber', 'Phone number', text('phone', 'phoneNumber', 'type="tel" placeholder="+1-555-415-1337"'))}
    ${field('extension', 'phoneExtension', 'Extension (optional)', text('extension', 'phoneExtension', 'inputmode="numeric"'))}
    ${field('email', 'email', 'Email', text('email', 'email', 'type="email"'), 'Must be the user\'s primary or secondary email.')}
    ${field('credential-id', 'credentialId', 'Credential ID', text('credential-id', 'credentialId'), 'The token serial or the user name on the token server.')}
    ${field('passcode', 'passCode', 'Token code', text('passcode', 'passCode'))}
    ${field('next-passcode', 'nextPassCode', 'Next token code', text('next-passcode', 'nextPassCode'))}
    ${field('factor-profile-id', 'factorProfileId', 'Factor profile', '<select id="factor-profile-id" name="factorProfileId"></select>')}
    ${field('shared-secret', 'sharedSecret', 'Shared secret (optional)', `${text('shared-secret', 'sharedSecret')}
      <label for="shared-secret-encoding">typed as</label>
      <select id="shared-secret-encoding" name="sharedSecretEncoding">
        <option value="">in the profile's encoding</option><option value="base32">base32</option>
        <option value="base64">base64</option><option value="hexadecimal">hexadecimal</option>
      </select>`, 'Leave empty to generate one in the profile\'s encoding. The built-in authenticator keeps it and computes codes under the profile (algorithm, digits, time step).')}
    <fieldset id="options" hidden>
      <legend>Options</legend>
      <div class="check" data-option="activate" hidden>
        <input id="opt-activate" name="activate" type="checkbox">
        <label for="opt-activate">Activate immediately (no activation code is sent)</label>
      </div>
      <div class="check" data-option="updatePhone" hidden>
        <input id="opt-update-phone" name="updatePhone" type="checkbox">
        <label for="opt-update-phone">Replace the user's pending phone number (updatePhone)</label>
      </div>
      <div class="field" data-option="templateId" hidden>
        <label for="template-id">SMS template ID (optional)</label>
        ${text('template-id', 'templateId')}
        <p class="field-error" id="error-templateId" role="alert"></p>
      </div>
      <div class="field" data-option="tokenLifetimeSeconds" hidden>
        <label for="token-lifetime">Code lifetime in seconds (optional, 1-86400; Okta's default is 300)</label>
        <input id="token-lifetime" name="tokenLifetimeSeconds" type="number" min="1" max="86400" step="1">
        <p class="field-error" id="error-tokenLifetimeSeconds" role="alert"></p>
      </div>
      <div class="field" data-option="acceptLanguage" hidden>
        <label for="accept-language">Language of the message (optional Accept-Language, e.g. fr or de-CH)</label>
        ${text('accept-language', 'acceptLanguage')}
        <p class="field-error" id="error-acceptLanguage" role="alert"></p>
      </div>
    </fieldset>
    <div class="actions">
      <button id="submit" type="submit">Enroll</button>
    </div>
  </form>
</section>

<section id="activation-step" aria-labelledby="activation-title" hidden>
  <h2 id="activation-title">Activate</h2>
  <div id="totp-activation" hidden>
    <p>Scan the QR code with an authenticator app, or let the extension's built-in authenticator activate it.</p>
    <img id="qr" class="qr" alt="QR code of the authenticator setup link (otpauth URI)">
    <p>Secret key: <code id="secret" class="selectable"></code></p>
    <p>Built-in authenticator code: <code id="builtin-code" class="code"></code> <span id="builtin-seconds" class="muted"></span></p>
    <div class="actions">
      <button id="activate-builtin" type="button">Activate with the built-in authenticator</button>
    </div>
  </div>
  <div id="push-activation" hidden>
    <p class="note">Scan this QR code with Okta Verify on the phone. VS Code fetched Okta's image from the org; this panel
      loads no remote images. In the demo org, you can also choose "Approve" on the simulated phone's notification.</p>
    <img id="push-qr" class="qr" alt="Okta Verify activation QR code" hidden>
    <div class="field" id="send-link" hidden>
      <label for="send-to">Or send the activation link to the phone or address</label>
      <input id="send-to" name="sendTo" type="text" autocomplete="off" spellcheck="false">
      <p class="field-error" id="error-sendTo" role="alert"></p>
      <div class="actions">
        <button id="send-sms" type="button" class="secondary" hidden>Send by SMS</button>
        <button id="send-email" type="button" class="secondary" hidden>Send by email</button>
      </div>
    </div>
    <div class="actions">
      <button id="open-activation-link" type="button">Open activation QR in browser</button>
      <button id="restart-push" type="button" class="secondary" hidden>Restart activation</button>
    </div>
  </div>
  <form id="passcode-form" novalidate hidden>
    <p id="sent-to" class="muted"></p>
    <div class="field">
      <label for="code">Activation code</label>
      <input id="code" name="activationCode" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false">
      <p class="field-error" id="error-activationCode" role="alert"></p>
    </div>
    <div class="actions">
      <button id="activate" type="submit">Activate</button>
      <button id="resend" type="button" class="secondary" hidden>Resend code</button>
      <span id="cooldown" class="muted" aria-live="polite"></span>
    </div>
  </form>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div class="actions">
    <button id="enroll-another" type="button" class="secondary" hidden>Enroll another factor</button>
  </div>
</section>

${ERROR_BOX_AND_END}`;
