// The fixtures planner as data, without an org: creates from nothing, nothing to do when the org
// matches (and right after an apply), drift in phones, statuses and names, prune only when asked,
// what Identity Engine makes never pruned, Custom TOTP profiles by name or id.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseFixtures, planFixtures, type FixturePlan, type FixturesFile, type PlanStep, type UserPlan } from '../../src/fixtures';
import type { OktaUser, UserFactor } from '../../src/okta/models';
import { aFactor, aUser } from '../support/builders';
import { applied, DEV, snapshotOf } from './fixturesOrgState';

const sample = readFileSync(resolve(__dirname, '../../docs/okta-test-users.sample.yaml'), 'utf8');

function fixtures(text: string): FixturesFile {
  const { fixtures, problems } = parseFixtures(text, 'yaml');
  assert.deepEqual(problems, [], 'the test file is valid');
  return fixtures!;
}

/** One user `alice@example.com` (with a password) and the factor items given. */
const alice = (factorItems: string, extra = '', top = '') =>
  fixtures(`version: 1\n${top}users:\n  - login: alice@example.com\n    password: { env: P }\n${extra}    factors:${factorItems ? `\n${factorItems}` : ' []\n'}`);
const STAGING = { label: 'Staging', url: 'https://staging.okta.com' };

const aliceIn = (factors: UserFactor[], user: Partial<OktaUser> = {}) =>
  ({ user: aUser({ id: '00ua', ...user, profile: { login: 'alice@example.com', email: 'alice@example.com', firstName: 'Alice', lastName: 'Tester', ...user.profile } }), factors });

const kinds = (user: UserPlan) => user.steps.map((s) => s.kind);
const only = <K extends PlanStep['kind']>(user: UserPlan, kind: K) => user.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const smsAt = (phone: string, status = 'ACTIVE', id = 'sms1') => aFactor('sms', { id, status: status as UserFactor['status'], profile: { phoneNumber: phone } });

test('against an empty org, every user is created and every factor enrolled, with what apply needs', () => {
  const plan = planFixtures(fixtures(sample), snapshotOf([], { org: STAGING }));
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.users.map((u) => [u.login, u.existingUserId]), [['alice@example.com', undefined], ['dave@example.com', undefined]],
    'an org the file has no section for gets the top-level users');
  const [alicePlan, dave] = plan.users;
  const create = only(alicePlan, 'createUser')[0];
  assert.deepEqual({ ...create, source: undefined }, {
    kind: 'createUser', source: undefined,
    profile: { login: 'alice@example.com', email: 'alice@example.com', firstName: 'Alice', lastName: 'Tester' },
    activate: true, status: 'ACTIVE', password: { env: 'ALICE_PASSWORD' },
    description: 'create user alice@example.com (ACTIVE, password from $ALICE_PASSWORD)',
  });
  const enrolls = only(alicePlan, 'enrollFactor');
  assert.deepEqual(enrolls.map((s) => [s.request, s.activate, s.activation, s.resultStatus]), [
    [{ factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food' } }, false, 'on-enroll', 'ACTIVE'],
    [{ factorType: 'token:software:totp', provider: 'GOOGLE' }, false, 'authenticator', 'ACTIVE'],
    [{ factorType: 'email', provider: 'OKTA', profile: { email: 'alice@example.com' } }, true, 'on-enroll', 'ACTIVE'],
    [{ factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15555550123' } }, false, 'left-pending', 'PENDING_ACTIVATION'],
    [{ factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+15555550124' } }, true, 'on-enroll', 'ACTIVE'],
    [{ factorType: 'token:software:totp', provider: 'OKTA' }, false, 'authenticator', 'ACTIVE'],
    [{ factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: 'fpr1' }, true, 'on-enroll', 'ACTIVE'],
    [{ factorType: 'webauthn', provider: 'FIDO' }, false, 'passkey', 'ACTIVE'],
  ]);
  assert.deepEqual(kinds(dave), ['createUser']);
  assert.equal(only(dave, 'createUser')[0].status, 'ACTIVE');
  assert.equal(plan.changes, 10);
  // Each step points at its line of the file: the user's steps at the user, a factor's at the factor.
  assert.equal(create.source.line, alicePlan.source.line);
  assert.equal(sample.split('\n')[enrolls[3].source.line].trim(), '- type: sms');
});

test('right after a successful apply the next plan is empty, in Classic and in Identity Engine', () => {
  const file = fixtures(sample);
  for (const identityEngine of [false, true]) {
    for (const org of [DEV, STAGING]) {
      for (const prune of [false, true]) {
        const before = snapshotOf([], { org });
        const first = planFixtures(file, before, { prune });
        const second = planFixtures(file, applied(first, before, { identityEngine }), { prune });
        assert.equal(second.changes, 0, `${identityEngine ? 'Identity' : 'Classic'} Engine, ${org.label}, prune ${prune}: ${JSON.stringify(second.users.map((u) => u.steps.map((s) => s.description)))}`);
        assert.ok(second.users.every((u) => u.existingUserId));
      }
    }
  }
});

test('the org section of the planned org adds its users and its prune', () => {
  const file = fixtures(sample);
  assert.equal(planFixtures(file, snapshotOf([], { org: STAGING })).prune, false);
  const byLabel = planFixtures(file, snapshotOf([], { org: DEV }));
  assert.equal(byLabel.prune, true, 'the section "dev" names the org labelled "Dev"');
  assert.deepEqual(byLabel.users.map((u) => u.login), ['alice@example.com', 'dave@example.com', 'erin@example.com']);
  const erin = byLabel.users[2];
  assert.deepEqual(only(erin, 'createUser').map((s) => [s.activate, s.status]), [[false, 'STAGED']]);
  assert.deepEqual(only(erin, 'enrollFactor').map((s) => [s.activate, s.resultStatus]), [[false, 'PENDING_ACTIVATION']]);
  // By URL, however it is spelt.
  const byUrl = fixtures('version: 1\norgs:\n  dev-123.okta.com/:\n    prune: true\n  Dev:\n    prune: false\n');
  const plan = planFixtures(byUrl, snapshotOf([], { org: { label: 'Dev', url: 'https://DEV-123.okta.com' } }));
  assert.equal(plan.prune, true, 'the first section that names the org');
  assert.deepEqual(plan.problems.map((p) => [p.severity, p.message]), [['warning', 'org "Dev" names the same org as "dev-123.okta.com/": only "dev-123.okta.com/" is used']]);
});

test('a matching org gives no change, whatever Okta adds and however it writes phones', () => {
  const file = alice([
    '      - {type: question, question: disliked_food, answer: {ask: true}}',
    '      - {type: sms, phone: "+15555550123"}',
    '      - {type: google-totp}',
    '      - {type: custom-totp, profile: my hotp PROFILE}',
    '      - {type: email}',
  ].join('\n') + '\n', '    firstName: Alice\n');
  const plan = planFixtures(file, snapshotOf([aliceIn([
    aFactor('question', { id: 'q1', profile: { question: 'disliked_food', questionText: 'What food...?' } }),
    smsAt('+1 (555) 555-0123'),
    aFactor('token:software:totp', { id: 't1', provider: 'GOOGLE' }),
    aFactor('token:hotp', { id: 'h1', factorProfileId: 'fpr1' }),
    aFactor('email', { id: 'e1', profile: { email: 'ALICE@example.com' } }),
  ])]));
  assert.equal(plan.changes, 0, JSON.stringify(plan.users[0].steps));
  assert.deepEqual(plan.users[0].notes, []);
  assert.equal(plan.users[0].existingUserId, '00ua');
});

test('another phone number is drift: the org\'s is unenrolled, then the file\'s enrolled', () => {
  const plan = planFixtures(alice('      - type: sms\n        phone: "+15555550123"\n'), snapshotOf([aliceIn([smsAt('+1-555-555-0000')])]));
  const [user] = plan.users;
  assert.deepEqual(kinds(user), ['unenrollFactor', 'enrollFactor']);
  const [unenroll] = only(user, 'unenrollFactor');
  assert.deepEqual({ ...unenroll, source: undefined }, {
    kind: 'unenrollFactor', factorId: 'sms1', factorType: 'sms', provider: 'OKTA', reason: 'drift', label: 'SMS +1-555-555-0000',
    why: 'phone +1-555-555-0000 → +15555550123', description: 'unenroll SMS +1-555-555-0000 (drift: phone +1-555-555-0000 → +15555550123)', source: undefined,
  });
  assert.deepEqual(unenroll.source, only(user, 'enrollFactor')[0].source, 'both steps point at the file\'s sms');
  assert.equal(plan.changes, 2);
});

test('a question is replaced only when the question differs (answers cannot be compared)', () => {
  const file = alice('      - {type: question, question: disliked_food, answer: {env: A}}\n');
  const same = planFixtures(file, snapshotOf([aliceIn([aFactor('question', { id: 'q1', profile: { question: 'disliked_food' } })])]));
  assert.equal(same.changes, 0);
  const other = planFixtures(file, snapshotOf([aliceIn([aFactor('question', { id: 'q1', profile: { question: 'favorite_movie_quote' } })])]));
  assert.deepEqual(only(other.users[0], 'unenrollFactor').map((s) => [s.reason, s.why]), [['drift', 'question favorite_movie_quote → disliked_food']]);
});

test('factor status: a pending TOTP is activated when its secret is kept, else left with a note; a pending phone replaced in place; an active email replaced', () => {
  const file = alice('      - type: google-totp\n      - type: sms\n        phone: "+15555550123"\n      - type: email\n        status: PENDING_ACTIVATION\n');
  const pendingTotp = aFactor('token:software:totp', { id: 't1', provider: 'GOOGLE', status: 'PENDING_ACTIVATION' });
  const factors = [pendingTotp, smsAt('+15555550123', 'PENDING_ACTIVATION'), aFactor('email', { id: 'e1', profile: { email: 'alice@example.com' } })];
  const kept = planFixtures(file, snapshotOf([{ ...aliceIn(factors), keptSecretFactorIds: ['t1'] }]));
  const [user] = kept.users;
  assert.deepEqual(user.steps.map((s) => [s.kind, s.kind === 'unenrollFactor' ? s.reason : s.kind === 'enrollFactor' ? s.resultStatus : '']), [
    ['activateFactor', ''],
    ['enrollFactor', 'ACTIVE'],
    ['unenrollFactor', 'replace'], ['enrollFactor', 'PENDING_ACTIVATION'],
  ]);
  assert.deepEqual(only(user, 'activateFactor')[0], { ...only(user, 'activateFactor')[0], factorId: 't1', activation: 'authenticator' });
  // Okta offers no delete for a pending factor (its self link allows GET only): a pending phone gets the number in place.
  assert.deepEqual(only(user, 'enrollFactor').map((s) => [s.factor.type, s.updatePhone ?? false, s.activate]), [['sms', true, true], ['email', false, false]]);
  assert.deepEqual(only(user, 'unenrollFactor').map((s) => s.why), ['it is active; the file wants it pending activation']);
  const notKept = planFixtures(file, snapshotOf([aliceIn(factors)]));
  assert.equal(only(notKept.users[0], 'activateFactor').length, 0);
  assert.deepEqual(notKept.users[0].notes.map((n) => [n.kind, n.description]), [
    ['drift', 'Google Authenticator is pending activation and Okta offers no unenroll for it, so Google Authenticator cannot be set up: activate it, or reset the user\'s factors'],
  ]);
});

test('user status: lifecycle calls where apply has one, drift where it has none', () => {
  const withStatus = (status: string, password = true) => fixtures(`version: 1\nusers:\n  - login: alice@example.com\n    status: ${status}\n${password ? '    password: { env: P }\n' : ''}    factors: []\n`);
  const statusOf = (text: FixturesFile, user: Partial<OktaUser>) => planFixtures(text, snapshotOf([aliceIn([], user)])).users[0];

  const unsuspend = statusOf(withStatus('ACTIVE'), { status: 'SUSPENDED' });
  assert.deepEqual(only(unsuspend, 'changeStatus').map((s) => [s.call, s.from, s.to, s.description]), [['unsuspend', 'SUSPENDED', 'ACTIVE', 'status SUSPENDED → ACTIVE (unsuspend)']]);
  const suspend = planFixtures(fixtures('version: 1\nusers:\n  - login: alice@example.com\n    status: SUSPENDED\n    factors:\n      - type: passkey\n'), snapshotOf([aliceIn([])])).users[0];
  assert.deepEqual(kinds(suspend), ['enrollFactor', 'changeStatus'], 'suspended after its factors');
  const staged = statusOf(withStatus('ACTIVE'), { status: 'STAGED', credentials: { password: {} } });
  assert.deepEqual(only(staged, 'changeStatus').map((s) => [s.call, s.to]), [['activate', 'ACTIVE']]);
  const stagedNoPassword = statusOf(withStatus('ACTIVE'), { status: 'STAGED', credentials: { provider: { type: 'OKTA' } } });
  assert.deepEqual(stagedNoPassword.steps, []);
  assert.deepEqual(stagedNoPassword.notes.map((n) => n.kind), ['drift']);
  const provisioned = statusOf(withStatus('ACTIVE'), { status: 'PROVISIONED' });
  assert.deepEqual(provisioned.notes.map((n) => n.description), ['status is PROVISIONED, the file says ACTIVE: the user must finish activation (set a password) first']);
  const backToStaged = statusOf(withStatus('STAGED'), { status: 'ACTIVE' });
  assert.match(backToStaged.notes[0].description, /a user never goes back to STAGED/);
  const notManaged = planFixtures(alice(''), snapshotOf([aliceIn([], { status: 'LOCKED_OUT' })]));
  assert.equal(notManaged.changes, 0);
  assert.deepEqual(notManaged.users[0].notes, [], 'a status left out of the file is not managed');
});

test('a DEPROVISIONED user is drift, and nothing else is planned for it', () => {
  const plan = planFixtures(alice('      - type: passkey\n', '    firstName: Other\n', 'prune: true\n'), snapshotOf([aliceIn([aFactor('push', { id: 'p1' })], { status: 'DEPROVISIONED' })]));
  assert.deepEqual(plan.users[0].steps, []);
  assert.deepEqual(plan.users[0].notes.map((n) => n.description), ['status is DEPROVISIONED (deactivated): reactivate the user in the Admin Console; nothing is planned for it']);
  assert.equal(plan.changes, 0);
});

test('names and email the file gives are updated; those it leaves out are not', () => {
  const file = fixtures('version: 1\nusers:\n  - login: alice@example.com\n    lastName: Tester-Smith\n    email: ALICE@example.com\n  - login: bob@example.com\n    firstName: Bob\n');
  const plan = planFixtures(file, snapshotOf([
    aliceIn([]),
    { user: aUser({ id: '00ub', profile: { login: 'bob@example.com', firstName: null, lastName: 'Whatever' } }), factors: [] },
  ]));
  assert.deepEqual(only(plan.users[0], 'updateProfile')[0].changes, [{ attribute: 'lastName', from: 'Tester', to: 'Tester-Smith' }], 'emails compare without case');
  assert.deepEqual(only(plan.users[1], 'updateProfile')[0].changes, [{ attribute: 'firstName', from: null, to: 'Bob' }]);
  assert.equal(only(plan.users[1], 'updateProfile')[0].description, 'profile: firstName (none) → Bob');
});

test('prune only when asked, only for users with a factors list, and overridable', () => {
  const extra = [smsAt('+15555550123'), aFactor('token:software:totp', { id: 't1', provider: 'GOOGLE' }), aFactor('token:hardware', { id: 'y1' })];
  const file = (prune: boolean) => alice('      - {type: sms, phone: "+15555550123"}\n', '', `prune: ${prune}\n`);
  assert.equal(planFixtures(file(false), snapshotOf([aliceIn(extra)])).changes, 0);
  const pruned = planFixtures(file(true), snapshotOf([aliceIn(extra)]));
  assert.deepEqual(only(pruned.users[0], 'unenrollFactor').map((s) => [s.factorId, s.reason, s.description]), [
    ['t1', 'prune', 'unenroll Google Authenticator (prune)'], ['y1', 'prune', 'unenroll YubiKey (prune)'],
  ]);
  assert.equal(planFixtures(file(true), snapshotOf([aliceIn(extra)]), { prune: false }).changes, 0, 'the option overrides the file');
  assert.equal(planFixtures(file(false), snapshotOf([aliceIn(extra)]), { prune: true }).changes, 2);
  const noList = fixtures('version: 1\nprune: true\nusers:\n  - login: alice@example.com\n');
  assert.equal(planFixtures(noList, snapshotOf([aliceIn(extra)])).changes, 0, 'no factors list: factors not managed');
  const none = fixtures('version: 1\nprune: true\nusers:\n  - login: alice@example.com\n    factors: []\n');
  assert.equal(planFixtures(none, snapshotOf([aliceIn(extra)])).changes, 3, 'factors: [] with prune: every factor');
  // Prunes come before the file's factors (room for them).
  const mixed = planFixtures(alice('      - type: passkey\n', '', 'prune: true\n'), snapshotOf([aliceIn([extra[1]])]));
  assert.deepEqual(kinds(mixed.users[0]), ['unenrollFactor', 'enrollFactor']);
});

test('Identity Engine\'s primary email and recovery question are never pruned, and the plan says why', () => {
  const none = fixtures('version: 1\nprune: true\nusers:\n  - login: alice@example.com\n    email: alice@new.example.com\n    factors: []\n');
  const recovery = aFactor('question', { id: 'rq', profile: { question: 'What is the name of your first pet?', questionText: 'What is the name of your first pet?' } });
  const plan = planFixtures(none, snapshotOf([aliceIn([
    aFactor('email', { id: 'e1', profile: { email: 'alice@example.com' } }),
    recovery,
    aFactor('email', { id: 'e2', profile: { email: 'other@example.com' } }),
  ])]));
  const [user] = plan.users;
  assert.deepEqual(only(user, 'unenrollFactor').map((s) => s.factorId), ['e2'], 'an email that is not the primary one is pruned');
  assert.deepEqual(user.notes.map((n) => [n.kind, n.description]), [
    ['kept', 'kept Email: Identity Engine enrolls the primary email itself'],
    ['kept', 'kept Security question What is the name of your first pet?: the recovery question, which Identity Engine lists as a factor'],
  ]);
  // The recovery question is not the file's question either: a file question is enrolled beside it.
  const withQuestion = planFixtures(alice('      - {type: question, question: disliked_food, answer: {ask: true}}\n', '', 'prune: true\n'), snapshotOf([aliceIn([recovery])]));
  assert.deepEqual(kinds(withQuestion.users[0]), ['enrollFactor']);
});

test('Okta Verify push and FastPass stay beside the file\'s Okta Verify TOTP (unenrolling them would remove it)', () => {
  const factors = [aFactor('token:software:totp', { id: 't1' }), aFactor('push', { id: 'p1' }), aFactor('signed_nonce', { id: 'n1' })];
  const withTotp = planFixtures(alice('      - type: okta-verify-totp\n', '', 'prune: true\n'), snapshotOf([aliceIn(factors)]));
  assert.equal(withTotp.changes, 0);
  assert.deepEqual(withTotp.users[0].notes.map((n) => n.kind), ['kept', 'kept']);
  const without = planFixtures(alice('      - type: google-totp\n', '', 'prune: true\n'), snapshotOf([aliceIn(factors)]));
  assert.deepEqual(only(without.users[0], 'unenrollFactor').map((s) => s.factorId), ['t1', 'p1', 'n1']);
});

test('Custom TOTP profiles by name or id; an unknown one is a problem at the profile, and the org\'s factor is left', () => {
  const byId = planFixtures(alice('      - {type: custom-totp, profile: fpr2}\n'), snapshotOf([aliceIn([])]));
  assert.equal(only(byId.users[0], 'enrollFactor')[0].request.factorProfileId, 'fpr2');
  const text = 'version: 1\nprune: true\nusers:\n  - login: alice@example.com\n    factors:\n      - type: custom-totp\n        profile: "Lab tokenz"\n';
  const plan = planFixtures(fixtures(text), snapshotOf([aliceIn([aFactor('token:hotp', { id: 'h1', factorProfileId: 'fpr2' })])]));
  assert.equal(plan.changes, 0, 'nothing planned for it, and the org\'s Custom TOTP factor is not pruned');
  assert.deepEqual(plan.problems, [{
    message: 'no Custom TOTP profile "Lab tokenz" in this org (the org has "My HOTP profile", "Lab tokens")', severity: 'error',
    path: ['users', 0, 'factors', 0, 'profile'], line: 6, column: 17, endLine: 6, endColumn: 29,
  }]);
  const other = planFixtures(alice('      - {type: custom-totp, profile: My HOTP profile}\n'), snapshotOf([aliceIn([aFactor('token:hotp', { id: 'h1', factorProfileId: 'fpr2' })])]));
  assert.deepEqual(only(other.users[0], 'unenrollFactor').map((s) => [s.reason, s.why, s.label]), [['drift', 'profile Lab tokens → My HOTP profile', 'Custom TOTP (Lab tokens)']]);
  const twins = planFixtures(alice('      - {type: custom-totp, profile: twin}\n'), snapshotOf([aliceIn([])], { customTotpProfiles: [{ id: 'a', name: 'Twin' }, { id: 'b', name: 'twin' }] }));
  assert.equal(twins.problems[0].message, '2 Custom TOTP profiles are named "twin": use the id (a, b)');
});

test('passkeys are counted: three wanted, one active, one pending (left beside the new ones: it cannot be unenrolled)', () => {
  const plan = planFixtures(alice('      - type: passkey\n      - type: passkey\n      - type: passkey\n'), snapshotOf([aliceIn([
    aFactor('webauthn', { id: 'w1', status: 'PENDING_ACTIVATION' }), aFactor('webauthn', { id: 'w2' }),
  ])]));
  assert.deepEqual(plan.users[0].steps.map((s) => [s.kind, s.kind === 'unenrollFactor' ? s.factorId : '']), [
    ['enrollFactor', ''], ['enrollFactor', ''],
  ]);
});

test('a new user needs an email; without names Okta\'s default profile refuses it (a warning)', () => {
  const text = 'version: 1\nusers:\n  - login: qa-bot\n';
  const plan = planFixtures(fixtures(text), snapshotOf());
  assert.deepEqual(plan.problems.map((p) => [p.severity, p.message, p.line, p.column, p.path.join('.')]), [
    ['error', 'qa-bot is not in the org, and a new user needs an email: add email', 2, 11, 'users.0.login'],
    ['warning', 'qa-bot is not in the org: Okta\'s default profile needs firstName and lastName to create it', 2, 11, 'users.0.login'],
  ]);
  assert.deepEqual(only(plan.users[0], 'createUser')[0].profile, { login: 'qa-bot' });
  assert.equal(only(plan.users[0], 'createUser')[0].status, 'PROVISIONED', 'activated without a password');
});

test('users of the org the file does not name are listed, once, and left alone', () => {
  const plan: FixturePlan = planFixtures(alice(''), snapshotOf([aliceIn([]), { user: aUser({ id: '00uz', profile: { login: 'zed@example.com' } }), factors: [] }], {
    otherUsers: [aUser({ id: '00uz', profile: { login: 'zed@example.com' } }), aUser({ id: '00uy', status: 'STAGED', profile: { login: 'yan@example.com' } }),
      aUser({ id: '00ua', profile: { login: 'ALICE@example.com' } })],
  }));
  assert.deepEqual(plan.notInFile, [{ id: '00uz', login: 'zed@example.com', status: 'ACTIVE' }, { id: '00uy', login: 'yan@example.com', status: 'STAGED' }]);
  assert.equal(plan.changes, 0);
});
