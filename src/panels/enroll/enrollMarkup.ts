// Static markup of the Enroll panel. Its element ids come from elementIds.ts, which the script and
// the end-to-end tests (test/e2e) import too. Labels are tied to inputs for screen readers
// and the DOM order is the tab order.
import { fieldErrorId, SHARED_IDS } from '../shared/elementIds';
import { ERROR_BOX_AND_END, panelHeader } from '../shared/pageMarkup';
import { ENROLL_IDS } from './elementIds';

const field = (id: string, name: string, label: string, input: string, hint = ''): string => `
    <div class="field" data-field="${name}" hidden>
      <label for="${id}">${label}</label>
      ${input}
      ${hint ? `<p class="hint">${hint}</p>` : ''}
      <p class="field-error" id="${fieldErrorId(name)}" role="alert"></p>
    </div>`;

const text = (id: string, name: string, extra = ''): string =>
  `<input id="${id}" name="${name}" type="text" autocomplete="off" spellcheck="false" ${extra}>`;

export const ENROLL_BODY = `
${panelHeader('Enroll a factor')}
<main>
<section id="${ENROLL_IDS.enrollStep}" aria-labelledby="${SHARED_IDS.title}">
  <form id="${ENROLL_IDS.enrollForm}" novalidate>
    <div class="field">
      <label for="${ENROLL_IDS.factorSelect}">Factor</label>
      <select id="${ENROLL_IDS.factorSelect}" name="factorKey"></select>
      <p id="${ENROLL_IDS.factorNote}" class="note" role="note" hidden></p>
      <p class="field-error" id="${fieldErrorId('factorKey')}" role="alert"></p>
    </div>
    ${field(ENROLL_IDS.question, 'question', 'Security question', `<select id="${ENROLL_IDS.question}" name="question"></select>`)}
    ${field(ENROLL_IDS.answer, 'answer', 'Answer', text(ENROLL_IDS.answer, 'answer'), 'At least 4 characters.')}
    ${field(ENROLL_IDS.phone, 'phoneNumber', 'Phone number', text(ENROLL_IDS.phone, 'phoneNumber', 'type="tel" placeholder="+1-555-415-1337"'))}
    ${field(ENROLL_IDS.extension, 'phoneExtension', 'Extension (optional)', text(ENROLL_IDS.extension, 'phoneExtension', 'inputmode="numeric"'))}
    ${field(ENROLL_IDS.email, 'email', 'Email', text(ENROLL_IDS.email, 'email', 'type="email"'), 'Must be the user\'s primary or secondary email.')}
    ${field(ENROLL_IDS.credentialId, 'credentialId', 'Credential ID', text(ENROLL_IDS.credentialId, 'credentialId'), 'The token serial or the user name on the token server.')}
    ${field(ENROLL_IDS.passcode, 'passCode', 'Token code', text(ENROLL_IDS.passcode, 'passCode'))}
    ${field(ENROLL_IDS.nextPasscode, 'nextPassCode', 'Next token code', text(ENROLL_IDS.nextPasscode, 'nextPassCode'))}
    ${field(ENROLL_IDS.factorProfileId, 'factorProfileId', 'Factor profile', `<select id="${ENROLL_IDS.factorProfileId}" name="factorProfileId"></select>`)}
    ${field(ENROLL_IDS.sharedSecret, 'sharedSecret', 'Shared secret (optional)', `${text(ENROLL_IDS.sharedSecret, 'sharedSecret')}
      <label for="${ENROLL_IDS.sharedSecretEncoding}">typed as</label>
      <select id="${ENROLL_IDS.sharedSecretEncoding}" name="sharedSecretEncoding">
        <option value="">in the profile's encoding</option><option value="base32">base32</option>
        <option value="base64">base64</option><option value="hexadecimal">hexadecimal</option>
      </select>`, 'Leave empty to generate one in the profile\'s encoding. The built-in authenticator keeps it and computes codes under the profile (algorithm, digits, time step).')}
    <fieldset id="${ENROLL_IDS.options}" hidden>
      <legend>Options</legend>
      <div class="check" data-option="activate" hidden>
        <input id="${ENROLL_IDS.optActivate}" name="activate" type="checkbox">
        <label for="${ENROLL_IDS.optActivate}">Activate immediately (no activation code is sent)</label>
      </div>
      <div class="check" data-option="updatePhone" hidden>
        <input id="${ENROLL_IDS.optUpdatePhone}" name="updatePhone" type="checkbox">
        <label for="${ENROLL_IDS.optUpdatePhone}">Replace the user's pending phone number (updatePhone)</label>
      </div>
      <div class="field" data-option="templateId" hidden>
        <label for="${ENROLL_IDS.templateId}">SMS template ID (optional)</label>
        ${text(ENROLL_IDS.templateId, 'templateId')}
        <p class="field-error" id="${fieldErrorId('templateId')}" role="alert"></p>
      </div>
      <div class="field" data-option="tokenLifetimeSeconds" hidden>
        <label for="${ENROLL_IDS.tokenLifetime}">Code lifetime in seconds (optional, 1-86400; Okta's default is 300)</label>
        <input id="${ENROLL_IDS.tokenLifetime}" name="tokenLifetimeSeconds" type="number" min="1" max="86400" step="1">
        <p class="field-error" id="${fieldErrorId('tokenLifetimeSeconds')}" role="alert"></p>
      </div>
      <div class="field" data-option="acceptLanguage" hidden>
        <label for="${ENROLL_IDS.acceptLanguage}">Language of the message (optional Accept-Language, e.g. fr or de-CH)</label>
        ${text(ENROLL_IDS.acceptLanguage, 'acceptLanguage')}
        <p class="field-error" id="${fieldErrorId('acceptLanguage')}" role="alert"></p>
      </div>
    </fieldset>
    <div class="actions">
      <button id="${ENROLL_IDS.submit}" type="submit">Enroll</button>
    </div>
  </form>
</section>

<section id="${ENROLL_IDS.activationStep}" aria-labelledby="${ENROLL_IDS.activationTitle}" hidden>
  <h2 id="${ENROLL_IDS.activationTitle}">Activate</h2>
  <div id="${ENROLL_IDS.totpActivation}" hidden>
    <p>Scan the QR code with an authenticator app, or let the extension's built-in authenticator activate it.</p>
    <img id="${ENROLL_IDS.qr}" class="qr" alt="QR code of the authenticator setup link (otpauth URI)">
    <p>Secret key: <code id="${ENROLL_IDS.secret}" class="selectable"></code></p>
    <p>Built-in authenticator code: <code id="${ENROLL_IDS.builtinCode}" class="code"></code> <span id="${ENROLL_IDS.builtinSeconds}" class="muted"></span></p>
    <div class="actions">
      <button id="${ENROLL_IDS.activateBuiltin}" type="button">Activate with the built-in authenticator</button>
    </div>
  </div>
  <div id="${ENROLL_IDS.pushActivation}" hidden>
    <p class="note">Scan this QR code with Okta Verify on the phone. VS Code fetched Okta's image from the org; this panel
      loads no remote images. In the demo org, you can also choose "Approve" on the simulated phone's notification.</p>
    <img id="${ENROLL_IDS.pushQr}" class="qr" alt="Okta Verify activation QR code" hidden>
    <div class="field" id="${ENROLL_IDS.sendLink}" hidden>
      <label for="${ENROLL_IDS.sendTo}">Or send the activation link to the phone or address</label>
      <input id="${ENROLL_IDS.sendTo}" name="sendTo" type="text" autocomplete="off" spellcheck="false">
      <p class="field-error" id="${fieldErrorId('sendTo')}" role="alert"></p>
      <div class="actions">
        <button id="${ENROLL_IDS.sendSms}" type="button" class="secondary" hidden>Send by SMS</button>
        <button id="${ENROLL_IDS.sendEmail}" type="button" class="secondary" hidden>Send by email</button>
      </div>
    </div>
    <div class="actions">
      <button id="${ENROLL_IDS.openActivationLink}" type="button">Open activation QR in browser</button>
      <button id="${ENROLL_IDS.restartPush}" type="button" class="secondary" hidden>Restart activation</button>
    </div>
  </div>
  <form id="${ENROLL_IDS.passcodeForm}" novalidate hidden>
    <p id="${ENROLL_IDS.sentTo}" class="muted"></p>
    <div class="field">
      <label for="${ENROLL_IDS.code}">Activation code</label>
      <input id="${ENROLL_IDS.code}" name="activationCode" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false">
      <p class="field-error" id="${fieldErrorId('activationCode')}" role="alert"></p>
    </div>
    <div class="actions">
      <button id="${ENROLL_IDS.activate}" type="submit">Activate</button>
      <button id="${ENROLL_IDS.resend}" type="button" class="secondary" hidden>Resend code</button>
      <span id="${ENROLL_IDS.cooldown}" class="muted" aria-live="polite"></span>
    </div>
  </form>
  <p id="${SHARED_IDS.status}" class="status" role="status" aria-live="polite"></p>
  <div class="actions">
    <button id="${ENROLL_IDS.enrollAnother}" type="button" class="secondary" hidden>Enroll another factor</button>
  </div>
</section>

${ERROR_BOX_AND_END}`;
