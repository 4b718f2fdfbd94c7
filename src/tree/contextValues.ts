// Tag-style contextValues ("okta:factor+active+sms+okta+canVerify+deletable") so package.json menus
// pick the actions that fit a node with regex `when` clauses. The capability tags come from the same
// predicates the FactorService guards its actions with; clauses match tags with lookaheads, so their
// order never matters. Kept free of `vscode` for unit tests.
import type { OktaUser, SupportedFactor, UserFactor } from '../okta/models';
import { FACTOR_CAPABILITIES, type FactorCapability } from '../factors/capabilities';

function tagged(kind: string, tags: Array<string | false | undefined>): string {
  return [kind, ...tags.filter((t): t is string => Boolean(t))].join('+');
}

const lower = (value: string | undefined): string | undefined => value?.toLowerCase();

export interface OrgNodeState {
  /** The last load of the org's users failed (token rejected, network...). */
  error: boolean;
  /** A user filter is set for this org. */
  filtered: boolean;
  /** The embedded demo org (a local simulator: no admin console). */
  demo: boolean;
}

export function orgContextValue(state: OrgNodeState): string {
  return tagged('okta:org', [state.error && 'error', state.filtered && 'filtered', state.demo && 'demo']);
}

export function userContextValue(user: Pick<OktaUser, 'status'>): string {
  return tagged('okta:user', [lower(user.status)]);
}

export function factorContextValue(factor: UserFactor, hasTotpSecret: boolean): string {
  return tagged('okta:factor', [
    lower(factor.status),
    factor.factorType,
    lower(String(factor.provider ?? '')),
    ...(Object.keys(FACTOR_CAPABILITIES) as FactorCapability[]).map((tag) => FACTOR_CAPABILITIES[tag](factor) && tag),
    hasTotpSecret && 'totpsecret',
  ]);
}

/** Okta refuses enrollments for deprovisioned users (E0000006): their catalog nodes say so, so Enroll is not offered. */
const deprovisioned = (user: Pick<OktaUser, 'status'>): string | false => user.status === 'DEPROVISIONED' && 'deprovisioned';

/** The "Supported factors" group of a user. */
export function catalogContextValue(user: Pick<OktaUser, 'status'>): string {
  return tagged('okta:catalog', [deprovisioned(user)]);
}

export function catalogFactorContextValue(entry: SupportedFactor, enrolled: boolean, user: Pick<OktaUser, 'status'>): string {
  return tagged('okta:catalogFactor', [
    entry.factorType,
    lower(String(entry.provider ?? '')),
    enrolled ? 'enrolled' : 'notenrolled',
    deprovisioned(user),
  ]);
}
