// The plan as people read it: + create, ~ change, - unenroll, = matches, the summary line, problems,
// the users left alone; phone numbers as in the file, never a secret.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixtures, planFixtures, planText } from '../../src/fixtures';
import { aFactor, aUser } from '../support/builders';
import { applied, snapshotOf } from './fixturesOrgState';

const file = parseFixtures(`version: 1
prune: true
users:
  - login: alice@example.com
    firstName: Alice
    lastName: Tester
    password: { env: ALICE_PASSWORD }
    factors:
      - type: question
        question: disliked_food
        answer: { env: ALICE_ANSWER }
      - type: google-totp
      - type: sms
        phone: "+15555550123"
        status: PENDING_ACTIVATION
  - login: bob@example.com
    lastName: Tester
    status: SUSPENDED
    factors:
      - type: sms
        phone: "+15555550123"
      - type: custom-totp
        profile: Nope
  - login: carol@example.com
    factors: []
  - login: dee@example.com
    factors:
      - type: email
  - login: eve@example.com
`, 'yaml').fixtures!;

const snapshot = snapshotOf([
  {
    user: aUser({ id: '00ub', profile: { login: 'bob@example.com', lastName: 'Old', email: 'bob@example.com' } }),
    factors: [
      aFactor('sms', { id: 's1', profile: { phoneNumber: '+15555550000' } }),
      aFactor('token:software:totp', { id: 't1', provider: 'GOOGLE' }),
      aFactor('email', { id: 'e1', profile: { email: 'bob@example.com' } }),
    ],
  },
  { user: aUser({ id: '00uc', status: 'DEPROVISIONED', profile: { login: 'carol@example.com' } }), factors: [] },
  { user: aUser({ id: '00ud', profile: { login: 'dee@example.com', email: 'dee@example.com' } }), factors: [aFactor('email', { id: 'e2', profile: { email: 'dee@example.com' } })] },
  { user: aUser({ id: '00ue', profile: { login: 'eve@example.com' } }), factors: [aFactor('push', { id: 'p9' })] },
], { otherUsers: [aUser({ id: '00uz', status: 'STAGED', profile: { login: 'zed@example.com' } })] });

test('a plan reads like a diff, user by user', () => {
  const text = planText(planFixtures(file, snapshot), 'Dev');
  assert.equal(text, `Plan for Dev (https://dev-123.okta.com) (prune: factors not in the file are unenrolled)

+ create user alice@example.com (ACTIVE, password from $ALICE_PASSWORD)
    + enroll Security question disliked_food (answer from $ALICE_ANSWER)
    + enroll Google Authenticator (activated with the built-in authenticator, which keeps the secret)
    + enroll SMS +15555550123 (pending activation)
~ update user bob@example.com
    ~ profile: lastName Old → Tester
    - unenroll Google Authenticator (prune)
    ~ SMS: phone +15555550000 → +15555550123 (unenroll, then enroll)
    ~ status ACTIVE → SUSPENDED (suspend)
    · kept Email: Identity Engine enrolls the primary email itself
! carol@example.com (drift apply cannot repair)
    ! status is DEPROVISIONED (deactivated): reactivate the user in the Admin Console; nothing is planned for it
= dee@example.com matches
= eve@example.com matches

Problems:
  error, line 23: no Custom TOTP profile "Nope" in this org (the org has "My HOTP profile", "Lab tokens")

1 user to create, 1 user to change, 4 factors to enroll, 2 to unenroll; 2 users match; 1 user with drift apply cannot repair

Not in the file (left alone): 1 user
  zed@example.com (STAGED)
`);
  assert.doesNotMatch(text, /pizza|hunter/);
});

test('an org of thousands: the first 100 users not in the file are named, the rest counted', () => {
  const others = Array.from({ length: 250 }, (_, i) => aUser({ id: `00u${i}`, profile: { login: `other${i}@example.com` } }));
  const text = planText(planFixtures(file, { ...snapshotOf([]), otherUsers: others }), 'Dev');
  assert.match(text, /\nNot in the file \(left alone\): 250 users\n {2}other0@example\.com \(ACTIVE\)\n/);
  assert.ok(text.includes('  other99@example.com (ACTIVE)\n  … and 150 more\n'));
  assert.ok(!text.includes('other100@'));
});

test('an org that matches says so, and a replaced factor reads as one change', () => {
  const first = planFixtures(file, snapshotOf([]));
  assert.match(planText(first, 'Dev'), /\n5 users to create, 5 factors to enroll\n$/);
  const again = planText(planFixtures(file, applied(first, snapshotOf([]))), 'Dev');
  assert.match(again, /\n= alice@example\.com matches\n= bob@example\.com matches\n/);
  assert.match(again, /\nNo changes; 5 users match\n$/);
  const replaced = planFixtures(parseFixtures('version: 1\nusers:\n  - login: dee@example.com\n    factors:\n      - type: google-totp\n', 'yaml').fixtures!,
    snapshotOf([{ user: aUser({ id: '00ud', profile: { login: 'dee@example.com' } }), factors: [aFactor('token:software:totp', { id: 't1', provider: 'GOOGLE', status: 'PENDING_ACTIVATION' })] }]));
  assert.equal(replaced.changes, 0, 'a pending factor Okta offers no unenroll for is left, with a note');
  assert.match(planText(replaced), /Google Authenticator is pending activation and Okta offers no unenroll for it/);
  assert.match(planText(replaced), /^Plan for Dev \(https:\/\/dev-123\.okta\.com\)\n/, 'the org label defaults to the plan\'s');
});
