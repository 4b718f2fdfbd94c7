// schemas/okta-test-users.schema.json (what VS Code and the YAML extension validate and complete
// with) and the extension's own reader agree: the same sample files pass and fail both, at the same
// place, checked with a real JSON Schema validator (ajv, draft-07). A few rules only the reader can
// check (one login per user, one factor per kind) are listed as such.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseFixtures } from '../../src/fixtures';
import { FIXTURE_FACTOR_KINDS } from '../../src/fixtures/fixtureFactorKinds';

const root = resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(resolve(root, 'schemas/okta-test-users.schema.json'), 'utf8')) as {
  $schema: string;
  definitions: Record<string, { properties: Record<string, { enum?: string[] }>; required?: string[] }>;
};
const validate = new Ajv({ allErrors: true }).compile(schema);

const head = 'version: 1\nusers:\n  - login: alice@example.com\n    password: { env: ALICE_PASSWORD }\n';
const withFactors = (items: string) => `${head}    factors:\n${items}`;

const VALID: Record<string, string> = {
  'the YAML sample': readFileSync(resolve(root, 'docs/okta-test-users.sample.yaml'), 'utf8'),
  'the smallest file': 'version: 1\n',
  'no users': 'version: 1\nusers: []\nprune: true\n',
  'a user with only a login': 'version: 1\nusers:\n  - login: bob\n',
  'every factor kind': withFactors([
    '      - {type: question, question: disliked_food, answer: {ask: true}}',
    '      - {type: sms, phone: "+15555550123", status: ACTIVE}',
    '      - {type: call, phone: "+4930123456"}',
    '      - {type: email, status: PENDING_ACTIVATION}',
    '      - {type: google-totp, status: PENDING_ACTIVATION}',
    '      - {type: okta-verify-totp}',
    '      - {type: custom-totp, profile: fpr1nd8PQhGcQtSxB0g4, secret: {env: SEED}}',
    '      - {type: passkey}',
    '      - {type: passkey}',
  ].join('\n') + '\n'),
  'STAGED with a password, SUSPENDED without': 'version: 1\nusers:\n  - login: a@example.com\n    status: STAGED\n    password: {env: P}\n  - login: b@example.com\n    status: SUSPENDED\n',
  'PROVISIONED without a password': 'version: 1\nusers:\n  - login: a@example.com\n    status: PROVISIONED\n',
  'org sections': 'version: 1\norgs:\n  dev:\n    prune: true\n  https://staging.okta.com:\n    users:\n      - login: s@example.com\n        factors: []\n',
  'a $schema key': '$schema: ../schemas/okta-test-users.schema.json\nversion: 1\n',
};

const INVALID: Record<string, string> = {
  'an unknown top-level key': 'version: 1\nprnue: true\n',
  'a missing version': 'users: []\n',
  'version 2': 'version: 2\n',
  'prune as text': 'version: 1\nprune: "yes"\n',
  'users as a map': 'version: 1\nusers: {login: a@example.com}\n',
  'a user without login': 'version: 1\nusers:\n  - firstName: Al\n',
  'an unknown user key': `${head}    colour: red\n`,
  'a first name over 50 characters': `${head}    firstName: ${'x'.repeat(51)}\n`,
  'an email that is not one': `${head}    email: alice\n`,
  'an unreachable status': 'version: 1\nusers:\n  - login: a@example.com\n    status: DEPROVISIONED\n',
  'ACTIVE without a password': 'version: 1\nusers:\n  - login: a@example.com\n    status: ACTIVE\n',
  'PROVISIONED with a password': `${head}    status: PROVISIONED\n`,
  'a literal password': 'version: 1\nusers:\n  - login: a@example.com\n    password: hunter22\n',
  'factors as null': `${head}    factors:\n`,
  'a factor as a word': withFactors('      - sms\n'),
  'an unknown factor type': withFactors('      - type: googel-totp\n'),
  'a factor without type': withFactors('      - phone: "+15555550123"\n'),
  'an unknown factor key': withFactors('      - type: email\n        colour: red\n'),
  'a literal answer': withFactors('      - type: question\n        question: disliked_food\n        answer: pizza\n'),
  'a free-text question': withFactors('      - type: question\n        question: What is it?\n        answer: {ask: true}\n'),
  'a question without answer': withFactors('      - type: question\n        question: disliked_food\n'),
  'a question with a status': withFactors('      - type: question\n        question: disliked_food\n        answer: {ask: true}\n        status: ACTIVE\n'),
  'a bad env name': withFactors('      - type: question\n        question: disliked_food\n        answer: {env: 1BAD}\n'),
  'ask false': withFactors('      - type: question\n        question: disliked_food\n        answer: {ask: false}\n'),
  'env and ask': withFactors('      - type: question\n        question: disliked_food\n        answer: {env: A, ask: true}\n'),
  'sms without phone': withFactors('      - type: sms\n'),
  'an unquoted phone': withFactors('      - type: sms\n        phone: +15555550123\n'),
  'a local phone number': withFactors('      - type: call\n        phone: "555-0123"\n'),
  'a factor status apply cannot reach': withFactors('      - type: email\n        status: ENROLLED\n'),
  'custom-totp without profile': withFactors('      - type: custom-totp\n'),
  'a literal Custom TOTP secret': withFactors('      - type: custom-totp\n        profile: Lab\n        secret: JBSWY3DPEHPK3PXP\n'),
  'an org section key it does not know': 'version: 1\norgs:\n  dev:\n    purne: true\n',
  'an org section that is not a map': 'version: 1\norgs:\n  dev: true\n',
};

/** Rules a JSON Schema cannot state: the schema passes these, the reader does not. */
const READER_ONLY: Record<string, string> = {
  'one login twice (ignoring case)': 'version: 1\nusers:\n  - login: a@example.com\n  - login: A@example.com\n',
  'an org user repeating a top-level login': 'version: 1\nusers:\n  - login: a@example.com\norgs:\n  dev:\n    users:\n      - login: a@example.com\n',
  'two factors of one kind': withFactors('      - type: google-totp\n      - type: google-totp\n'),
  'two Custom TOTP factors under different profiles': withFactors('      - {type: custom-totp, profile: A}\n      - {type: custom-totp, profile: B}\n'),
};

const readerErrors = (text: string) => parseFixtures(text, 'yaml').problems.filter((p) => p.severity === 'error');

/** ajv's error places as paths; an unknown key's place includes the key, as the reader's does. */
function schemaPaths(): string[] {
  return (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    return `${e.instancePath}${extra ? `/${extra}` : ''}`;
  });
}

test('the schema is draft-07, and its factor kinds and keys are the reader\'s', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(schema.definitions.factor.properties.type.enum, FIXTURE_FACTOR_KINDS.map((k) => k.type));
  for (const kind of FIXTURE_FACTOR_KINDS) {
    const variant = Object.values(schema.definitions).find((d) => (d.properties?.type as { const?: string } | undefined)?.const === kind.type);
    assert.ok(variant, kind.type);
    assert.deepEqual(Object.keys(variant.properties).sort(), ['type', ...kind.required, ...kind.optional].sort(), kind.type);
    assert.deepEqual(variant.required, ['type', ...kind.required], kind.type);
  }
});

test('files both accept', () => {
  for (const [name, text] of Object.entries(VALID)) {
    assert.deepEqual(readerErrors(text), [], `${name}: the reader`);
    assert.ok(validate(parse(text)), `${name}: the schema: ${JSON.stringify(validate.errors)}`);
  }
  assert.ok(validate(JSON.parse(readFileSync(resolve(root, 'docs/okta-test-users.sample.json'), 'utf8'))), 'the JSON sample');
});

test('files both refuse, at the same place', () => {
  for (const [name, text] of Object.entries(INVALID)) {
    const errors = readerErrors(text);
    assert.ok(errors.length > 0, `${name}: the reader refuses it`);
    assert.equal(validate(parse(text)), false, `${name}: the schema refuses it`);
    const places = schemaPaths();
    for (const error of errors) {
      const path = error.path.length > 0 ? `/${error.path.join('/')}` : '';
      // The reader may name the key inside the object ajv names, or the other way round.
      assert.ok(places.some((place) => place === path || place.startsWith(`${path}/`) || path.startsWith(`${place}/`) || place === ''),
        `${name}: the reader says ${path || '(top)'}, the schema ${JSON.stringify(places)}`);
    }
  }
});

test('what only the reader checks', () => {
  for (const [name, text] of Object.entries(READER_ONLY)) {
    assert.ok(validate(parse(text)), `${name}: the schema cannot see it`);
    assert.ok(readerErrors(text).length > 0, `${name}: the reader does`);
  }
});
