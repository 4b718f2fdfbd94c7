/** How often panels poll Okta for push status; tests shorten it. */
export interface PanelTiming {
  pollIntervalMs?: number;
}

/** Okta documents no interval; 3 s keeps a waiting push responsive without spending the rate limit. */
export const DEFAULT_POLL_INTERVAL_MS = 3000;
