// What the request log gets for every exchange with the org.

/** One HTTP exchange (each retry is its own entry). Never contains the token. */
export interface RequestLogEntry {
  method: string;
  /** Path and query, without the origin. */
  path: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  /** User-facing error message when the exchange failed (HTTP error, network, timeout...). */
  error?: string;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
}
