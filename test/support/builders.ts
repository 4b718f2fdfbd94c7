// Valid Okta users and factors (the types of src/okta/models.ts) for tests, so that a test spells
// out only the fields it is about. Defaults are the plainest case: an ACTIVE user whose login is
// `<id>@example.com`, an ACTIVE factor from its usual provider, with no profile unless given.
import type { FactorProvider, FactorType, OktaUser, UserFactor, UserProfile } from '../../src/okta/models';

type UserOverrides = Partial<Omit<OktaUser, 'profile'>> & { profile?: Partial<UserProfile> };

export function aUser(overrides: UserOverrides = {}): OktaUser {
  const id = overrides.id ?? 'u1';
  return { id, status: 'ACTIVE', ...overrides, profile: { login: `${id}@example.com`, ...overrides.profile } };
}

/** The factor of `factorType` in the `UserFactor` union. */
export type FactorOf<T extends FactorType> = Extract<UserFactor, { factorType: T }>;

/** Who usually provides each type, where it is not Okta. */
const USUAL_PROVIDER: Partial<Record<FactorType, FactorProvider>> = {
  token: 'RSA', 'token:hardware': 'YUBICO', 'token:hotp': 'CUSTOM', u2f: 'FIDO', webauthn: 'FIDO', web: 'DUO',
};

export function aFactor<T extends FactorType>(factorType: T, overrides: Partial<FactorOf<T>> = {}): FactorOf<T> {
  return { id: `${factorType}1`, factorType, provider: USUAL_PROVIDER[factorType] ?? 'OKTA', status: 'ACTIVE', ...overrides } as FactorOf<T>;
}
