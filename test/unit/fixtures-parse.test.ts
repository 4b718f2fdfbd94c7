// The fixtures file reader: the sample files, and each kind of bad input reported with its message
// at the exact line and column (0-based, as VS Code's Position), in YAML and in JSON.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseFixtures, type FixtureProblem, type FixturesFile } from '../../src/fixtures';
import { jsonSyntaxError } from '../../src/fixtures/jsonSyntax';

const root = resolve(__dirname, '../..');
const sampleYaml = readFileSync(resolve(root, 'docs/okta-test-users.sample.yaml'), 'utf8');
const sampleJson = readFileSync(resolve(root, 'docs/okta-test-users.sample.json'), 'utf8');

/** Where the `occurrence`-th `needle` starts and ends in `text`, counted by hand (not with the code under test). */
function spot(text: string, needle: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const column = before[line].length;
  const lines = needle.split('\n');
  return { line, column, endLine: line + lines.length - 1, endColumn: lines.length > 1 ? lines[lines.length - 1].length : column + needle.length };
}

/** The one problem of `text`, asserted to be an error with `message` at `needle`. */
function onlyProblem(text: string, format: 'yaml' | 'json' = 'yaml'): FixtureProblem {
  const { fixtures, problems } = parseFixtures(text, format);
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  if (problems[0].severity === 'error') assert.equal(fixtures, undefined, 'no fixtures when there is an error');
  return problems[0];
}

function assertAt(problem: FixtureProblem, message: string | RegExp, where: ReturnType<typeof spot>): void {
  if (typeof message === 'string') assert.equal(problem.message, message);
  else assert.match(problem.message, message);
  assert.deepEqual({ line: problem.line, column: problem.column, endLine: problem.endLine, endColumn: problem.endColumn }, where);
}

const user = (body: string) => `version: 1\nusers:\n  - login: alice@example.com\n    password: { env: P }\n${body}`;
const factors = (items: string) => user(`    factors:\n${items}`);

/** Drops the text positions, which differ between the YAML and JSON samples. */
function withoutPositions(file: FixturesFile): unknown {
  return JSON.parse(JSON.stringify(file, (key, value: unknown) => (['source', 'loginSource', 'profileSource'].includes(key) ? undefined : value)));
}

test('the YAML sample reads with no problem, defaults filled in and positions kept', () => {
  const { fixtures, problems } = parseFixtures(sampleYaml, 'yaml');
  assert.deepEqual(problems, []);
  assert.ok(fixtures);
  assert.equal(fixtures.prune, false);
  const [alice, dave] = fixtures.users;
  assert.equal(alice.login, 'alice@example.com');
  assert.deepEqual(alice.password, { env: 'ALICE_PASSWORD' });
  assert.deepEqual(alice.factors?.map((f) => f.type), ['question', 'google-totp', 'email', 'sms', 'call', 'okta-verify-totp', 'custom-totp', 'passkey']);
  assert.deepEqual(alice.factors?.[2], { type: 'email', status: 'ACTIVE', source: alice.factors?.[2].source, path: ['users', 0, 'factors', 2] });
  assert.deepEqual(alice.factors?.[3], { type: 'sms', phone: '+15555550123', status: 'PENDING_ACTIVATION', source: alice.factors?.[3].source, path: ['users', 0, 'factors', 3] });
  assert.equal(alice.factors?.[4].type === 'call' && alice.factors[4].status, 'ACTIVE', 'a factor is ACTIVE unless the file says otherwise');
  assert.deepEqual(dave.factors, []);
  assert.equal(dave.status, undefined, 'a status left out stays left out (not managed)');
  assert.deepEqual(dave.password, { ask: true });
  // The user's item starts at its login; the CodeLens line.
  const aliceAt = spot(sampleYaml, 'login: alice@example.com');
  assert.deepEqual([alice.source.line, alice.source.column], [aliceAt.line, aliceAt.column]);
  assert.deepEqual(alice.loginSource, spot(sampleYaml, 'alice@example.com'));
  const smsAt = spot(sampleYaml, 'type: sms');
  assert.deepEqual([alice.factors?.[3].source.line, alice.factors?.[3].source.column], [smsAt.line, smsAt.column]);
  assert.equal(fixtures.orgs.length, 1);
  const devAt = spot(sampleYaml, 'dev:\n');
  assert.deepEqual({ ...fixtures.orgs[0], users: fixtures.orgs[0].users.map((u) => u.login) },
    { key: 'dev', prune: true, users: ['erin@example.com'], source: { line: devAt.line, column: devAt.column, endLine: devAt.line, endColumn: devAt.column + 3 } });
  assert.deepEqual(fixtures.orgs[0].users[0].path, ['orgs', 'dev', 'users', 0]);
});

test('the JSON sample reads the same as the YAML one', () => {
  const yaml = parseFixtures(sampleYaml, 'yaml');
  const json = parseFixtures(sampleJson, 'json');
  assert.deepEqual(json.problems, []);
  assert.deepEqual(withoutPositions(json.fixtures!), withoutPositions(yaml.fixtures!));
  const alice = json.fixtures!.users[0];
  assert.deepEqual(alice.loginSource, spot(sampleJson, '"alice@example.com"'));
  const custom = alice.factors?.find((f) => f.type === 'custom-totp');
  assert.deepEqual(custom?.type === 'custom-totp' && custom.profileSource, spot(sampleJson, '"My HOTP profile"'));
});

// ---- syntax ----

test('YAML syntax errors are reported where the parser stopped, and nothing else is', () => {
  const text = 'version: 1\nusers:\n  - login: a@example.com\n    factors: [ {type: sms\n';
  const { fixtures, problems } = parseFixtures(text, 'yaml');
  assert.equal(fixtures, undefined);
  // Unclosed at the end of the file: the last character written, not the empty line after it.
  assert.deepEqual(problems.map((p) => [p.message, p.line, p.column]), [
    ['YAML syntax: flow map in block collection must be sufficiently indented and end with a }', 3, 24],
    ['YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]', 3, 24],
  ]);
  const indent = 'version: 1\nusers:\n  - login: a@example.com\n   firstName: Al\n';
  assert.ok(parseFixtures(indent, 'yaml').problems.every((p) => p.message.startsWith('YAML syntax: ') && p.line === 3));
});

test('two YAML documents in one file are a syntax error', () => {
  const text = 'version: 1\n---\nusers: []\n';
  assertAt(onlyProblem(text), /^YAML syntax: source contains multiple documents/, spot(text, '---\nusers: []'));
});

test('JSON syntax errors YAML would forgive are reported at their character', () => {
  const cases: Array<[string, string, string]> = [
    ['{\n  "version": 1,\n  "users": [],\n}', 'JSON syntax: a trailing comma before "}"', '}'],
    ['{\n  "version": 1\n  "users": []\n}', 'JSON syntax: expected "," or "}", found """', '"users"'],
    ["{\n  'version': 1\n}", 'JSON syntax: expected a key in double quotes, found "\'"', "'version'"],
    ['{\n  // the users\n  "version": 1\n}', 'JSON syntax: expected a key in double quotes, found "/"', '// the users'],
    ['{\n  "users": [1, 2,]\n}', 'JSON syntax: a trailing comma before "]"', ']'],
    // Unexpected end: the last character written.
    ['{\n  "version": 1,\n  "users": [\n', 'JSON syntax: expected a value, found the end of the file', '['],
    ['', 'JSON syntax: the file is empty', ''],
  ];
  for (const [text, message, needle] of cases) {
    const problem = onlyProblem(text, 'json');
    const start = needle ? spot(text, needle) : spot(text + '\u0000', '\u0000');
    assert.equal(problem.message, message, text);
    assert.deepEqual([problem.line, problem.column], [start.line, start.column], text);
  }
});

test('the JSON scanner accepts exactly what JSON.parse accepts', () => {
  const samples = [
    '{}', '[]', '1', '-0.5e+10', '"a\\u00e9\\n"', 'true', 'null', ' {"a": [1, {"b": null}], "c": "d"} ', sampleJson,
    '{"a": 01}', '{"a": .5}', '{"a": +1}', '{"a": "\\x"}', '{"a": "\n"}', '{"a" 1}', '[1 2]', '{"a": tru}', '{} {}', 'nul', '"\\u12"', '{"a":1,}',
    '[', '{"a":', '"abc', '-', '1.', '1e', '\u00a0{}',
  ];
  for (const text of samples) {
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    assert.equal(jsonSyntaxError(text) === undefined, parses, JSON.stringify(text));
  }
});

test('CRLF line endings give the same lines and columns', () => {
  const text = 'version: 1\r\nusers:\r\n  - login: a@example.com\r\n    colour: red\r\n';
  const problem = onlyProblem(text);
  assert.deepEqual([problem.line, problem.column, problem.endLine, problem.endColumn], [3, 4, 3, 10]);
});

// ---- the file's own checks ----

test('an empty file, a missing version and a wrong version', () => {
  assertAt(onlyProblem(''), 'the file is empty: start with "version: 1" and a list of users', { line: 0, column: 0, endLine: 0, endColumn: 0 });
  const noVersion = 'users: []\n';
  assertAt(onlyProblem(noVersion), 'missing "version: 1"', spot(noVersion, 'users: []'));
  const two = 'version: 2\nusers: []\n';
  assertAt(onlyProblem(two), 'version must be 1', spot(two, '2'));
});

test('an unknown key is reported at the key, with the key it is likely a typo of', () => {
  const text = 'version: 1\nprnue: true\n';
  assertAt(onlyProblem(text), 'unknown key "prnue" in the file (did you mean "prune"?)', spot(text, 'prnue'));
  const far = user('    colour: red\n');
  assertAt(onlyProblem(far), 'unknown key "colour" in a user (allowed: login, firstName, lastName, email, status, password, factors)', spot(far, 'colour'));
});

test('wrong types are reported at the value', () => {
  const prune = 'version: 1\nprune: "yes"\n';
  assertAt(onlyProblem(prune), 'prune must be true or false', spot(prune, '"yes"'));
  const users = 'version: 1\nusers: {login: a@example.com}\n';
  assertAt(onlyProblem(users), 'users must be a list', spot(users, '{login: a@example.com}'));
  const noFactors = user('    factors:\n');
  assertAt(onlyProblem(noFactors), 'factors must be a list (use [] for no factor)', spot(noFactors, 'factors'));
  const login = 'version: 1\nusers:\n  - login: 42\n';
  assertAt(onlyProblem(login), 'login must be text', spot(login, '42'));
  const name = user('    firstName: [Al]\n');
  assertAt(onlyProblem(name), 'firstName must be text', spot(name, '[Al]'));
  const item = factors('      - sms\n');
  assertAt(onlyProblem(item), /^a factor is a map with a type, e.g. \{type: google-totp\}/, spot(item, 'sms'));
});

test('a user needs a login, and an email must look like one', () => {
  const noLogin = 'version: 1\nusers:\n  - firstName: Al\n    lastName: Lee\n';
  assertAt(onlyProblem(noLogin), 'a user needs a login', spot(noLogin, 'firstName: Al'));
  const email = user('    email: alice\n');
  assertAt(onlyProblem(email), 'email must be an email address', spot(email, 'alice', 2));
});

test('an unknown factor type names the nearest one, or lists them', () => {
  const typo = factors('      - type: googel-totp\n');
  assertAt(onlyProblem(typo), 'unknown factor type "googel-totp" (did you mean "google-totp"?)', spot(typo, 'googel-totp'));
  const far = factors('      - type: yubikey\n');
  assertAt(onlyProblem(far), 'unknown factor type "yubikey": use question, sms, call, email, google-totp, okta-verify-totp, custom-totp, passkey', spot(far, 'yubikey'));
  const none = factors('      - phone: "+15555550123"\n');
  assertAt(onlyProblem(none), /^a factor needs a type: question, sms/, spot(none, 'phone: "+15555550123"'));
});

test('a literal answer, password or secret is refused with where to get it instead', () => {
  const answer = factors('      - type: question\n        question: disliked_food\n        answer: "pizza"\n');
  assertAt(onlyProblem(answer), 'answers are never stored in the file: use {env: NAME} or {ask: true}', spot(answer, '"pizza"'));
  const password = 'version: 1\nusers:\n  - login: a@example.com\n    password: hunter22\n';
  assertAt(onlyProblem(password), 'passwords are never stored in the file: use {env: NAME} or {ask: true}', spot(password, 'hunter22'));
  const number = factors('      - type: question\n        question: disliked_food\n        answer: 1234\n');
  assertAt(onlyProblem(number), 'answers are never stored in the file: use {env: NAME} or {ask: true}', spot(number, '1234'));
  const secret = factors('      - type: custom-totp\n        profile: Lab\n        secret: JBSWY3DPEHPK3PXP\n');
  assertAt(onlyProblem(secret), 'secrets are never stored in the file: use {env: NAME} or {ask: true}', spot(secret, 'JBSWY3DPEHPK3PXP'));
});

test('a secret source must be one well-formed env or ask', () => {
  const badName = factors('      - type: question\n        question: disliked_food\n        answer: { env: 1BAD }\n');
  assertAt(onlyProblem(badName), '"1BAD" is not an environment variable name (letters, digits and _, not starting with a digit)', spot(badName, '1BAD'));
  const askFalse = factors('      - type: question\n        question: disliked_food\n        answer: { ask: false }\n');
  assertAt(onlyProblem(askFalse), 'ask must be true (or use {env: NAME})', spot(askFalse, 'false'));
  const both = factors('      - type: question\n        question: disliked_food\n        answer: { env: A, ask: true }\n');
  assertAt(onlyProblem(both), 'answer: use either env or ask, not both', spot(both, '{ env: A, ask: true }'));
  const other = factors('      - type: question\n        question: disliked_food\n        answer: { value: x }\n');
  const { problems } = parseFixtures(other, 'yaml');
  assert.deepEqual(problems.map((p) => p.message), ['unknown key "value" in answer (allowed: env, ask)', 'answer: use {env: NAME} or {ask: true}']);
});

test('two users with one login (ignoring case): the second is reported, naming the first line', () => {
  const text = 'version: 1\nusers:\n  - login: alice@example.com\n  - login: Alice@Example.com\n';
  assertAt(onlyProblem(text), 'Alice@Example.com is listed twice (first on line 3)', spot(text, 'Alice@Example.com'));
  const inSection = 'version: 1\nusers:\n  - login: alice@example.com\norgs:\n  dev:\n    users:\n      - login: ALICE@example.com\n  staging:\n    users:\n      - login: bob@example.com\n  prod:\n    users:\n      - login: bob@example.com\n';
  assertAt(onlyProblem(inSection), 'ALICE@example.com is listed twice (first on line 3)', spot(inSection, 'ALICE@example.com'));
});

test('a second factor of one kind is reported at the second; passkeys may repeat', () => {
  const text = factors('      - type: sms\n        phone: "+15555550123"\n      - type: sms\n        phone: "+15555550124"\n');
  assertAt(onlyProblem(text), 'a second sms factor: a user has one SMS (first on line 6)', spot(text, 'type: sms\n        phone: "+15555550124"'));
  const custom = factors('      - type: custom-totp\n        profile: A\n      - type: custom-totp\n        profile: B\n');
  assert.match(onlyProblem(custom).message, /^a second custom-totp factor: a user has one Custom TOTP/);
  const passkeys = parseFixtures(factors('      - type: passkey\n      - type: passkey\n'), 'yaml');
  assert.deepEqual(passkeys.problems, []);
  assert.equal(passkeys.fixtures?.users[0].factors?.length, 2);
});

test('sms and call need an E.164 phone, in quotes in YAML', () => {
  const missing = factors('      - type: sms\n');
  assertAt(onlyProblem(missing), 'a sms factor needs phone (E.164, e.g. "+15555550123")', spot(missing, 'type: sms'));
  const unquoted = factors('      - type: call\n        phone: +15555550123\n');
  assertAt(onlyProblem(unquoted), 'phone must be in quotes: "+15555550123" (unquoted, YAML reads it as a number)', spot(unquoted, '+15555550123'));
  const local = factors('      - type: sms\n        phone: "555-0123"\n');
  assertAt(onlyProblem(local), 'phone must be E.164: "+", country code and number, digits only (e.g. "+15555550123")', spot(local, '"555-0123"'));
  const json = '{"version": 1, "users": [{"login": "a@example.com", "factors": [{"type": "sms", "phone": 15555550123}]}]}';
  assertAt(onlyProblem(json, 'json'), 'phone must be a string: "+15555550123"', spot(json, '15555550123'));
});

test('custom-totp needs a profile; a question needs a question key and an answer', () => {
  const custom = factors('      - type: custom-totp\n');
  assertAt(onlyProblem(custom), 'a custom-totp factor needs profile (a Custom TOTP factor profile\'s name or id)', spot(custom, 'type: custom-totp'));
  const question = factors('      - type: question\n        question: What is your pet?\n        answer: { ask: true }\n');
  assertAt(onlyProblem(question), 'question must be a key of the org\'s question list, e.g. disliked_food', spot(question, 'What is your pet?'));
  const noAnswer = factors('      - type: question\n        question: disliked_food\n');
  assertAt(onlyProblem(noAnswer), 'a question factor needs answer ({env: NAME} or {ask: true})', spot(noAnswer, 'type: question'));
});

test('statuses apply cannot reach are refused', () => {
  const deprovisioned = 'version: 1\nusers:\n  - login: a@example.com\n    status: DEPROVISIONED\n';
  assertAt(onlyProblem(deprovisioned), 'status DEPROVISIONED cannot be set by apply: use ACTIVE, PROVISIONED, STAGED or SUSPENDED', spot(deprovisioned, 'DEPROVISIONED'));
  const unknown = 'version: 1\nusers:\n  - login: a@example.com\n    status: active\n';
  assertAt(onlyProblem(unknown), 'unknown status "active": use ACTIVE, PROVISIONED, STAGED or SUSPENDED', spot(unknown, 'active'));
  const noPassword = 'version: 1\nusers:\n  - login: a@example.com\n    status: ACTIVE\n';
  assertAt(onlyProblem(noPassword), 'status ACTIVE needs a password ({env: NAME} or {ask: true}): without one Okta makes a new user PROVISIONED', spot(noPassword, 'ACTIVE'));
  const provisioned = 'version: 1\nusers:\n  - login: a@example.com\n    status: PROVISIONED\n    password: { ask: true }\n';
  assert.match(onlyProblem(provisioned).message, /^a PROVISIONED user has no password/);
  const factorStatus = factors('      - type: email\n        status: ENROLLED\n');
  assertAt(onlyProblem(factorStatus), 'a factor\'s status is ACTIVE or PENDING_ACTIVATION, not "ENROLLED"', spot(factorStatus, 'ENROLLED'));
  const questionStatus = factors('      - type: question\n        question: disliked_food\n        answer: { ask: true }\n        status: PENDING_ACTIVATION\n');
  assertAt(onlyProblem(questionStatus), 'unknown key "status" in the question factor (allowed: type, question, answer)', spot(questionStatus, 'status'));
});

test('YAML anchors and aliases are followed (one factor list for several users)', () => {
  const text = 'version: 1\nusers:\n  - login: a@example.com\n    factors: &std\n      - type: google-totp\n  - login: b@example.com\n    factors: *std\n';
  const { fixtures, problems } = parseFixtures(text, 'yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual(fixtures?.users.map((u) => u.factors?.map((f) => f.type)), [['google-totp'], ['google-totp']]);
});

test('several problems in one file are all reported, in document order', () => {
  const text = 'version: 1\nusers:\n  - login: a@example.com\n    factors:\n      - type: sms\n        phone: "1"\n      - type: question\n        question: disliked_food\n        answer: pizza\n  - login: A@example.com\n';
  const { fixtures, problems } = parseFixtures(text, 'yaml');
  assert.equal(fixtures, undefined);
  assert.deepEqual(problems.map((p) => [p.line, p.path.join('.')]), [[5, 'users.0.factors.0.phone'], [8, 'users.0.factors.1.answer'], [9, 'users.1.login']]);
});
