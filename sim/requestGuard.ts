// Keeps web pages away from the simulator. The demo org runs inside the VS Code extension host, so a
// page in the user's browser could reach it by DNS rebinding (its requests carry the page's own
// Host) or by blind cross-site POSTs (browsers add an Origin header to those). Real callers - the
// extension's HTTP client, Node fetch in tests - use a loopback Host and send no Origin. The one page
// the simulator serves (/sim/signin) may call its own paths from its own origin.
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: number;
  error: string;
}

const isSignInPath = (url: string): boolean => /^\/sim\/signin(\/|\?|$)/.test(url);

const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Why the request must be refused before anything else happens, or undefined when it may go on. */
export function refusal(req: IncomingMessage, isControl: boolean): Refusal | undefined {
  const port = req.socket.localPort;
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 421, error: `Host must be 127.0.0.1:${port} or localhost:${port}.` };
  }
  if (!isControl) return undefined;
  if (!LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '')) {
    return { status: 403, error: 'Control endpoints are loopback only.' };
  }
  // The sign-in page (served here) posts back to its own origin; no other page may call in.
  const ownSignInPage = req.headers.origin === `http://${host}` && isSignInPath(req.url ?? '');
  if (req.headers.origin !== undefined && !ownSignInPage) {
    return { status: 403, error: 'Control endpoints refuse requests from web pages (Origin header present).' };
  }
  return undefined;
}
