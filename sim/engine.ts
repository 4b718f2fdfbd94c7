// Which Okta engine the simulated org runs. Orgs created since 2022-03 run Identity Engine, so that
// is the default; Classic Engine stays selectable for the behaviour of older orgs.
export type OrgEngine = 'identity' | 'classic';

export const DEFAULT_ENGINE: OrgEngine = 'identity';

export function parseEngine(value: string | undefined): OrgEngine {
  if (value === undefined) return DEFAULT_ENGINE;
  if (value === 'identity' || value === 'classic') return value;
  throw new Error(`Unknown engine "${value}": use identity or classic.`);
}
