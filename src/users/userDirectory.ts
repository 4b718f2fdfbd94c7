// Reading an org's users for the tree and the pickers, and the few changes to users a fixtures apply
// makes: one place that turns these into client calls, so neither the tree nor the fixtures build
// requests of their own. Free of `vscode`.
import type { OktaClient } from '../okta/client';
import { isNotFound } from '../factors/errorKinds';
import type { CreateUserRequest, ListUsersQuery, OktaUser, UserLifecycleOperation, UserProfile, UsersPage } from '../okta/models';

export class UserDirectory {
  constructor(private readonly clientFor: (orgId: string) => Promise<OktaClient>) {}

  /** One page of users (`after` from the previous page's cursor). */
  async page(orgId: string, query: ListUsersQuery, signal?: AbortSignal): Promise<UsersPage> {
    return (await this.clientFor(orgId)).listUsersPage({ ...query, signal });
  }

  /** The user with this id or login, or undefined when Okta has none. */
  async find(orgId: string, idOrLogin: string, signal?: AbortSignal): Promise<OktaUser | undefined> {
    try {
      return await (await this.clientFor(orgId)).getUser(idOrLogin, { signal });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async create(orgId: string, request: CreateUserRequest, signal?: AbortSignal): Promise<OktaUser> {
    return (await this.clientFor(orgId)).createUser(request, { signal });
  }

  async updateProfile(orgId: string, userId: string, profile: Partial<UserProfile>, signal?: AbortSignal): Promise<OktaUser> {
    return (await this.clientFor(orgId)).updateUserProfile(userId, profile, { signal });
  }

  async changeLifecycle(orgId: string, userId: string, operation: UserLifecycleOperation, signal?: AbortSignal): Promise<void> {
    return (await this.clientFor(orgId)).changeUserLifecycle(userId, operation, { signal });
  }
}
