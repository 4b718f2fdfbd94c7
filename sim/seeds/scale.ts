// scale:N - N users with four factors each (question, sms, TOTP, email), for benchmarks.
import type { OrgStore } from '../store';
import { seedFactor, seedPhone } from './seedFactors';
import { seedUser } from './seedUsers';

export function seedScale(store: OrgStore, count: number): void {
  const rng = store.rng;
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(String(count).length, '0');
    const user = seedUser(store, rng, {
      firstName: `User${n}`,
      lastName: `Scale${n}`,
      login: `user${n}@scale.example.com`,
      status: i % 10 === 0 ? 'SUSPENDED' : 'ACTIVE',
      mobilePhone: seedPhone(rng),
    });
    const at = Date.parse(user.created);
    seedFactor(store, user, 'question', 'OKTA', 'ACTIVE', at);
    seedFactor(store, user, 'sms', 'OKTA', 'ACTIVE', at);
    seedFactor(store, user, 'token:software:totp', 'OKTA', 'ACTIVE', at);
    seedFactor(store, user, 'email', 'OKTA', 'ACTIVE', at);
  }
}
