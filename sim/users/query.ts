// Parsing the `filter` and `search` expressions of GET /api/v1/users into a predicate (the grammar
// is ../filterExpression.ts; `not` is refused). `filter` is Okta's limited dialect (eq on a few
// attributes, lastUpdated comparisons, case sensitive); `search` takes any attribute,
// eq/sw/co/gt/ge/lt/le/pr, case insensitive.
import { oktaErrors } from '../errors';
import type { SimUser } from '../model';
import { parseFilter } from '../filterExpression';
import { USER_TYPE_ID } from './serialize';

export type Dialect = 'filter' | 'search';
export type UserPredicate = (user: SimUser) => boolean;

const FILTER_ATTRIBUTES = new Set(['status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName']);
const DATE_ATTRIBUTES = new Set(['created', 'activated', 'statusChanged', 'lastUpdated', 'lastLogin', 'passwordChanged']);
const SEARCH_TOP_LEVEL = new Set(['id', 'status', 'type.id', ...DATE_ATTRIBUTES]);
const CONTAINS_ATTRIBUTES = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const COMPARISONS = new Set(['gt', 'ge', 'lt', 'le']);

export function parseUserQuery(expression: string, dialect: Dialect): UserPredicate {
  return parseFilter<SimUser>(expression, {
    allowNot: false,
    check: ({ attribute, operator }) => checkAttribute(attribute, operator, dialect),
    compare: ({ attribute, operator, value }) =>
      operator === 'pr' ? (u) => attributeValue(u, attribute) != null : comparison(attribute, operator, value!.text, dialect),
    syntaxError: (reason) => oktaErrors.invalidSearch(reason),
  });
}

function checkAttribute(attribute: string, operator: string, dialect: Dialect): void {
  if (dialect === 'filter') {
    if (!FILTER_ATTRIBUTES.has(attribute)) throw oktaErrors.invalidSearch(`Filtering on "${attribute}" is not supported.`);
    const allowed = attribute === 'lastUpdated' ? ['eq', ...COMPARISONS] : ['eq'];
    if (!allowed.includes(operator)) throw oktaErrors.invalidSearch(`Operator "${operator}" is not supported for ${attribute}.`);
    return;
  }
  if (!SEARCH_TOP_LEVEL.has(attribute) && !/^profile\.[A-Za-z0-9_]+$/.test(attribute)) {
    throw oktaErrors.invalidSearch(`Unknown attribute "${attribute}".`);
  }
  if (!['eq', 'sw', 'co', 'pr', ...COMPARISONS].includes(operator)) {
    throw oktaErrors.invalidSearch(`Unknown operator "${operator}".`);
  }
  if (DATE_ATTRIBUTES.has(attribute) && (operator === 'sw' || operator === 'co')) {
    throw oktaErrors.invalidSearch(`Operator "${operator}" is not supported for ${attribute}.`);
  }
  if (operator === 'co' && !CONTAINS_ATTRIBUTES.has(attribute)) {
    throw oktaErrors.invalidSearch(`The "co" operator is only supported on firstName, lastName, email and login.`);
  }
}

function attributeValue(user: SimUser, attribute: string): string | null | undefined {
  if (attribute.startsWith('profile.')) return user.profile[attribute.slice('profile.'.length)];
  if (attribute === 'type.id') return USER_TYPE_ID;
  return (user as unknown as Record<string, string | null>)[attribute];
}

function comparison(attribute: string, operator: string, literal: string, dialect: Dialect): UserPredicate {
  if (DATE_ATTRIBUTES.has(attribute)) {
    const target = Date.parse(literal);
    if (Number.isNaN(target)) throw oktaErrors.invalidSearch(`"${literal}" is not a valid date.`);
    return (u) => {
      const raw = attributeValue(u, attribute);
      if (!raw) return false;
      const value = Date.parse(raw);
      switch (operator) {
        case 'eq': return value === target;
        case 'gt': return value > target;
        case 'ge': return value >= target;
        case 'lt': return value < target;
        default: return value <= target;
      }
    };
  }
  const fold = dialect === 'search' ? (s: string) => s.toLowerCase() : (s: string) => s;
  const target = fold(literal);
  return (u) => {
    const raw = attributeValue(u, attribute);
    if (raw == null) return false;
    const value = fold(String(raw));
    switch (operator) {
      case 'eq': return value === target;
      case 'sw': return value.startsWith(target);
      case 'co': return value.includes(target);
      case 'gt': return value > target;
      case 'ge': return value >= target;
      case 'lt': return value < target;
      default: return value <= target;
    }
  };
}
