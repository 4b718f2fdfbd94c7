// An org's state for the fixtures planner tests, and a stand-in for apply: carries a plan's steps
// out on that state the way Okta answers them (new ids, the statuses Okta gives, Identity Engine's
// own email factor and Okta Verify companions), so a test can check that the next plan is empty.
import type { OktaUser, UserFactor } from '../../src/okta/models';
import type { FixturePlan, OrgSnapshot, SnapshotUser } from '../../src/fixtures';

export const DEV = { label: 'Dev', url: 'https://dev-123.okta.com' };
export const PROFILES = [{ id: 'fpr1', name: 'My HOTP profile' }, { id: 'fpr2', name: 'Lab tokens' }];

export function snapshotOf(users: SnapshotUser[] = [], extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return { org: DEV, users, customTotpProfiles: PROFILES, ...extra };
}

export interface ApplyOptions {
  /** Identity Engine: a user created ACTIVE gets its primary email as an ACTIVE factor; Okta Verify TOTP brings push. */
  identityEngine?: boolean;
}

/** The org after every step of `plan`, as a new snapshot (the given one is not changed). */
export function applied(plan: FixturePlan, snapshot: OrgSnapshot, options: ApplyOptions = {}): OrgSnapshot {
  const users: SnapshotUser[] = snapshot.users.map((u) => ({ ...u, user: structuredClone(u.user), factors: [...u.factors], keptSecretFactorIds: [...(u.keptSecretFactorIds ?? [])] }));
  let ids = 0;
  const newId = (prefix: string) => `${prefix}${++ids}`;
  for (const userPlan of plan.users) {
    let entry = users.find((u) => u.user.id === userPlan.existingUserId);
    for (const step of userPlan.steps) {
      switch (step.kind) {
        case 'createUser': {
          const user: OktaUser = {
            id: newId('00u'), status: step.status, profile: { ...step.profile },
            credentials: step.password ? { password: {}, provider: { type: 'OKTA' } } : { provider: { type: 'OKTA' } },
          };
          entry = { user, factors: [], keptSecretFactorIds: [] };
          if (options.identityEngine && step.status === 'ACTIVE' && step.profile.email) {
            entry.factors = [{ id: newId('emf'), factorType: 'email', provider: 'OKTA', status: 'ACTIVE', profile: { email: step.profile.email } }];
          }
          users.push(entry);
          break;
        }
        case 'changeStatus':
          entry!.user.status = step.to;
          break;
        case 'updateProfile':
          for (const change of step.changes) entry!.user.profile[change.attribute] = change.to;
          break;
        case 'enrollFactor': {
          const current = entry!;
          const email = step.request.factorType === 'email' && current.factors.find((f) => f.factorType === 'email' && f.status === step.resultStatus);
          if (email) break; // Identity Engine's own email, as the step's contract says: done, not failed.
          const factor = {
            id: newId('f'), factorType: step.request.factorType, provider: step.request.provider, status: step.resultStatus,
            ...(step.request.profile ? { profile: { ...step.request.profile } } : {}),
            ...(step.request.factorProfileId ? { factorProfileId: step.request.factorProfileId } : {}),
          } as UserFactor;
          current.factors = [...current.factors, factor];
          if (step.request.factorType === 'token:software:totp') current.keptSecretFactorIds = [...(current.keptSecretFactorIds ?? []), factor.id];
          if (options.identityEngine && step.factor.type === 'okta-verify-totp' && !current.factors.some((f) => f.factorType === 'push')) {
            current.factors = [...current.factors, { id: newId('opf'), factorType: 'push', provider: 'OKTA', status: 'ACTIVE' }];
          }
          break;
        }
        case 'activateFactor':
          entry!.factors = entry!.factors.map((f) => (f.id === step.factorId ? { ...f, status: 'ACTIVE' } : f));
          break;
        case 'unenrollFactor': {
          // Okta Verify push and FastPass take the user's other Okta Verify factors with them.
          const oktaVerify = (f: UserFactor) => f.provider === 'OKTA' && ['push', 'signed_nonce', 'token:software:totp'].includes(f.factorType);
          const removed = entry!.factors.find((f) => f.id === step.factorId);
          const takesAll = removed && ['push', 'signed_nonce'].includes(removed.factorType);
          entry!.factors = entry!.factors.filter((f) => f.id !== step.factorId && !(takesAll && oktaVerify(f)));
          break;
        }
      }
    }
  }
  return { ...snapshot, users };
}
