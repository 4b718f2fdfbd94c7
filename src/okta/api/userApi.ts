// The Users calls the tree needs: one user, and the user list page by page (`Link rel="next"`);
// plus what bulk work and a fixtures apply need: reset every factor of a user, create a user,
// update a profile, and the activate / suspend / unsuspend lifecycle calls.
import type { ApiCalls } from './apiCalls';
import type { CallOptions } from './factorApi';
import { parseLinkHeader } from './links';
import type { CreateUserRequest, ListUsersQuery, OktaUser, UserLifecycleOperation, UserProfile, UsersPage } from '../models';

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

  /** `POST /api/v1/users?activate=`: the password goes only into the body, which is never logged. */
  async createUser(request: CreateUserRequest, options: CallOptions = {}): Promise<OktaUser> {
    const body = { profile: request.profile, ...(request.password !== undefined ? { credentials: { password: { value: request.password } } } : {}) };
    return this.#calls.json({ method: 'POST', path: '/api/v1/users', query: { activate: String(request.activate) }, body, signal: options.signal }, 'object');
  }

  /** Partial update (`POST /api/v1/users/{id}`): only the attributes given change. */
  async updateProfile(userId: string, profile: Partial<UserProfile>, options: CallOptions = {}): Promise<OktaUser> {
    return this.#calls.json({ method: 'POST', path: this.#calls.userPath(userId), body: { profile }, signal: options.signal }, 'object');
  }

  /**
   * Activate (without Okta's email: `sendEmail=false`), suspend or unsuspend. Activate answers an
   * activation token object and the others an empty 200, so the answer is not read.
   */
  async changeLifecycle(userId: string, operation: UserLifecycleOperation, options: CallOptions = {}): Promise<void> {
    const query = operation === 'activate' ? { sendEmail: 'false' } : undefined;
    return this.#calls.noContent({ method: 'POST', path: `${this.#calls.userPath(userId)}/lifecycle/${operation}`, query, signal: options.signal },
      `the user's ${operation === 'activate' ? 'activation' : operation} happened`, { acceptJsonObject: true });
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
