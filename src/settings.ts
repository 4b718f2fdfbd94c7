// The `okta.*` settings, read on each use so changes apply without a reload.
import vscode = require('vscode');

export interface OktaSettings {
  usersPageSize(): number;
  requestTimeoutMs(): number;
  showDeprovisioned(): boolean;
}

const section = () => vscode.workspace.getConfiguration('okta');

export const settings: OktaSettings = {
  usersPageSize: () => section().get<number>('users.pageSize', 25),
  requestTimeoutMs: () => section().get<number>('requestTimeoutSeconds', 30) * 1000,
  showDeprovisioned: () => section().get<boolean>('users.showDeprovisioned', false),
};
