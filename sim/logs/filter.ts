// The System Log's `filter` (SCIM, every operator but `[ ]`; docs reference/system-log-query): any
// field of the LogEvent schema by its dotted path (snake_case spellings such as `event_type`, which
// Okta's own examples use, are read as camelCase), `published` excepted (since/until bound it). A
// path through an array (`target.id`, `request.ipChain.ip`) matches when any element matches
// (RFC 7644). Strings compare case-insensitively (SCIM's default, caseExact false).
// Refusals, worded as Okta's docs show them: an unknown operator or malformed expression 400
// E0000053 "Invalid filter '…': …", an unknown field E0000053 "field is not valid: …", `co` on the
// request URL fields 400 E0000031.
import { oktaErrors } from '../errors';
import { parseFilter, type FilterComparison, type FilterToken, type Predicate } from '../filterExpression';
import type { LogEventJson } from './logEvent';

/** A leaf field, a branch of fields, or `'any'`: any path below (free-form maps such as debugData). */
type FieldTree = { [name: string]: FieldTree | true | 'any' };

const GEOGRAPHY: FieldTree = { city: true, state: true, country: true, postalCode: true, geolocation: { lat: true, lon: true } };

/** The queryable fields of `LogEvent` (openapi-system-log.yaml); `changeDetails` cannot be queried. */
const FIELDS: FieldTree = {
  uuid: true, eventType: true, version: true, severity: true, legacyEventType: true, displayMessage: true,
  actor: { id: true, type: true, alternateId: true, displayName: true, detailEntry: 'any' },
  client: { userAgent: { rawUserAgent: true, os: true, browser: true }, zone: true, device: true, id: true, ipAddress: true, geographicalContext: GEOGRAPHY },
  outcome: { result: true, reason: true },
  target: { id: true, type: true, alternateId: true, displayName: true, detailEntry: 'any' },
  transaction: { type: true, id: true, detail: 'any' },
  debugContext: { debugData: 'any' },
  authenticationContext: {
    authenticationProvider: true, credentialProvider: true, credentialType: true, externalSessionId: true, interface: true,
    authenticationStep: true, issuer: { id: true, type: true },
  },
  securityContext: { asNumber: true, asOrg: true, isp: true, domain: true, isProxy: true },
  request: { ipChain: { ip: true, version: true, source: true, geographicalContext: GEOGRAPHY } },
};

const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le'];
/** `co` is refused on these (docs: "isn't supported"). */
const NO_CONTAINS = new Set(['debugContext.debugData.url', 'debugContext.debugData.requestUri']);

type Literal = string | number | boolean | null;

const camel = (segment: string): string => segment.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function knownField(path: string[]): boolean {
  let node: FieldTree | true | 'any' = FIELDS;
  for (let i = 0; i < path.length; i++) {
    if (node === 'any') return true;
    if (node === true || !Object.hasOwn(node, path[i])) return false;
    node = node[path[i]];
  }
  return node === true;
}

/** Every value at the path; arrays on the way are searched element by element. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

function compareValue(value: unknown, operator: string, literal: Literal): boolean {
  if (literal === null || value === null || value === undefined) {
    const equal = (value ?? null) === literal;
    return operator === 'eq' ? equal : operator === 'ne' ? !equal : false;
  }
  if (typeof value === 'string' && typeof literal === 'string') return compareSame(value.toLowerCase(), literal.toLowerCase(), operator);
  if (typeof value === 'number' && typeof literal === 'number') return compareSame(value, literal, operator);
  if (typeof value === 'boolean' && typeof literal === 'boolean') return operator === 'eq' ? value === literal : operator === 'ne' && value !== literal;
  return operator === 'ne';
}

function compareSame<T extends string | number>(a: T, b: T, operator: string): boolean {
  switch (operator) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    default: {
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      return operator === 'co' ? a.includes(b) : operator === 'sw' ? a.startsWith(b) : a.endsWith(b);
    }
  }
}

export function parseLogFilter(expression: string): Predicate<LogEventJson> {
  const invalid = (what: string, at: number, tail = '') =>
    oktaErrors.invalidLogQuery(`Invalid filter '${expression}': ${what} at position ${at}.${tail}`);
  const literalOf = (token: FilterToken): Literal => {
    if (token.kind === 'string') return token.text;
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
    throw invalid(`Unrecognized value '${token.text}' (strings are quoted)`, token.at);
  };
  const pathOf = (attribute: string) => attribute.split('.').map(camel);
  return parseFilter<LogEventJson>(expression, {
    allowNot: true,
    check: ({ attribute, attributeAt, operator, operatorAt }: FilterComparison) => {
      if (/[[\]]/.test(attribute)) throw invalid('The [ ] operator is not supported', attributeAt);
      if (!OPERATORS.includes(operator)) {
        throw invalid(`Unrecognized attribute operator '${operator}'`, operatorAt, ` Expected: ${OPERATORS.join(',')}`);
      }
      const path = pathOf(attribute);
      if (path[0] === 'published' || !knownField(path)) throw oktaErrors.invalidLogQuery(`field is not valid: ${attribute}`);
      if (operator === 'co' && NO_CONTAINS.has(path.join('.'))) throw oktaErrors.unsupportedLogFilter(operator, attribute);
    },
    compare: ({ attribute, operator, value }) => {
      const path = pathOf(attribute);
      if (operator === 'pr') return (event) => valuesAt(event, path).some((v) => v !== null && v !== undefined && v !== '');
      const literal = literalOf(value!);
      return (event) => {
        const values = valuesAt(event, path);
        return (values.length > 0 ? values : [undefined]).some((v) => compareValue(v, operator, literal));
      };
    },
    syntaxError: (reason, at) => invalid(reason.replace(/\.$/, ''), at),
  });
}
