// The Users calls the tree needs: one user, and the user list page by page (`Link rel="next"`);
// plus the lifecycle call bulk work needs: reset every factor of a user.
import type { ApiCalls } from './apiCalls';
import type { CallOptions } from './factorApi';
import { parseLinkHeader } from './links';
import type { ListUsersQuery, OktaUser, UsersPage } from '../models';

export class UserApi {
  readonly #calls: ApiCalls;

  constructor(calls: ApiCalls) {
    this.#calls = calls;
  }

  async getUser(idOrLogin: string, options: CallOptions = {}): Promise<OktaUser> {
    return this.#calls.json({ method: 'GET', path: `/api/v1/users/${this.#calls.segment(idOrLogin, 'user id or login')}`, signal: options.signal }, 'object');
  }

  /** Okta answers 200 `{}` (recorded) where its contract declares no body: both are accepted. */
  async resetFactors(userId: string, options: CallOptions = {}): Promise<void> {
    return this.#calls.noContent({ method: 'POST', path: `${this.#calls.userPath(userId)}/lifecycle/reset_factors`, signal: options.signal },
      'the factors were reset', { acceptJsonObject: true });
  }

  async listUsersPage(query: ListUsersQuery & CallOptions = {}): Promise<UsersPage> {
    const request = {
      method: 'GET' as const, path: '/api/v1/users', signal: query.signal,
      query: {
        q: query.q, filter: query.filter, search: query.search, limit: query.limit, after: query.after,
        sortBy: query.sortBy, sortOrder: query.sortOrder,
      },
    };
    const response = await this.#calls.send(request);
    const users = this.#calls.read<OktaUser[]>(response, 'array', request);
    const next = parseLinkHeader(response.headers['link'] as string | string[] | undefined).next;
    let after: string | undefined;
    if (next) {
      try {
        after = new URL(next, this.#calls.orgUrl).searchParams.get('after') ?? undefined;
      } catch {
        after = undefined;
      }
    }
    return after ? { users, after } : { users };
  }

  async *listUsers(query: ListUsersQuery & CallOptions = {}): AsyncGenerator<OktaUser, void, undefined> {
    let after = query.after;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.listUsersPage({ ...query, after });
      // Not `yield* page.users`: over an array that adds an async-from-sync iterator, a promise per user.
      for (const user of page.users) yield user;
      if (!page.after || seen.has(page.after)) return; // a repeated cursor would loop forever
      seen.add(page.after);
      after = page.after;
    }
  }
}
