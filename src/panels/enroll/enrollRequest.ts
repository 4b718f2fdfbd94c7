// Turns the enroll form's raw values into Okta's enroll request and query options, or into
// per-field messages. The host runs this on every submit: the webview's own checks are a courtesy.
// No `vscode` here.
import { newCustomTotpSecret, secretInProfileEncoding } from '../../authenticator/customTotpProfile';
import type { CustomTotpProfile, EnrollFactorOptions, EnrollFactorRequest, SecurityQuestion, SupportedFactor } from '../../okta/models';
import { answerProblem } from '../../factors/questionAnswer';
import { catalogKey, enrollLayout, type EnrollField } from './enrollFields';
import type { EnrollForm } from './protocol';

export type EnrollMapping =
  | { ok: true; entry: SupportedFactor; request: EnrollFactorRequest; options: EnrollFactorOptions }
  | { ok: false; fields: Record<string, string> };

export const MAX_TOKEN_LIFETIME_SECONDS = 86400;

const REQUIRED_MESSAGES: Record<EnrollField, string> = {
  question: 'Choose a question.',
  answer: 'Enter an answer.',
  phoneNumber: 'Enter a phone number, e.g. +1-555-415-1337.',
  phoneExtension: '',
  email: 'Enter an email address.',
  credentialId: 'Enter the credential ID (token serial or the user name on the token server).',
  passCode: 'Enter the code shown on the token.',
  nextPassCode: 'Enter the next code shown on the token.',
  factorProfileId: 'Choose a factor profile.',
  sharedSecret: '',
};

// A blank Custom TOTP shared secret is generated in the profile's encoding (see below).
const OPTIONAL_FIELDS = new Set<EnrollField>(['phoneExtension', 'sharedSecret']);

export function toEnrollRequest(
  form: EnrollForm,
  context: { catalog: SupportedFactor[]; questions: SecurityQuestion[]; profiles?: CustomTotpProfile[] },
): EnrollMapping {
  const entry = context.catalog.find((e) => catalogKey(e) === form.factorKey);
  if (!entry) return { ok: false, fields: { factorKey: 'Choose a factor from the list.' } };
  const layout = enrollLayout(entry.factorType, entry.provider);
  if (layout.unsupportedReason) return { ok: false, fields: { factorKey: layout.unsupportedReason } };

  const value = (field: EnrollField): string => form[field].trim();
  const fields: Record<string, string> = {};
  for (const field of layout.fields) {
    if (!OPTIONAL_FIELDS.has(field) && value(field) === '') fields[field] = REQUIRED_MESSAGES[field];
  }
  if (layout.fields.includes('question') && value('question') !== '' &&
      !context.questions.some((q) => q.question === value('question'))) {
    fields.question = 'Choose one of the org\'s questions.';
  }
  const profile = context.profiles?.find((p) => p.id === value('factorProfileId'));
  let customSecret: string | undefined;
  if (layout.fields.includes('factorProfileId') && value('factorProfileId') !== '') {
    if (!profile) {
      fields.factorProfileId = 'Choose one of the org\'s factor profiles.';
    } else {
      try {
        // Okta decodes the secret by the profile's encoding: a typed one is converted from the encoding it was typed in.
        customSecret = value('sharedSecret') === ''
          ? newCustomTotpSecret(profile.settings)
          : secretInProfileEncoding(value('sharedSecret'), form.sharedSecretEncoding || profile.settings.encoding, profile.settings);
      } catch (err) {
        fields.sharedSecret = err instanceof Error ? err.message : String(err);
      }
    }
  }
  const answer = layout.fields.includes('answer') && form.answer.trim() !== '' ? answerProblem(form.answer) : undefined;
  if (answer) fields.answer = answer;

  const options: EnrollFactorOptions = {};
  if (layout.options.includes('activate') && form.activate) options.activate = true;
  if (layout.options.includes('updatePhone') && form.updatePhone) options.updatePhone = true;
  if (layout.options.includes('templateId') && form.templateId.trim() !== '') options.templateId = form.templateId.trim();
  if (layout.options.includes('tokenLifetimeSeconds') && form.tokenLifetimeSeconds.trim() !== '') {
    const raw = form.tokenLifetimeSeconds.trim();
    const seconds = Number(raw);
    if (!/^\d+$/.test(raw) || seconds < 1 || seconds > MAX_TOKEN_LIFETIME_SECONDS) {
      fields.tokenLifetimeSeconds = `Enter whole seconds from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}.`;
    } else {
      options.tokenLifetimeSeconds = seconds;
    }
  }
  if (layout.options.includes('acceptLanguage') && form.acceptLanguage.trim() !== '') {
    const language = form.acceptLanguage.trim();
    // Language tags with optional weights ("fr-CH, fr;q=0.9"): nothing that could break a header.
    if (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(\s*;\s*q=[01](\.\d{1,3})?)?(\s*,\s*[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(\s*;\s*q=[01](\.\d{1,3})?)?)*$/.test(language)) {
      options.acceptLanguage = language;
    } else {
      fields.acceptLanguage = 'A language tag such as fr, de-CH or "fr-CH, fr;q=0.9".';
    }
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const request: EnrollFactorRequest = { factorType: entry.factorType, provider: entry.provider };
  switch (entry.factorType) {
    case 'question':
      request.profile = { question: value('question'), answer: form.answer };
      break;
    case 'sms':
      request.profile = { phoneNumber: value('phoneNumber') };
      break;
    case 'call':
      request.profile = value('phoneExtension') === ''
        ? { phoneNumber: value('phoneNumber') }
        : { phoneNumber: value('phoneNumber'), phoneExtension: value('phoneExtension') };
      break;
    case 'email':
      request.profile = { email: value('email') };
      break;
    case 'token':
      request.profile = { credentialId: value('credentialId') };
      request.verify = layout.fields.includes('nextPassCode')
        ? { passCode: value('passCode'), nextPassCode: value('nextPassCode') }
        : { passCode: value('passCode') };
      break;
    case 'token:hardware':
      request.verify = { passCode: value('passCode') };
      break;
    case 'token:hotp':
      request.factorProfileId = value('factorProfileId');
      // Left blank, the secret is made here so the built-in authenticator can keep it.
      request.profile = { sharedSecret: customSecret };
      break;
    default:
      break; // TOTP and push enroll with type and provider only
  }
  return { ok: true, entry, request, options };
}
