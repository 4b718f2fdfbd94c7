// How a user looks in the tree and in pickers. Free of `vscode` for unit tests.
import type { OktaUser } from '../okta/models';

/** "locked out", "staged"... */
export function describeUserStatus(user: Pick<OktaUser, 'status'>): string {
  return user.status.toLowerCase().replace(/_/g, ' ');
}

/** Theme colour id for a user status; undefined (the default colour) for ACTIVE. */
export function userStatusColorId(status: string): string | undefined {
  switch (status) {
    case 'ACTIVE':
      return undefined;
    case 'LOCKED_OUT':
    case 'SUSPENDED':
    case 'PASSWORD_EXPIRED':
      return 'charts.red';
    case 'DEPROVISIONED':
      return 'disabledForeground';
    default:
      return 'charts.yellow';
  }
}
