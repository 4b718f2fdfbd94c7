// Rate-limit state and the concurrency cap belong to the org, not to one client object: the
// registry may hold several clients for one org (different log hooks, a token update in flight).
import { RateLimitTracker } from './rateLimits';
import { Semaphore } from './semaphore';

export interface OrgTraffic {
  limits: RateLimitTracker;
  slots: Semaphore;
}

export const DEFAULT_MAX_CONCURRENT = 6;

const byOrg = new Map<string, OrgTraffic>();

/** The shared traffic state of an org; an explicit `maxConcurrent` (re)sets the org's cap. */
export function trafficFor(orgUrl: string, maxConcurrent?: number): OrgTraffic {
  let traffic = byOrg.get(orgUrl);
  if (!traffic) {
    traffic = { limits: new RateLimitTracker(), slots: new Semaphore(maxConcurrent ?? DEFAULT_MAX_CONCURRENT) };
    byOrg.set(orgUrl, traffic);
  } else if (maxConcurrent !== undefined) {
    traffic.slots.setCapacity(maxConcurrent);
  }
  return traffic;
}
