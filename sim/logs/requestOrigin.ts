// Who made the API request being handled, for the System Log events it causes: the caller (actor),
// the client (User-Agent, IP chain), the request id (the event's transaction) and the URI. The
// pipeline runs each routed API request inside `runWithOrigin`, so the one place where a state
// change happens can log it without every function passing the request along. Changes made
// outside an API request (the simulated phone, control calls) have no origin.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth';

/** The authenticated caller as the log names it. */
export type LogCaller =
  | { kind: 'token-owner'; apiToken: boolean }
  | { kind: 'service-app'; clientId: string };

export interface RequestOrigin {
  caller: LogCaller;
  /** The response's `X-Okta-Request-Id`. */
  requestId: string;
  /** Scheme and host the client addressed (for links in the answer). */
  orgUrl: string;
  path: string;
  /** Path and query as sent (`debugData.url`). */
  url: string;
  userAgent?: string;
  /** The client first (`X-Forwarded-For` entries, then the peer). */
  ipChain: string[];
}

const storage = new AsyncLocalStorage<RequestOrigin>();
const MAX_FORWARDED = 8;

export function runWithOrigin<T>(origin: RequestOrigin, handle: () => T): T {
  return storage.run(origin, handle);
}

/** The API request being handled, if any. */
export function currentOrigin(): RequestOrigin | undefined {
  return storage.getStore();
}

/** The parts of an incoming request the log keeps. */
export function originOf(
  req: IncomingMessage,
  caller: Caller,
  request: { requestId: string; orgUrl: string; path: string; search: string },
): RequestOrigin {
  const forwarded = typeof req.headers['x-forwarded-for'] === 'string' ? req.headers['x-forwarded-for'].split(',') : [];
  const peer = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  // A few hops are plenty; a long forged header must not bloat every event.
  const ipChain = [...forwarded.map((ip) => ip.trim()).filter(Boolean).slice(0, MAX_FORWARDED), peer];
  return {
    caller: caller.kind === 'service-app' ? { kind: 'service-app', clientId: caller.app.clientId } : caller,
    requestId: request.requestId,
    orgUrl: request.orgUrl,
    path: request.path,
    url: `${request.path}?${request.search.replace(/^\?/, '')}`,
    ...(typeof req.headers['user-agent'] === 'string' ? { userAgent: req.headers['user-agent'] } : {}),
    ipChain,
  };
}
