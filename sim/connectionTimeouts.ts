// Bounds on how long the HTTP server keeps a connection that is not moving: the demo org runs for
// hours inside the extension host, so a client that opens a socket and never finishes its request
// (or leaves a keep-alive socket idle) must not hold it forever. Generous next to loopback timings:
// a real client sends its headers at once and the whole body within milliseconds.
import type { ServerOptions } from 'node:http';

export interface ConnectionTimeouts {
  /** Time to receive the request headers; default 10 s. */
  headersMs: number;
  /** Time to receive the whole request (headers and body); default 30 s. Answers may take longer (latency faults). */
  requestMs: number;
  /** Idle time allowed between requests on a keep-alive connection; default 5 s. */
  keepAliveMs: number;
}

const DEFAULT_TIMEOUTS: ConnectionTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** How often Node looks for connections past the headers/request timeouts (its default is 30 s). */
const MAX_CHECK_INTERVAL_MS = 1_000;

export function serverOptions(overrides: Partial<ConnectionTimeouts> = {}): ServerOptions {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...overrides };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isInteger(value) || value < 1 || value > 600_000) {
      throw new Error(`connectionTimeouts.${name} must be an integer number of milliseconds from 1 to 600000.`);
    }
  }
  if (timeouts.headersMs > timeouts.requestMs) throw new Error('connectionTimeouts.headersMs must not exceed requestMs.');
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: Math.min(MAX_CHECK_INTERVAL_MS, timeouts.headersMs),
  };
}
