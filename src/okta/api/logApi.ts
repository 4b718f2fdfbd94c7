// The System Log (`GET /api/v1/logs`): a first page from a query, and later pages by following the
// `next` link Okta gave, which is checked to be this org's System Log before anything is sent (so a
// link can never carry the token elsewhere or call another endpoint).
import type { ApiCalls } from './apiCalls';
import type { CallOptions } from './factorApi';
import { parseLinkHeader } from './links';
import { OktaInputError } from '../errors';
import type { ApiRequest } from '../http/apiRequest';
import type { LogEvent, LogEventsPage, LogQuery } from '../models';

const LOGS_PATH = '/api/v1/logs';

export class LogApi {
  readonly #calls: ApiCalls;

  constructor(calls: ApiCalls) {
    this.#calls = calls;
  }

  async listLogEvents(query: LogQuery & CallOptions = {}): Promise<LogEventsPage> {
    return this.#page({
      method: 'GET', path: LOGS_PATH, signal: query.signal,
      query: { since: query.since, until: query.until, filter: query.filter, q: query.q, limit: query.limit, sortOrder: query.sortOrder },
    });
  }

  /** The page a `next` link points at; refused (nothing sent) unless it is this org's `/api/v1/logs`. */
  async logEventsAt(next: string, options: CallOptions = {}): Promise<LogEventsPage> {
    const { path, query } = this.#calls.sameOriginPath(next);
    if (path !== LOGS_PATH) throw new OktaInputError(`The link is not a page of this org's System Log (${LOGS_PATH}); it was not followed.`);
    return this.#page({ method: 'GET', path, query, signal: options.signal });
  }

  async #page(request: ApiRequest): Promise<LogEventsPage> {
    const response = await this.#calls.send(request);
    const events = this.#calls.read<LogEvent[]>(response, 'array', request);
    const next = parseLinkHeader(response.headers['link'] as string | string[] | undefined).next;
    let href: string | undefined;
    try {
      href = next === undefined ? undefined : new URL(next, this.#calls.orgUrl).href;
    } catch {
      href = undefined; // an unreadable link is no link; following it is checked anyway
    }
    return href ? { events, next: href } : { events };
  }
}
