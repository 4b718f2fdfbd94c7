// GET /api/v1/logs. Polling requests answer the events persisted after the position in persistence
// order and always carry a `next` link, even on an empty page, whose cursor is the last event
// returned (or the position asked from): a later call sees what was persisted since, each event once.
// Bounded requests answer the events published in the range, in `sortOrder`, with a `next` link only
// while more remain. Every answer has a `self` link echoing the query.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { json, type ApiRequest, type ApiResponse } from '../http';
import type { Router } from '../router';
import { currentOrigin } from './requestOrigin';
import { encodeCursor, parseLogQuery, type LogCursor, type LogQuery } from './query';
import type { StoredEvent } from './systemLog';

export const LOGS_PATH = '/api/v1/logs';

export function addLogRoutes(router: Router, ctx: SimContext): void {
  router.add('GET', LOGS_PATH, (req) => listLogEvents(ctx, req));
}

interface Page {
  events: StoredEvent[];
  /** Where the next page starts, when there is one. */
  next?: LogCursor;
}

/** Strictly after `cursor` in ascending (time, seq) order. */
const isAfter = (ms: number, seq: number, cursor: { ms: number; seq: number }): boolean =>
  ms > cursor.ms || (ms === cursor.ms && seq > cursor.seq);

function pollingPage(events: StoredEvent[], query: LogQuery): Page {
  const start = query.after ?? { order: 'persisted', ms: query.sinceMs, seq: -1 };
  const page = events
    .filter((e) => isAfter(e.persistedMs, e.seq, start))
    .sort((a, b) => a.persistedMs - b.persistedMs || a.seq - b.seq)
    .slice(0, query.limit);
  const last = page.at(-1);
  return { events: page, next: last ? { order: 'persisted', ms: last.persistedMs, seq: last.seq } : start };
}

function boundedPage(events: StoredEvent[], query: LogQuery): Page {
  const direction = query.descending ? -1 : 1;
  const { after } = query;
  const ordered = events
    .filter((e) => e.publishedMs >= query.sinceMs && e.publishedMs < query.untilMs)
    // Past the cursor in the direction read: after it ascending, before it descending.
    .filter((e) => !after || (query.descending ? isAfter(after.ms, after.seq, { ms: e.publishedMs, seq: e.seq }) : isAfter(e.publishedMs, e.seq, after)))
    .sort((a, b) => direction * (a.publishedMs - b.publishedMs || a.seq - b.seq));
  const page = ordered.slice(0, query.limit);
  const last = page.at(-1);
  return { events: page, ...(last && ordered.length > page.length ? { next: { order: 'published', ms: last.publishedMs, seq: last.seq } } : {}) };
}

function listLogEvents(ctx: SimContext, req: ApiRequest): ApiResponse {
  const origin = currentOrigin();
  const { systemLog } = ctx.store;
  // The token's admin may lack a role that reads the System Log (a setting; service apps need the scope instead).
  if (origin?.caller.kind === 'token-owner' && !systemLog.settings.tokenOwnerMayReadLogs) throw oktaErrors.forbidden();
  const nowMs = ctx.now();
  const query = parseLogQuery(req.query, nowMs);
  const candidates = systemLog.visible(nowMs).filter((e) => query.matches(e.event));
  const page = query.polling ? pollingPage(candidates, query) : boundedPage(candidates, query);

  const base = `${origin?.orgUrl ?? ctx.baseUrl}${LOGS_PATH}`;
  const link = (params: URLSearchParams, rel: 'self' | 'next') => `<${base}${params.size > 0 ? `?${params.toString()}` : ''}>; rel="${rel}"`;
  const links = [link(req.query, 'self')];
  if (page.next) {
    const next = new URLSearchParams(req.query);
    next.set('after', encodeCursor(page.next));
    // A polling cursor is the position; a bounded one keeps its range, pinned to the `until` used.
    if (query.polling) next.delete('since');
    else if (query.untilDefaulted) next.set('until', new Date(query.untilMs).toISOString());
    links.push(link(next, 'next'));
  }
  return json(page.events.map((e) => e.event), 200, { Link: links });
}
