// The request pipeline. Every request first passes the request guard (loopback Host; control requests
// also a loopback peer and no Origin). Control requests (/sim/...) then go straight to the control
// router. API requests: counted -> authenticated (401) -> rate limited (429 when the bucket is empty)
// -> a service app's scope (403) -> faults -> routed. Authentication comes first so that callers
// without the token cannot spend the org's buckets: a 401 shows the bucket as it stands without
// charging it. The OAuth token endpoint is counted, rate limited and faulted, then answered by oauth/ (it
// authenticates clients itself; its bucket is its own). Every response carries Date and
// X-Okta-Request-Id; API responses also X-Rate-Limit-*.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type Caller, type Credentials } from './auth';
import type { SimContext } from './context';
import { OktaError, oktaErrors } from './errors';
import type { Fault, FaultInjector } from './faults';
import { JSON_CONTENT_TYPE, parseJsonBody, readBody, writeResponse, type ApiResponse } from './http';
import { requestId } from './ids';
import { originOf, runWithOrigin } from './logs/requestOrigin';
import { bucketFor, type RateLimiter, type RateLimitVerdict } from './rateLimits';
import type { OAuthServer } from './oauth/oauthServer';
import { serviceAppRefusal } from './oauth/operationScopes';
import { AccessDenied } from './oauth/resourceAccess';
import { TOKEN_PATH } from './oauth/tokenEndpoint';
import { refusal } from './requestGuard';
import type { RequestCounter } from './requestCounter';
import type { Router } from './router';

export interface PipelineDeps {
  ctx: SimContext;
  api: Router;
  control: Router;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  counter: RequestCounter;
  credentials: Credentials;
  oauth: OAuthServer;
  /** Waits for injected latency; cancelled when the simulator closes. */
  delay(ms: number): Promise<void>;
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Service Unavailable</title></head>' +
  '<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>';

const errorResponse = (error: OktaError): ApiResponse => ({ status: error.status, body: error.body() });

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      writeResponse(res, error instanceof OktaError ? errorResponse(error) : errorResponse(oktaErrors.internal()));
    });
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { ctx } = deps;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  res.setHeader('Date', new Date(ctx.now()).toUTCString());
  const id = requestId();
  res.setHeader('X-Okta-Request-Id', id);
  const isControl = path === '/sim' || path.startsWith('/sim/');
  const refused = refusal(req, isControl);
  if (refused) {
    writeResponse(res, { status: refused.status, body: { error: refused.error } });
    return;
  }
  const raw = await readBody(req);

  if (isControl) {
    writeResponse(res, await route(deps.control, method, path, url, req, raw, true));
    return;
  }

  // Like Okta: API answers are never cached.
  res.setHeader('Cache-Control', 'no-cache, no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Expires', '0');
  deps.counter.record(method, path);
  // The Host the guard accepted: the org's URL as this client addresses it (token URL, DPoP htu).
  const origin = `http://${req.headers.host}`;
  if (path === TOKEN_PATH) {
    // Charged before the client is authenticated: the token endpoint is where authentication happens.
    const verdict = deps.rateLimiter.consume(bucketFor(method, path), ctx.now());
    setRateLimitHeaders(res, verdict);
    if (verdict.exceeded) {
      writeResponse(res, errorResponse(oktaErrors.rateLimited()));
      return;
    }
    await answerUnlessFaulted(deps, method, path, res, () => deps.oauth.tokenRequest(method, req.headers, raw, origin, ctx.now()));
    return;
  }
  const bucket = bucketFor(method, path);
  let caller: Caller;
  try {
    caller = await authenticate(req, deps.credentials, deps.oauth, { method, path, origin, nowMs: ctx.now() });
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    setRateLimitHeaders(res, deps.rateLimiter.peek(bucket, ctx.now()));
    writeResponse(res, error.response);
    return;
  }
  const verdict = deps.rateLimiter.consume(bucket, ctx.now());
  setRateLimitHeaders(res, verdict);
  if (verdict.exceeded) {
    writeResponse(res, errorResponse(oktaErrors.rateLimited()));
    return;
  }
  const forbidden = caller.kind === 'service-app' ? serviceAppRefusal(caller.app, method, path, origin) : undefined;
  if (forbidden) {
    writeResponse(res, forbidden);
    return;
  }

  // The request's changes are logged under its caller, client and request id (logs/requestOrigin.ts).
  const requestOrigin = originOf(req, caller, { requestId: id, orgUrl: origin, path, search: url.search });
  await runWithOrigin(requestOrigin, () =>
    answerUnlessFaulted(deps, method, path, res, () => route(deps.api, method, path, url, req, raw, false)));
}

/**
 * Applies the first matching fault (after its latency) or answers with `respond()`. A `lost-answer`
 * fault carries the request out and then drops the connection: the change is made, its answer lost.
 */
async function answerUnlessFaulted(
  deps: PipelineDeps, method: string, path: string, res: ServerResponse, respond: () => Promise<ApiResponse>,
): Promise<void> {
  const { latencyMs, failure } = deps.faults.take(method, path);
  // Like a real server, a request whose client gave up during the delay is still carried out:
  // clients must not assume a timed-out change did not happen.
  if (latencyMs > 0) await deps.delay(latencyMs);
  if (failure && failure.kind !== 'lost-answer') {
    if (!res.destroyed) answerWithFault(res, failure);
    return;
  }
  const response = await respond();
  if (failure) res.socket?.destroy();
  else writeResponse(res, response);
}

function setRateLimitHeaders(res: ServerResponse, verdict: RateLimitVerdict): void {
  res.setHeader('X-Rate-Limit-Limit', String(verdict.limit));
  res.setHeader('X-Rate-Limit-Remaining', String(verdict.remaining));
  res.setHeader('X-Rate-Limit-Reset', String(verdict.resetEpochSeconds));
}

async function route(
  router: Router,
  method: string,
  path: string,
  url: URL,
  req: IncomingMessage,
  raw: Buffer,
  isControl: boolean,
): Promise<ApiResponse> {
  try {
    const match = router.match(method, path);
    if (match === undefined) throw oktaErrors.noSuchEndpoint(path);
    if (match === 'method-not-allowed') throw oktaErrors.methodNotAllowed();
    const body = parseJsonBody(raw);
    return await match.handler({ method, path, query: url.searchParams, headers: req.headers, params: match.params, body });
  } catch (error) {
    if (error instanceof OktaError) return errorResponse(error);
    // Control endpoints report bad input (e.g. an invalid fault) as 400 with the message.
    if (isControl && error instanceof Error) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

function answerWithFault(res: ServerResponse, fault: Fault): void {
  switch (fault.kind) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'status': {
      const status = fault.status ?? 500;
      writeResponse(res, { status, body: new OktaError(status, 'E0000009', 'Internal Server Error').body() });
      return;
    }
    case 'malformed-json':
      res.writeHead(fault.status ?? 200, { 'Content-Type': JSON_CONTENT_TYPE });
      res.end('{"id":"00u1simulated","status":"ACT');
      return;
    case 'html':
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html;charset=UTF-8' });
      res.end(HTML_PAGE);
      return;
    default:
      return;
  }
}
