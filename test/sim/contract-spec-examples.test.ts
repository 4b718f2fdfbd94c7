// The validator checked against the contract's own examples: every example must validate, only
// at the §11 places may a named deviation be tolerated, and bodies that break the contract
// anywhere else must fail. No simulator involved.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type MediaType, type OpenApiResponse, listOperations, resolveRef } from './openapi/contractDocument';
import { ContractValidator } from './openapi/contractValidator';

const validator = new ContractValidator();

interface Example {
  operationId: string;
  status: number;
  name: string;
  value: unknown;
}

function mediaExamples(media: MediaType | undefined): { name: string; value: unknown }[] {
  const named = Object.entries(media?.examples ?? {}).map(([name, ex]) => ({ name, value: resolveRef<{ value: unknown }>(ex).value }));
  return media?.example === undefined ? named : [...named, { name: 'example', value: media.example }];
}

const responseExamples: Example[] = listOperations().flatMap((op) =>
  Object.entries(op.operation.responses).flatMap(([status, response]) =>
    mediaExamples(resolveRef<OpenApiResponse>(response).content?.['application/json']).map((ex) => ({
      operationId: op.operationId,
      status: Number(status),
      ...ex,
    })),
  ),
);

const requestExamples = listOperations().flatMap((op) =>
  mediaExamples(op.operation.requestBody?.content?.['application/json']).map((ex) => ({ operationId: op.operationId, ...ex })),
);

/** Where the contract's examples contradict its schemas (api-reference §11), by example. */
const EXPECTED_DEVIATIONS: Record<string, string[]> = {
  'enrollFactor 200 sms': ['resend-link-array /_links/resend'],
  'enrollFactor 200 call': ['resend-link-array /_links/resend'],
  'enrollFactor 200 email': ['resend-link-array /_links/resend'],
  'listSupportedFactors 200 List of supported factors': ['catalog-phones-array /3/_embedded/phones'],
  'verifyFactor 200 sms challenge': ['verify-profile-strings /profile/phoneNumber'],
  'verifyFactor 200 call challenge': ['verify-profile-strings /profile/phoneNumber', 'verify-profile-strings /profile/phoneExtension'],
  'verifyFactor 200 u2f challenge': ['verify-profile-strings /profile/credentialId', 'verify-profile-strings /profile/version'],
  'verifyFactor 200 u2f verify': ['verify-profile-strings /profile/credentialId', 'verify-profile-strings /profile/version'],
  'verifyFactor 200 webAuthn challenge': ['verify-profile-strings /profile/credentialId', 'verify-profile-strings /profile/authenticatorName'],
  'verifyFactor 200 webAuthn verify': ['verify-profile-strings /profile/credentialId', 'verify-profile-strings /profile/authenticatorName'],
  'listUsers 200 UsersSearch': ['user-second-email /0/profile/secondEmail'],
};

function exampleValue(operationId: string, status: number, name: string): any {
  const found = responseExamples.find((ex) => ex.operationId === operationId && ex.status === status && ex.name === name);
  assert.ok(found, `no example ${operationId} ${status} ${name}`);
  return structuredClone(found.value);
}

describe('contract response examples', () => {
  test('the contract carries examples for all ten factor operations and the users calls', () => {
    const covered = new Set(responseExamples.map((ex) => ex.operationId));
    for (const id of ['listFactors', 'enrollFactor', 'listSupportedFactors', 'listSupportedSecurityQuestions', 'getFactor',
      'unenrollFactor', 'activateFactor', 'resendEnrollFactor', 'getFactorTransactionStatus', 'verifyFactor', 'listUsers', 'getUser']) {
      assert.ok(covered.has(id), `no response example for ${id}`);
    }
    assert.ok(responseExamples.length > 100, `only ${responseExamples.length} examples found`);
  });

  test('every example validates, with deviations exactly at the §11 places', () => {
    const seen: Record<string, string[]> = {};
    for (const ex of responseExamples) {
      const check = validator.validateResponse(ex.operationId, ex.status, ex.value);
      const key = `${ex.operationId} ${ex.status} ${ex.name}`;
      assert.ok(check.ok, `${key}: ${check.errors.join('; ')}`);
      if (check.tolerated.length > 0) seen[key] = check.tolerated.map((t) => `${t.rule} ${t.instancePath}`);
    }
    assert.deepEqual(seen, EXPECTED_DEVIATIONS);
  });

  test('discriminator targets missing from the contract are known (their subtype checks cannot run)', () => {
    assert.deepEqual(validator.unresolvedMappings, [
      'UserFactorCall', 'UserFactorEmail', 'UserFactorPush', 'UserFactorPushTransactionRejected',
      'UserFactorPushTransactionTimeout', 'UserFactorPushTransactionWaitingNMC', 'UserFactorPushTransactionWaitingNoNMC',
      'UserFactorSMS', 'UserFactorSecurityQuestion', 'UserFactorToken', 'UserFactorTokenHOTP', 'UserFactorTokenHardware',
      'UserFactorTokenSoftwareTOTP', 'UserFactorU2F', 'UserFactorWeb', 'UserFactorWebAuthn',
    ]);
  });
});

describe('the deviation rules are narrow', () => {
  const failsWith = (operationId: string, status: number, body: unknown, fragment: string) => {
    const check = validator.validateResponse(operationId, status, body);
    assert.equal(check.ok, false, `expected ${operationId} ${status} to fail`);
    assert.ok(check.errors.some((e) => e.includes(fragment)), `no error mentioning "${fragment}" in ${check.errors.join('; ')}`);
  };

  test('resend links: an array is only accepted as named POST links with hrefs', () => {
    const sms = exampleValue('enrollFactor', 200, 'sms');
    delete sms._links.resend[0].href;
    failsWith('enrollFactor', 200, sms, 'resend-link-array');
    const unnamed = exampleValue('enrollFactor', 200, 'sms');
    delete unnamed._links.resend[0].name;
    failsWith('enrollFactor', 200, unnamed, 'name');
    const empty = exampleValue('enrollFactor', 200, 'sms');
    empty._links.resend = [];
    failsWith('enrollFactor', 200, empty, 'empty array');
  });

  test('other link relations must still be objects', () => {
    const sms = exampleValue('enrollFactor', 200, 'sms');
    sms._links.activate = [sms._links.activate];
    failsWith('enrollFactor', 200, sms, '/_links/activate');
    const noHref = exampleValue('getFactor', 200, 'SMS');
    delete noHref._links.self.href;
    failsWith('getFactor', 200, noHref, '/_links/self');
    const badMethod = exampleValue('getFactor', 200, 'SMS');
    badMethod._links.self.hints.allow = ['FETCH'];
    failsWith('getFactor', 200, badMethod, '/_links/self/hints/allow/0');
  });

  test('catalog phones: the array entries must be phones; other _embedded entries must be objects', () => {
    const catalog = exampleValue('listSupportedFactors', 200, 'List of supported factors');
    delete catalog[3]._embedded.phones[0].profile;
    failsWith('listSupportedFactors', 200, catalog, 'phoneNumber');
    const other = exampleValue('listSupportedFactors', 200, 'List of supported factors');
    other[3]._embedded.numbers = ['+14081234567'];
    failsWith('listSupportedFactors', 200, other, '/3/_embedded/numbers');
  });

  test('verify profile strings: only strings, only in verify results', () => {
    const challenge = exampleValue('verifyFactor', 200, 'sms challenge');
    challenge.profile.phoneNumber = 14081234567;
    failsWith('verifyFactor', 200, challenge, '/profile/phoneNumber');
  });

  test('secondEmail: any string, but only secondEmail and only strings', () => {
    const users = exampleValue('listUsers', 200, 'ListUsers');
    users[0].profile.email = 'not-an-email';
    failsWith('listUsers', 200, users, '/0/profile/email');
    const numeric = exampleValue('listUsers', 200, 'ListUsers');
    numeric[0].profile.secondEmail = 42;
    failsWith('listUsers', 200, numeric, '/0/profile/secondEmail');
  });

  test('enums, formats, nullable and writeOnly are enforced', () => {
    const factor = exampleValue('getFactor', 200, 'SMS');
    factor.status = 'ACTIVATED';
    failsWith('getFactor', 200, factor, '/status');
    const type = exampleValue('getFactor', 200, 'SMS');
    type.factorType = 'hotp';
    failsWith('getFactor', 200, type, '/factorType');
    const date = exampleValue('getFactor', 200, 'SMS');
    date.created = 'yesterday';
    failsWith('getFactor', 200, date, '/created');
    const nullVendor = exampleValue('getFactor', 200, 'SMS');
    nullVendor.vendorName = null;
    failsWith('getFactor', 200, nullVendor, '/vendorName');
    const waiting = exampleValue('verifyFactor', 200, 'sms verify');
    waiting.factorResult = 'WAITING';
    failsWith('verifyFactor', 200, waiting, '/factorResult');
    const pushOk = exampleValue('verifyFactor', 201, 'push challenge');
    pushOk.factorResult = 'SUCCESS';
    failsWith('verifyFactor', 201, pushOk, '/factorResult');
    const answer = exampleValue('listSupportedSecurityQuestions', 200, 'example');
    answer[0].answer = 'mayonnaise';
    failsWith('listSupportedSecurityQuestions', 200, answer, '/0/answer');
    const question = exampleValue('listSupportedSecurityQuestions', 200, 'example');
    question[0].question = 'pet_name';
    failsWith('listSupportedSecurityQuestions', 200, question, '/0/question');
    const user = exampleValue('getUser', 200, 'GetUserExample');
    user.status = 'ENABLED';
    failsWith('getUser', 200, user, '/status');
    const nullableOk = exampleValue('getUser', 200, 'GetUserExample');
    nullableOk.lastLogin = null;
    assert.ok(validator.validateResponse('getUser', 200, nullableOk).ok, 'nullable lastLogin must accept null');
  });

  test('errors must be Error objects', () => {
    failsWith('getFactor', 404, { errorCode: 'E0000007', errorCauses: {} }, '/errorCauses');
    failsWith('getFactor', 404, { errorCode: 7 }, '/errorCode');
    failsWith('verifyFactor', 403, { errorCode: 'E0000068', errorCauses: [{ errorSummary: 5 }] }, '/errorCauses/0/errorSummary');
  });

  test('statuses and bodies must be declared: 204 has no body, 500 is undeclared, 401 is checked as Error', () => {
    failsWith('unenrollFactor', 204, {}, 'declares no body');
    assert.ok(validator.validateResponse('unenrollFactor', 204, undefined).ok);
    failsWith('getFactor', 500, { errorCode: 'E0000009' }, 'not declared');
    failsWith('listFactors', 200, undefined, 'none was sent');
    const unauthorized = validator.validateResponse('listFactors', 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] });
    assert.ok(unauthorized.ok);
    assert.deepEqual(unauthorized.interpretations, ['unauthorized-not-declared']);
    failsWith('listFactors', 401, { errorCode: 'E0000011', errorCauses: 'none' }, '/errorCauses');
    failsWith('listFactors', 401, { errorCode: 'E0000007' }, 'only E0000011/E0000004');
  });

  test('listUsers 400 is undeclared: accepted only as an Error with E0000031/E0000001, and only on listUsers', () => {
    const badSearch = validator.validateResponse('listUsers', 400, { errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorCauses: [] });
    assert.ok(badSearch.ok);
    assert.deepEqual(badSearch.interpretations, ['list-users-bad-query-400']);
    failsWith('listUsers', 400, { errorCode: 'E0000007' }, 'only E0000031/E0000001');
    failsWith('getUser', 400, { errorCode: 'E0000031' }, 'not declared');
  });
});

describe('contract request examples', () => {
  test('enroll and resend bodies validate as given', () => {
    for (const ex of requestExamples.filter((e) => ['enrollFactor', 'resendEnrollFactor'].includes(e.operationId))) {
      const check = validator.validateRequestBody(ex.operationId, ex.value);
      assert.ok(check.ok, `${ex.operationId} ${ex.name}: ${check.errors.join('; ')}`);
    }
  });

  test('activate and verify bodies: the overlapping oneOf rejects them, the branch titled with the factor type accepts them', () => {
    const byFactorType: Record<string, string> = {
      'sms verify': 'sms', 'call verify': 'call', 'email verify': 'email', 'push challenge with number matching': 'push',
      'u2f verify': 'u2f', 'webAuthn verify': 'webauthn', 'security question verify': 'question',
      'totp verify': 'token:software:totp', 'token verify': 'token', 'yubikey verify': 'token:hardware',
    };
    const activateAndVerify = requestExamples.filter((e) => ['activateFactor', 'verifyFactor'].includes(e.operationId));
    assert.equal(activateAndVerify.length, 16);
    for (const ex of activateAndVerify) {
      const strict = validator.validateRequestBody(ex.operationId, ex.value);
      assert.equal(strict.ok, false, `${ex.operationId} ${ex.name} unexpectedly passes the raw oneOf`);
      assert.ok(strict.errors.some((e) => e.includes('exactly one schema in oneOf')));
      const variant = ex.operationId === 'activateFactor' ? ex.name : byFactorType[ex.name];
      const byTitle = validator.validateRequestBody(ex.operationId, ex.value, variant);
      assert.ok(byTitle.ok, `${ex.operationId} ${ex.name} as ${variant}: ${byTitle.errors.join('; ')}`);
      assert.deepEqual(byTitle.interpretations, ['oneof-branch-by-title']);
    }
  });

  test('request bodies must not carry readOnly properties and must match their branch', () => {
    const readOnly = validator.validateRequestBody('enrollFactor', { factorType: 'sms', provider: 'OKTA', status: 'ACTIVE', id: 'x' });
    assert.equal(readOnly.ok, false);
    assert.ok(readOnly.errors.some((e) => e.startsWith('/status')) && readOnly.errors.some((e) => e.startsWith('/id')));
    assert.equal(validator.validateRequestBody('enrollFactor', { factorType: 'sms-otp' }).ok, false);
    assert.equal(validator.validateRequestBody('verifyFactor', { answer: 'abc' }, 'question').ok, false, 'answer minLength 4');
    assert.equal(validator.validateRequestBody('verifyFactor', { passCode: 123456 }, 'sms').ok, false, 'passCode is a string');
    assert.equal(validator.validateRequestBody('resendEnrollFactor', { factorType: 'push' }).ok, false);
    assert.equal(validator.validateRequestBody('activateFactor', { passCode: '1' }, 'question').ok, false, 'no question branch');
    assert.equal(validator.validateRequestBody('enrollFactor', undefined).ok, false, 'enroll body is required');
    assert.ok(validator.validateRequestBody('verifyFactor', undefined).ok, 'verify body is optional');
  });
});

describe('discriminator subtypes', () => {
  test('a mapped subtype the document defines is applied on top of the base schema', () => {
    // The cut-out contract lacks every subtype; a document that has one (as the full spec does) must use it.
    const doc = structuredClone(validator.doc);
    doc.components.schemas.UserFactorSMS = {
      allOf: [
        { $ref: '#/components/schemas/UserFactor' },
        { type: 'object', properties: { profile: { type: 'object', required: ['phoneNumber'] } }, required: ['profile'] },
      ],
    };
    const withSubtype = new ContractValidator(doc);
    assert.ok(!withSubtype.unresolvedMappings.includes('UserFactorSMS'));
    const sms = exampleValue('getFactor', 200, 'SMS');
    assert.ok(withSubtype.validateResponse('getFactor', 200, sms).ok);
    delete sms.profile;
    const check = withSubtype.validateResponse('getFactor', 200, sms);
    assert.equal(check.ok, false);
    assert.ok(check.errors.some((e) => e.includes("required property 'profile'")), check.errors.join('; '));
    const email = exampleValue('getFactor', 200, 'Email');
    delete email.profile;
    assert.ok(withSubtype.validateResponse('getFactor', 200, email).ok, 'the sms subtype must not apply to email');
  });
});
