// The only places where a response may differ from the official contract: the contradictions
// listed in §11 of docs api-reference (the contract's own examples and real recordings agree with
// each other and disagree with its schemas). Each rule is named and matches one schema error at one
// kind of location, and then checks the real shape it tolerates instead.
import type { ErrorObject } from 'ajv';

export interface ToleratedDeviation {
  rule: DeviationRuleName;
  instancePath: string;
}

export type DeviationRuleName =
  | 'resend-link-array'
  | 'catalog-phones-array'
  | 'verify-profile-strings'
  | 'verify-enrolled-factors-array'
  | 'user-second-email';

export interface DeviationRule {
  name: DeviationRuleName;
  /** Where the contract disagrees, in one line (shown in failures and docs/openapi-notes.md). */
  why: string;
  operations: readonly string[];
  matches(error: ErrorObject, value: unknown): boolean;
  /** Problems in the tolerated value itself: the real shape is checked instead of the schema's. */
  problems(value: unknown): string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function linkProblems(link: unknown, where: string): string[] {
  if (!isObject(link)) return [`${where} is not a link object`];
  const problems: string[] = [];
  if (typeof link.href !== 'string' || link.href.length === 0) problems.push(`${where}.href is missing`);
  if (typeof link.name !== 'string') problems.push(`${where}.name (the channel) is missing`);
  const allow = isObject(link.hints) ? link.hints.allow : undefined;
  if (!Array.isArray(allow) || !allow.includes('POST')) problems.push(`${where}.hints.allow lacks POST`);
  return problems;
}

const FACTOR_STATUSES = ['ACTIVE', 'DISABLED', 'ENROLLED', 'EXPIRED', 'INACTIVE', 'NOT_SETUP', 'PENDING_ACTIVATION'];

function phoneProblems(phone: unknown, where: string): string[] {
  if (!isObject(phone)) return [`${where} is not an object`];
  const problems: string[] = [];
  if (typeof phone.id !== 'string') problems.push(`${where}.id is missing`);
  if (!isObject(phone.profile) || typeof phone.profile.phoneNumber !== 'string') problems.push(`${where}.profile.phoneNumber is missing`);
  if (!FACTOR_STATUSES.includes(phone.status as string)) problems.push(`${where}.status is not a factor status`);
  return problems;
}

export const DEVIATION_RULES: readonly DeviationRule[] = [
  {
    name: 'resend-link-array',
    why: '`_links.resend` is an array of named link objects; the schema (LinksResend) says one object',
    operations: ['listFactors', 'enrollFactor', 'getFactor'],
    matches: (error, value) =>
      error.keyword === 'type' && /^(\/\d+)?\/_links\/resend$/.test(error.instancePath) && Array.isArray(value),
    problems: (value) =>
      (value as unknown[]).length === 0
        ? ['_links.resend is an empty array']
        : (value as unknown[]).flatMap((link, i) => linkProblems(link, `_links.resend[${i}]`)),
  },
  {
    name: 'catalog-phones-array',
    why: 'catalog `_embedded.phones` is an array of phones; the schema (UserFactorSupported._embedded) says each entry is an object',
    operations: ['listSupportedFactors'],
    matches: (error, value) =>
      error.keyword === 'type' && /^\/\d+\/_embedded\/phones$/.test(error.instancePath) && Array.isArray(value),
    problems: (value) => (value as unknown[]).flatMap((phone, i) => phoneProblems(phone, `_embedded.phones[${i}]`)),
  },
  {
    name: 'verify-profile-strings',
    why: 'verify results carry `profile` values as plain strings (phoneNumber, credentialId...); the schema says each is an object',
    operations: ['verifyFactor'],
    matches: (error, value) =>
      error.keyword === 'type' && /^\/profile\/[^/]+$/.test(error.instancePath) && typeof value === 'string',
    problems: () => [],
  },
  {
    name: 'verify-enrolled-factors-array',
    why: 'a webauthn challenge carries `_embedded.enrolledFactors`, an array of the user\'s webauthn factors (Ledger\'s CI against a real org); the schema says each `_embedded` entry is an object',
    operations: ['verifyFactor'],
    matches: (error, value) =>
      error.keyword === 'type' && error.instancePath === '/_embedded/enrolledFactors' && Array.isArray(value),
    problems: (value) => (value as unknown[]).flatMap((factor, i) =>
      isObject(factor) && factor.factorType === 'webauthn' && isObject(factor.profile) && typeof factor.profile.credentialId === 'string'
        ? []
        : [`_embedded.enrolledFactors[${i}] is not a webauthn factor with profile.credentialId`]),
  },
  {
    name: 'user-second-email',
    why: '`profile.secondEmail` may be an empty or non-email string in user listings; the schema says format email',
    operations: ['listUsers', 'getUser'],
    matches: (error, value) =>
      error.keyword === 'format' && /^(\/\d+)?\/profile\/secondEmail$/.test(error.instancePath) && typeof value === 'string',
    problems: (value) => ((value as string).length > 100 ? ['profile.secondEmail is longer than 100'] : []),
  },
];
