// Rate-limit state and the concurrency cap of one org under one set of credentials. The registry's
// client factory keeps one per org and token and hands it to every client it builds, so clients with
// different log hooks share what they learn, while a new token (or a re-added org) starts fresh.
// A client built without one gets its own.
import { RateLimitTracker } from './rateLimitTracker';
import { Semaphore } from './semaphore';

export const DEFAULT_MAX_CONCURRENT = 6;

export class OrgTraffic {
  readonly limits = new RateLimitTracker();
  readonly slots: Semaphore;

  constructor(maxConcurrent = DEFAULT_MAX_CONCURRENT) {
    this.slots = new Semaphore(maxConcurrent);
  }
}
