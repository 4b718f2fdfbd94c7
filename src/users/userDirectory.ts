// Reading an org's users for the tree and the pickers: one place that turns a user query into a
// page of users, so neither builds requests of its own. Free of `vscode`.
import type { OktaClient } from '../okta/client';
import type { ListUsersQuery, UsersPage } from '../okta/models';

export class UserDirectory {
  constructor(private readonly clientFor: (orgId: string) => Promise<OktaClient>) {}

  /** One page of users (`after` from the previous page's cursor). */
  async page(orgId: string, query: ListUsersQuery, signal?: AbortSignal): Promise<UsersPage> {
    return (await this.clientFor(orgId)).listUsersPage({ ...query, signal });
  }
}
