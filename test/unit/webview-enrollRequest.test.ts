import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomTotpProfile, SecurityQuestion, SupportedFactor } from '../../src/okta/models';
import { enrollLayout, catalogKey } from '../../src/panels/enroll/enrollFields';
import { toEnrollRequest } from '../../src/panels/enroll/enrollRequest';
import type { EnrollForm } from '../../src/panels/enroll/protocol';

const catalog: SupportedFactor[] = [
  { factorType: 'question', provider: 'OKTA' }, { factorType: 'sms', provider: 'OKTA' },
  { factorType: 'call', provider: 'OKTA' }, { factorType: 'email', provider: 'OKTA' },
  { factorType: 'token:software:totp', provider: 'GOOGLE' }, { factorType: 'push', provider: 'OKTA' },
  { factorType: 'token', provider: 'RSA' }, { factorType: 'token', provider: 'SYMANTEC' },
  { factorType: 'token:hardware', provider: 'YUBICO' }, { factorType: 'token:hotp', provider: 'CUSTOM' },
  { factorType: 'webauthn', provider: 'FIDO' },
];
const questions: SecurityQuestion[] = [{ question: 'disliked_food', questionText: 'What is the food you least liked as a child?' }];
const context = { catalog, questions };
const blank: EnrollForm = {
  factorKey: '', question: '', answer: '', phoneNumber: '', phoneExtension: '', email: '', credentialId: '',
  passCode: '', nextPassCode: '', factorProfileId: '', sharedSecret: '', sharedSecretEncoding: '', activate: false, updatePhone: false,
  templateId: '', tokenLifetimeSeconds: '', acceptLanguage: '',
};
const map = (values: Partial<EnrollForm>) => toEnrollRequest({ ...blank, ...values }, context);

test('question: maps to the flat profile with the org question', () => {
  const result = map({ factorKey: 'question/OKTA', question: 'disliked_food', answer: 'mayonnaise' });
  assert.deepEqual(result, {
    ok: true, entry: catalog[0], options: {},
    request: { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'mayonnaise' } },
  });
});

test('question: answer shorter than 4 characters and unknown questions are field errors', () => {
  const short = { ok: false, fields: { answer: 'The answer needs at least 4 characters (spaces around it do not count).' } };
  assert.deepEqual(map({ factorKey: 'question/OKTA', question: 'disliked_food', answer: 'abc' }), short);
  assert.deepEqual(map({ factorKey: 'question/OKTA', question: 'disliked_food', answer: '  ab  ' }), short, 'Okta counts the answer trimmed');
  const result = map({ factorKey: 'question/OKTA', question: 'first_kiss_location', answer: '' });
  assert.equal(result.ok, false);
  assert.deepEqual(Object.keys(!result.ok ? result.fields : {}).sort(), ['answer', 'question']);
});

test('sms: phone plus all four options', () => {
  const result = map({ factorKey: 'sms/OKTA', phoneNumber: ' +1-555-415-1337 ', activate: true, updatePhone: true, templateId: 'cstk2', tokenLifetimeSeconds: '600' });
  assert.deepEqual(result, {
    ok: true, entry: catalog[1],
    request: { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1-555-415-1337' } },
    options: { activate: true, updatePhone: true, templateId: 'cstk2', tokenLifetimeSeconds: 600 },
  });
});

test('tokenLifetimeSeconds must be whole seconds in 1..86400', () => {
  for (const bad of ['0', '86401', '1.5', '-3', 'abc', '1e3']) {
    const result = map({ factorKey: 'email/OKTA', email: 'a@example.com', tokenLifetimeSeconds: bad });
    assert.equal(result.ok, false, bad);
    assert.match(!result.ok ? result.fields.tokenLifetimeSeconds : '', /1 to 86400/);
  }
  for (const good of ['1', '86400']) {
    assert.equal(map({ factorKey: 'email/OKTA', email: 'a@example.com', tokenLifetimeSeconds: good }).ok, true, good);
  }
});

test('acceptLanguage: language tags (with weights) for sms, call and email; anything else is a field error', () => {
  for (const good of ['fr', 'de-CH', 'fr-CH, fr;q=0.9, en;q=0.8']) {
    const result = map({ factorKey: 'email/OKTA', email: 'a@example.com', acceptLanguage: ` ${good} ` });
    assert.deepEqual(result.ok && result.options, { acceptLanguage: good }, good);
  }
  for (const bad of ['fr\r\nX-Evil: 1', 'français', '<script>', 'fr;q=2']) {
    const result = map({ factorKey: 'sms/OKTA', phoneNumber: '+15554151337', acceptLanguage: bad });
    assert.match(!result.ok ? result.fields.acceptLanguage : '', /language tag/, bad);
  }
  const totp = map({ factorKey: 'token:software:totp/GOOGLE', acceptLanguage: 'fr' });
  assert.deepEqual(totp.ok && totp.options, {}, 'TOTP sends no message, so no language');
});

test('options a type does not take are dropped (templateId is sms only)', () => {
  const result = map({ factorKey: 'call/OKTA', phoneNumber: '+15554151337', phoneExtension: '1234', templateId: 'x', updatePhone: true });
  assert.deepEqual(result.ok && result.request.profile, { phoneNumber: '+15554151337', phoneExtension: '1234' });
  assert.deepEqual(result.ok && result.options, { updatePhone: true });
  const email = map({ factorKey: 'email/OKTA', email: 'a@example.com', updatePhone: true });
  assert.deepEqual(email.ok && email.options, {});
});

test('call without extension omits it; missing phone is a field error', () => {
  const result = map({ factorKey: 'call/OKTA', phoneNumber: '+15554151337' });
  assert.deepEqual(result.ok && result.request.profile, { phoneNumber: '+15554151337' });
  assert.deepEqual(map({ factorKey: 'call/OKTA' }), { ok: false, fields: { phoneNumber: 'Enter a phone number, e.g. +1-555-415-1337.' } });
});

test('tokens: RSA needs a passCode, Symantec also nextPassCode, YubiKey only the OTP', () => {
  assert.deepEqual(map({ factorKey: 'token/RSA', credentialId: 'dade', passCode: '5275875498' }),
    { ok: true, entry: catalog[6], options: {}, request: { factorType: 'token', provider: 'RSA', profile: { credentialId: 'dade' }, verify: { passCode: '5275875498' } } });
  const symantec = map({ factorKey: 'token/SYMANTEC', credentialId: 'VSMT1', passCode: '875498', nextPassCode: '678195' });
  assert.deepEqual(symantec.ok && symantec.request.verify, { passCode: '875498', nextPassCode: '678195' });
  assert.deepEqual(map({ factorKey: 'token/SYMANTEC', credentialId: 'VSMT1', passCode: '875498' }),
    { ok: false, fields: { nextPassCode: 'Enter the next code shown on the token.' } });
  const yubikey = map({ factorKey: 'token:hardware/YUBICO', passCode: 'cccccceukngdfgkukfctkcvfidnetljjiknckkcjulji', credentialId: 'ignored' });
  assert.deepEqual(yubikey.ok && yubikey.request, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: 'cccccceukngdfgkukfctkcvfidnetljjiknckkcjulji' } });
});

const hexProfile: CustomTotpProfile = {
  id: 'fpr20l2mDyaUGWGCa0g4', name: 'Entrust Datacard', default: true,
  settings: { timeBased: true, otpLength: 6, hmacAlgorithm: 'HMacSHA1', timeStep: 30, acceptableAdjacentIntervals: 1, encoding: 'hexadecimal' },
};
const base32Profile: CustomTotpProfile = {
  id: 'fpr1nd8PQhGcQtSxB0g4', name: 'Hardware TOTP',
  settings: { timeBased: true, otpLength: 8, hmacAlgorithm: 'HMacSHA512', timeStep: 60, acceptableAdjacentIntervals: 3, encoding: 'base32' },
};
const withProfiles = (values: Partial<EnrollForm>) => toEnrollRequest({ ...blank, ...values }, { ...context, profiles: [hexProfile, base32Profile] });

test('Custom TOTP sends factorProfileId and a typed secret in the profile\'s encoding', () => {
  const result = withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: hexProfile.id, sharedSecret: '484f97be', activate: true });
  assert.deepEqual(result.ok && result.request, { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: hexProfile.id, profile: { sharedSecret: '484f97be' } });
  assert.deepEqual(result.ok && result.options, { activate: true });
  // Typed in hex for a base32 profile: converted, since Okta decodes by the profile's encoding.
  const converted = withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: base32Profile.id, sharedSecret: '48656c6c6f', sharedSecretEncoding: 'hexadecimal' });
  assert.equal(converted.ok && converted.request.profile?.sharedSecret, 'JBSWY3DP');
});

test('Custom TOTP: a blank secret is generated in the profile\'s encoding; unknown profiles and bad secrets are field errors', () => {
  const [first, second] = [1, 2].map(() => withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: base32Profile.id, sharedSecret: '  ' }));
  const secretOf = (result: typeof first) => (result.ok ? result.request.profile?.sharedSecret : undefined);
  assert.match(String(secretOf(first)), /^[A-Z2-7]+=*$/);
  assert.notEqual(secretOf(first), secretOf(second));
  const hex = withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: hexProfile.id });
  assert.match(String(secretOf(hex)), /^[0-9a-f]{40}$/, 'SHA-1: a 20-byte key');
  const unknown = withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: 'fprNope' });
  assert.match(!unknown.ok ? unknown.fields.factorProfileId : '', /factor profiles/);
  const garbage = withProfiles({ factorKey: 'token:hotp/CUSTOM', factorProfileId: hexProfile.id, sharedSecret: 'not hex!', sharedSecretEncoding: 'hexadecimal' });
  assert.match(!garbage.ok ? garbage.fields.sharedSecret : '', /not valid/);
});

test('TOTP and push enroll with type and provider only', () => {
  const totp = map({ factorKey: 'token:software:totp/GOOGLE', phoneNumber: 'ignored' });
  assert.deepEqual(totp.ok && totp.request, { factorType: 'token:software:totp', provider: 'GOOGLE' });
  const push = map({ factorKey: 'push/OKTA' });
  assert.deepEqual(push.ok && push.request, { factorType: 'push', provider: 'OKTA' });
});

test('a passkey (webauthn) is enrolled with no input; entries missing from the catalog are refused', () => {
  const webauthn = map({ factorKey: 'webauthn/FIDO' });
  assert.deepEqual(webauthn.ok && webauthn.request, { factorType: 'webauthn', provider: 'FIDO' });
  assert.deepEqual(map({ factorKey: 'u2f/FIDO' }), { ok: false, fields: { factorKey: 'Choose a factor from the list.' } });
});

test('layouts and keys', () => {
  assert.equal(catalogKey({ factorType: 'token', provider: 'rsa' }), 'token/RSA');
  assert.deepEqual(enrollLayout('call', 'OKTA').options, ['activate', 'updatePhone', 'tokenLifetimeSeconds', 'acceptLanguage']);
  assert.match(enrollLayout('u2f', 'FIDO').unsupportedReason ?? '', /^U2F needs a browser ceremony/);
  assert.match(enrollLayout('webauthn', 'FIDO').note ?? '', /^A software passkey for test users/);
  assert.match(enrollLayout('signed_nonce', 'OKTA').unsupportedReason ?? '', /cannot be enrolled/);
});
