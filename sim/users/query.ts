// Parsing the `filter` and `search` expressions of GET /api/v1/users into a predicate.
//   expr := term ('or' term)* ; term := factor ('and' factor)* ;
//   factor := '(' expr ')' | attribute operator value | attribute 'pr'
// `filter` is Okta's limited dialect (eq on a few attributes, lastUpdated comparisons, case
// sensitive); `search` takes any attribute, eq/sw/co/gt/ge/lt/le/pr, case insensitive.
import { oktaErrors } from '../errors';
import type { SimUser } from '../model';
import { USER_TYPE_ID } from './serialize';

export type Dialect = 'filter' | 'search';
export type UserPredicate = (user: SimUser) => boolean;

type Token = { kind: 'word' | 'string' | 'paren'; text: string };

const FILTER_ATTRIBUTES = new Set(['status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName']);
const DATE_ATTRIBUTES = new Set(['created', 'activated', 'statusChanged', 'lastUpdated', 'lastLogin', 'passwordChanged']);
const SEARCH_TOP_LEVEL = new Set(['id', 'status', 'type.id', ...DATE_ATTRIBUTES]);
const CONTAINS_ATTRIBUTES = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const COMPARISONS = new Set(['gt', 'ge', 'lt', 'le']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', text: ch });
      i++;
    } else if (ch === '"') {
      let text = '';
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      if (i >= input.length) throw oktaErrors.invalidSearch('Unterminated string literal.');
      i++;
      tokens.push({ kind: 'string', text });
    } else {
      const match = /^[^\s()"]+/.exec(input.slice(i))!;
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

export function parseUserQuery(expression: string, dialect: Dialect): UserPredicate {
  const tokens = tokenize(expression);
  let pos = 0;
  const peekWord = (): string | undefined => (tokens[pos]?.kind === 'word' ? tokens[pos].text.toLowerCase() : undefined);

  const parseExpr = (): UserPredicate => {
    const parts = [parseTerm()];
    while (peekWord() === 'or') {
      pos++;
      parts.push(parseTerm());
    }
    return parts.length === 1 ? parts[0] : (u) => parts.some((p) => p(u));
  };
  const parseTerm = (): UserPredicate => {
    const parts = [parseFactor()];
    while (peekWord() === 'and') {
      pos++;
      parts.push(parseFactor());
    }
    return parts.length === 1 ? parts[0] : (u) => parts.every((p) => p(u));
  };
  const parseFactor = (): UserPredicate => {
    const token = tokens[pos++];
    if (!token) throw oktaErrors.invalidSearch('Unexpected end of expression.');
    if (token.kind === 'paren' && token.text === '(') {
      const inner = parseExpr();
      if (tokens[pos]?.text !== ')') throw oktaErrors.invalidSearch('Missing closing parenthesis.');
      pos++;
      return inner;
    }
    if (token.kind !== 'word') throw oktaErrors.invalidSearch(`Unexpected "${token.text}".`);
    if (token.text.toLowerCase() === 'not') throw oktaErrors.invalidSearch('The "not" operator is not supported.');
    const attribute = token.text;
    const operator = tokens[pos++]?.text.toLowerCase();
    if (!operator) throw oktaErrors.invalidSearch(`Missing operator after ${attribute}.`);
    checkAttribute(attribute, operator, dialect);
    if (operator === 'pr') return (u) => attributeValue(u, attribute) != null;
    const value = tokens[pos++];
    if (!value || value.kind === 'paren') throw oktaErrors.invalidSearch(`Missing value after ${attribute} ${operator}.`);
    return comparison(attribute, operator, value.text, dialect);
  };

  const predicate = parseExpr();
  if (pos < tokens.length) throw oktaErrors.invalidSearch(`Unexpected "${tokens[pos].text}".`);
  return predicate;
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
