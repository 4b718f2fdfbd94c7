// Seeds: `demo` (the demo org), `empty` (just the token owner) and `scale:N` (N more users).
import type { SimContext } from '../context';
import { OrgStore } from '../store';
import { DEMO_ADMIN_LOGIN, seedDemo } from './demo';
import { seedScale } from './scale';
import type { SeedClock } from './seedFactors';
import { seedUser } from './seedUsers';

export type SeedName = 'demo' | 'empty' | `scale:${number}`;

const SEED_NUMBER = 20240115;
const MAX_SCALE = 200_000;

export function parseSeed(seed: string): { kind: 'demo' | 'empty' } | { kind: 'scale'; count: number } {
  if (seed === 'demo' || seed === 'empty') return { kind: seed };
  const match = /^scale:(\d+)$/.exec(seed);
  const count = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(count) || count < 0 || count > MAX_SCALE) {
    throw new Error(`Unknown seed "${seed}": use demo, empty or scale:N (N up to ${MAX_SCALE}).`);
  }
  return { kind: 'scale', count };
}

/** Replaces the context's store with a freshly seeded one. */
export function seedOrg(ctx: SimContext, seed: string, clock: SeedClock): void {
  const parsed = parseSeed(seed);
  ctx.store = new OrgStore(SEED_NUMBER);
  if (parsed.kind === 'demo') {
    seedDemo(ctx, clock);
    return;
  }
  const owner = seedUser(ctx.store, ctx.store.rng, { firstName: 'Demo', lastName: 'Admin', login: DEMO_ADMIN_LOGIN, status: 'ACTIVE' });
  ctx.store.ownerId = owner.id;
  if (parsed.kind === 'scale') seedScale(ctx.store, parsed.count);
}
