// The parameters of GET /api/v1/logs (contract `listLogEvents`, docs reference/system-log-query).
// A *polling* request (no `until`, ASCENDING) reads by persistence time and never ends; every other
// request is *bounded*: `since`..`until` on `published` (defaults: until = now, since = 7 days
// before until), in `sortOrder`, finite. `after` is the opaque position a `next` link carries.
import { oktaErrors } from '../errors';
import type { Predicate } from '../filterExpression';
import { parseLogFilter } from './filter';
import { matchesKeywords, parseKeywords } from './keywords';
import type { LogEventJson } from './logEvent';

const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_RANGE_MS = 7 * DAY_MS;
/** `since` further back is refused (docs: E0000053). */
const MAX_SINCE_AGE_MS = 180 * DAY_MS;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/** RFC 3339 date-time ("The Internet Date/Time Format profile of ISO 8601", the old reference). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A position in one of the two orders: time (persisted or published, ms) and recording order. */
export interface LogCursor {
  order: 'persisted' | 'published';
  ms: number;
  seq: number;
}

export interface LogQuery {
  polling: boolean;
  descending: boolean;
  sinceMs: number;
  untilMs: number;
  /** The bounded request named no `until` (its next link pins the one used). */
  untilDefaulted: boolean;
  after?: LogCursor;
  limit: number;
  matches: Predicate<LogEventJson>;
}

/** An empty value counts as absent (the docs' own links carry `q=`). */
function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

function timeParam(query: URLSearchParams, name: 'since' | 'until'): number | undefined {
  const raw = param(query, name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (!DATE_TIME.test(raw) || !Number.isFinite(ms)) {
    // Okta's wording (docs, "Errors").
    const format = `${name}: The date format in your query is not recognized. Please enter dates using ISO8601 string format.`;
    const validity = `${name}: must be a valid date-time or empty.`;
    throw oktaErrors.validation(`'${name}': The date format in your query is not recognized. Please enter dates using ISO8601 string format. ` +
      `'${name}': must be a valid date-time or empty.`, format, validity);
  }
  return ms;
}

function limitParam(query: URLSearchParams): number {
  const raw = param(query, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit > MAX_LIMIT) {
    throw oktaErrors.validation(`'limit': must be an integer between 0 and ${MAX_LIMIT}.`, `limit: must be an integer between 0 and ${MAX_LIMIT}.`);
  }
  return limit;
}

export function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(`${cursor.order === 'persisted' ? 'p' : 'b'}:${cursor.ms}:${cursor.seq}`).toString('base64url');
}

function decodeCursor(raw: string, polling: boolean): LogCursor {
  const match = /^([pb]):(\d+):(-?\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  const order = match?.[1] === 'p' ? 'persisted' : 'published';
  if (!match || (order === 'persisted') !== polling) {
    throw oktaErrors.validation("'after': The cursor is not valid.", 'after: The cursor is not valid.');
  }
  return { order, ms: Number(match[2]), seq: Number(match[3]) };
}

export function parseLogQuery(query: URLSearchParams, nowMs: number): LogQuery {
  const since = timeParam(query, 'since');
  const until = timeParam(query, 'until');
  const limit = limitParam(query);
  const sortOrder = param(query, 'sortOrder') ?? 'ASCENDING';
  if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') {
    throw oktaErrors.validation("'sortOrder': must be ASCENDING or DESCENDING.", 'sortOrder: must be ASCENDING or DESCENDING.');
  }
  const polling = until === undefined && sortOrder === 'ASCENDING';
  const rawAfter = param(query, 'after');
  const after = rawAfter === undefined ? undefined : decodeCursor(rawAfter, polling);
  const keywords = parseKeywords(query.get('q'));
  const filter = param(query, 'filter');
  const filtered = filter === undefined ? () => true : parseLogFilter(filter);
  if (since !== undefined && since < nowMs - MAX_SINCE_AGE_MS) {
    throw oktaErrors.invalidLogQuery('Invalid parameter: The since parameter is over 180 days prior to the current day.');
  }
  const untilMs = until ?? nowMs;
  return {
    polling,
    descending: sortOrder === 'DESCENDING',
    sinceMs: since ?? untilMs - DEFAULT_RANGE_MS,
    untilMs,
    untilDefaulted: until === undefined,
    after,
    limit,
    matches: (event) => filtered(event) && matchesKeywords(event, keywords),
  };
}
