import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OktaUser, UserFactor } from '../../src/okta/models';
import { describeFactor, describeStatus, describeUser, factorTypeLabel } from '../../src/presentation/factorDescriptions';

const sms = {
  id: 'sms1', factorType: 'sms', provider: 'OKTA', status: 'PENDING_ACTIVATION',
  profile: { phoneNumber: '+1-555-415-1337' },
  _links: { self: { href: 'x', hints: { allow: ['GET'] } }, resend: [{ name: 'sms', href: 'y' }] },
} as UserFactor;
const question = {
  id: 'q1', factorType: 'question', provider: 'OKTA', status: 'ACTIVE',
  profile: { question: 'favorite_art_piece', questionText: 'What is your favorite piece of art?' },
} as UserFactor;
const googleTotp = { id: 't1', factorType: 'token:software:totp', provider: 'GOOGLE', status: 'PENDING_ACTIVATION', profile: { credentialId: 'alice@example.com' } } as UserFactor;
const push = { id: 'p1', factorType: 'push', provider: 'OKTA', status: 'PENDING_ACTIVATION' } as UserFactor;
const rsa = { id: 'r1', factorType: 'token', provider: 'RSA', status: 'ACTIVE' } as UserFactor;

test('labels name the type and provider a tester recognises', () => {
  assert.equal(factorTypeLabel(googleTotp), 'Google Authenticator');
  assert.equal(factorTypeLabel({ factorType: 'token:software:totp', provider: 'OKTA' }), 'Okta Verify TOTP');
  assert.equal(factorTypeLabel(rsa), 'RSA SecurID');
  assert.equal(factorTypeLabel(push), 'Okta Verify push');
});

test('descriptions add the profile detail that tells factors apart', () => {
  assert.equal(describeFactor(sms), 'SMS +1-555-415-1337');
  assert.equal(describeFactor(question), 'Security question (What is your favorite piece of art?)');
  // A TOTP credential id is the user's own login: naming it again next to the user says nothing.
  assert.equal(describeFactor(googleTotp), 'Google Authenticator');
  assert.equal(describeFactor(push), 'Okta Verify push');
  assert.equal(describeStatus(sms), 'pending activation');
});

test('users are described by login', () => {
  assert.equal(describeUser({ id: 'u', status: 'ACTIVE', profile: { login: 'alice@example.com' } } as OktaUser), 'alice@example.com');
});
