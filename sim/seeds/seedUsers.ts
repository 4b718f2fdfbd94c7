// Seeded users with believable, deterministic timestamps.
import { isoSeconds, type Rng } from '../ids';
import type { SimUser, UserStatus } from '../model';
import type { OrgStore } from '../store';

/** Seeded data lives in 2024-2025 so `lastUpdated gt "2025-01-01T00:00:00.000Z"` splits it. */
const SEED_EPOCH_MS = Date.UTC(2024, 0, 15);
const DAY_MS = 86_400_000;

export interface SeedUserInput {
  firstName: string;
  lastName: string;
  login: string;
  status: UserStatus;
  mobilePhone?: string | null;
  secondEmail?: string | null;
}

export function seedUser(store: OrgStore, rng: Rng, input: SeedUserInput): SimUser {
  const createdMs = SEED_EPOCH_MS + Math.floor(rng() * 300) * DAY_MS + Math.floor(rng() * DAY_MS);
  const updatedMs = createdMs + Math.floor(rng() * 400) * DAY_MS;
  const activatedMs = createdMs + DAY_MS;
  const everActivated = input.status !== 'STAGED';
  const hasPassword = !['STAGED', 'PROVISIONED'].includes(input.status);
  const user: SimUser = {
    id: store.newId('00u'),
    status: input.status,
    created: isoSeconds(createdMs),
    activated: everActivated ? isoSeconds(activatedMs) : null,
    statusChanged: everActivated ? isoSeconds(updatedMs) : null,
    lastLogin: input.status === 'ACTIVE' ? isoSeconds(updatedMs - Math.floor(rng() * 5) * DAY_MS) : null,
    lastUpdated: isoSeconds(updatedMs),
    passwordChanged: hasPassword ? isoSeconds(activatedMs) : null,
    provider: 'OKTA',
    profile: {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.login,
      login: input.login,
      mobilePhone: input.mobilePhone ?? null,
      secondEmail: input.secondEmail ?? null,
    },
    factors: [],
    recoveryPhone: null,
  };
  store.addUser(user);
  return user;
}
