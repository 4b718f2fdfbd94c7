import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFactor, describeStatus, describeUser } from '../../src/presentation/factorDescriptions';
import { factorTypeLabel } from '../../src/factors/names';
import { aUser } from '../support/builders';
import { googleTotp, push, question, rsa, sms } from './factorFixtures';

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
  assert.equal(describeUser(aUser({ profile: { login: 'alice@example.com' } })), 'alice@example.com');
});
