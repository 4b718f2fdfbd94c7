// GET /api/v1/users: plain list, `q`, `filter` and `search`, cursor paging with Link headers.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { json, type ApiRequest, type ApiResponse } from '../http';
import type { SimUser } from '../model';
import { parseUserQuery, type UserPredicate } from './query';
import { userJson } from './serialize';

const MAX_LIMIT = 200;
const DEFAULT_Q_LIMIT = 10;

function parseLimit(raw: string | null, fallback: number): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw oktaErrors.validation('limit', 'limit: must be a positive integer.');
  return Math.min(value, MAX_LIMIT);
}

/** The `after` cursor is opaque to clients: the last returned user's id, base64url-encoded. */
const encodeCursor = (user: SimUser): string => Buffer.from(`u:${user.id}`).toString('base64url');

function decodeCursor(ctx: SimContext, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('u:') ? decoded.slice(2) : '';
  if (ctx.store.positionOf(id) === undefined) throw oktaErrors.validation('after', 'after: The cursor is not valid.');
  return id;
}

function pageLink(ctx: SimContext, params: URLSearchParams, rel: 'self' | 'next'): string {
  const query = params.toString();
  return `<${ctx.baseUrl}/api/v1/users${query ? `?${query}` : ''}>; rel="${rel}"`;
}

export function listUsers(ctx: SimContext, req: ApiRequest): ApiResponse {
  const q = req.query.get('q');
  const filter = req.query.get('filter');
  const search = req.query.get('search');
  const selfLink = pageLink(ctx, req.query, 'self');

  if (q !== null && filter === null && search === null) {
    // q: prefix match on first name, last name or email; no paging; DEPROVISIONED left out.
    const limit = parseLimit(req.query.get('limit'), DEFAULT_Q_LIMIT);
    const prefix = q.toLowerCase();
    const matches: SimUser[] = [];
    for (const user of ctx.store.users) {
      if (matches.length >= limit) break;
      if (user.status === 'DEPROVISIONED') continue;
      const { firstName, lastName, email } = user.profile;
      if ([firstName, lastName, email].some((v) => v?.toLowerCase().startsWith(prefix))) matches.push(user);
    }
    return json(matches.map((u) => userJson(ctx, u, false)), 200, { Link: [selfLink] });
  }

  const predicate: UserPredicate =
    search !== null ? parseUserQuery(search, 'search')
      : filter !== null ? parseUserQuery(filter, 'filter')
        : (u) => u.status !== 'DEPROVISIONED';
  const limit = parseLimit(req.query.get('limit'), MAX_LIMIT);
  const after = req.query.get('after');
  const afterId = after ? decodeCursor(ctx, after) : undefined;
  const sortBy = search !== null ? req.query.get('sortBy') : null;

  const { page, more } = sortBy
    ? sortedPage(ctx, predicate, sortBy, req.query.get('sortOrder') === 'desc', afterId, limit)
    : scanPage(listOrder(ctx, search !== null, afterId), predicate, limit);
  const links = [selfLink];
  if (more && page.length > 0) {
    const next = new URLSearchParams(req.query);
    next.set('after', encodeCursor(page[page.length - 1]));
    next.set('limit', String(limit));
    links.push(pageLink(ctx, next, 'next'));
  }
  return json(page.map((u) => userJson(ctx, u, false)), 200, { Link: links });
}

interface ListOrder {
  users: readonly SimUser[];
  /** Where the page after the cursor starts. */
  start: number;
}

/**
 * The order without `sortBy`: a search lists by ascending id, as real orgs do (api-reference §8.1);
 * a plain list or a filter in creation order. The cursor is the last user either way.
 */
function listOrder(ctx: SimContext, isSearch: boolean, afterId: string | undefined): ListOrder {
  if (!isSearch) return { users: ctx.store.users, start: afterId === undefined ? 0 : ctx.store.positionOf(afterId)! + 1 };
  const users = ctx.store.usersByIdOrder();
  return { users, start: afterId === undefined ? 0 : firstIdAbove(users, afterId) };
}

/** Binary search in id order, so a search's pages stay as cheap as the plain list's. */
function firstIdAbove(users: readonly SimUser[], id: string): number {
  let low = 0;
  let high = users.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (users[mid].id <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Walks from the cursor, so paging 10,000 users stays cheap. */
function scanPage({ users, start }: ListOrder, predicate: UserPredicate, limit: number): { page: SimUser[]; more: boolean } {
  const page: SimUser[] = [];
  for (let i = start; i < users.length; i++) {
    if (!predicate(users[i])) continue;
    if (page.length === limit) return { page, more: true };
    page.push(users[i]);
  }
  return { page, more: false };
}

function sortedPage(
  ctx: SimContext,
  predicate: UserPredicate,
  sortBy: string,
  descending: boolean,
  afterId: string | undefined,
  limit: number,
): { page: SimUser[]; more: boolean } {
  const key = (u: SimUser): string => {
    const value = sortBy.startsWith('profile.') ? u.profile[sortBy.slice(8)] : (u as unknown as Record<string, unknown>)[sortBy];
    return value == null ? '' : String(value).toLowerCase();
  };
  const sorted = ctx.store.users.filter(predicate).sort((a, b) => key(a).localeCompare(key(b)) * (descending ? -1 : 1));
  const start = afterId === undefined ? 0 : sorted.findIndex((u) => u.id === afterId) + 1;
  return { page: sorted.slice(start, start + limit), more: start + limit < sorted.length };
}
