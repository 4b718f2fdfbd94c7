// What a factor action is about. Tree nodes hand these to commands (`kind` tells which), and the
// FactorService takes the same shapes, so nothing is sniffed or cast on the way. Free of `vscode`.
import type { OktaUser, SupportedFactor, UserFactor } from '../okta/models';

export interface OrgTarget {
  kind: 'org';
  orgId: string;
}
export interface UserTarget {
  kind: 'user';
  orgId: string;
  user: OktaUser;
}
export interface FactorTarget {
  kind: 'factor';
  orgId: string;
  user: OktaUser;
  factor: UserFactor;
}
/** A "Supported factors" entry of a user: enroll with that entry preselected. */
export interface CatalogEntryTarget {
  kind: 'catalogEntry';
  orgId: string;
  user: OktaUser;
  entry: SupportedFactor;
}

export type CommandTarget = OrgTarget | UserTarget | FactorTarget | CatalogEntryTarget;

/** The parts the service needs: an org and a user, plus the factor for factor actions. */
export type UserRef = Pick<UserTarget, 'orgId' | 'user'>;
export type FactorRef = Pick<FactorTarget, 'orgId' | 'user' | 'factor'>;
