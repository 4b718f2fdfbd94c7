// The demo org: ~50 users of every status with factors of every kind and status. Deterministic:
// the same ids and data on every start. Well-known logins are listed in sim/README.md.
import type { SimContext } from '../context';
import { pick } from '../ids';
import type { FactorStatus, UserStatus } from '../model';
import { seedFactor, seedPhone, type SeedClock } from './seedFactors';
import { seedUser } from './seedUsers';

type FactorSpec = [factorType: string, provider: string, status?: FactorStatus];

const EVERY_FACTOR: FactorSpec[] = [
  ['question', 'OKTA'], ['sms', 'OKTA'], ['call', 'OKTA'], ['email', 'OKTA'], ['push', 'OKTA'],
  ['token:software:totp', 'OKTA'], ['token:software:totp', 'GOOGLE'], ['token', 'RSA'], ['token', 'SYMANTEC'],
  ['token:hardware', 'YUBICO'], ['token:hotp', 'CUSTOM'], ['u2f', 'FIDO'], ['webauthn', 'FIDO'], ['signed_nonce', 'OKTA'],
];
const P: FactorStatus = 'PENDING_ACTIVATION';

interface WellKnownUser {
  firstName: string;
  lastName: string;
  login: string;
  status: UserStatus;
  factors: FactorSpec[];
}

export const DEMO_ADMIN_LOGIN = 'demo.admin@example.com';

const WELL_KNOWN: WellKnownUser[] = [
  { firstName: 'Demo', lastName: 'Admin', login: DEMO_ADMIN_LOGIN, status: 'ACTIVE',
    factors: [['question', 'OKTA'], ['token:software:totp', 'OKTA'], ['push', 'OKTA']] },
  { firstName: 'Nolan', lastName: 'Nofactors', login: 'no.factors@example.com', status: 'ACTIVE', factors: [] },
  { firstName: 'Alex', lastName: 'Allfactors', login: 'all.factors@example.com', status: 'ACTIVE', factors: EVERY_FACTOR },
  { firstName: 'Penny', lastName: 'Pending', login: 'pending.factors@example.com', status: 'ACTIVE',
    factors: [['sms', 'OKTA', P], ['token:software:totp', 'OKTA', P], ['email', 'OKTA', P], ['call', 'OKTA', P],
      ['push', 'OKTA', P], ['u2f', 'FIDO', P], ['webauthn', 'FIDO', P], ['question', 'OKTA']] },
  { firstName: 'Stella', lastName: 'Staged', login: 'staged.user@example.com', status: 'STAGED', factors: [] },
  { firstName: 'Paulo', lastName: 'Provisioned', login: 'provisioned.user@example.com', status: 'PROVISIONED', factors: [['email', 'OKTA', P]] },
  { firstName: 'Lockie', lastName: 'Lockedout', login: 'locked.out@example.com', status: 'LOCKED_OUT',
    factors: [['question', 'OKTA'], ['sms', 'OKTA']] },
  { firstName: 'Susan', lastName: 'Suspended', login: 'suspended.user@example.com', status: 'SUSPENDED',
    factors: [['token:software:totp', 'GOOGLE']] },
  { firstName: 'Pete', lastName: 'Expired', login: 'password.expired@example.com', status: 'PASSWORD_EXPIRED',
    factors: [['sms', 'OKTA'], ['email', 'OKTA']] },
  { firstName: 'Rita', lastName: 'Recovery', login: 'recovery.user@example.com', status: 'RECOVERY', factors: [['question', 'OKTA']] },
  { firstName: 'Dora', lastName: 'Deprovisioned', login: 'deprovisioned.user@example.com', status: 'DEPROVISIONED',
    factors: [['token:software:totp', 'OKTA']] },
];

const FIRST_NAMES = ['Aaliyah', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farah', 'Gabriel', 'Hana', 'Ivan', 'Jonas', 'Keiko',
  'Liam', 'Maya', 'Noor', 'Oscar', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoe'];
const LAST_NAMES = ['Anders', 'Brooks', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Johansson',
  'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Weber'];
const STATUSES: UserStatus[] = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'STAGED',
  'PROVISIONED', 'LOCKED_OUT', 'SUSPENDED', 'PASSWORD_EXPIRED', 'RECOVERY', 'DEPROVISIONED'];
const GENERATED_USERS = 39;

export function seedDemo(ctx: SimContext, clock: SeedClock): void {
  const { store } = ctx;
  const rng = store.rng;
  const pending = { ctx, clock };
  for (const spec of WELL_KNOWN) {
    const hasPhone = spec.factors.some(([t]) => t === 'sms' || t === 'call');
    const user = seedUser(store, rng, { ...spec, mobilePhone: hasPhone ? seedPhone(rng) : null });
    for (const [type, provider, status] of spec.factors) seedFactor(store, user, type, provider, status ?? 'ACTIVE', Date.parse(user.created), pending);
  }
  store.ownerId = store.requireUser(DEMO_ADMIN_LOGIN).id;

  const taken = new Set<string>();
  for (let i = 0; i < GENERATED_USERS; i++) {
    const firstName = pick(rng, FIRST_NAMES);
    const lastName = pick(rng, LAST_NAMES);
    let login = `${firstName}.${lastName}@example.com`.toLowerCase();
    for (let n = 2; taken.has(login); n++) login = `${firstName}.${lastName}${n}@example.com`.toLowerCase();
    taken.add(login);
    const user = seedUser(store, rng, { firstName, lastName, login, status: pick(rng, STATUSES), mobilePhone: rng() < 0.6 ? seedPhone(rng) : null });
    // Up to five distinct factor kinds, mostly active, some pending.
    const kinds = EVERY_FACTOR.filter(() => rng() < 0.3).slice(0, 5);
    for (const [type, provider] of kinds) {
      const canPend = ['sms', 'call', 'email', 'push', 'token:software:totp', 'webauthn'].includes(type);
      seedFactor(store, user, type, provider, canPend && rng() < 0.25 ? P : 'ACTIVE', Date.parse(user.lastUpdated), pending);
    }
  }
}
