// Writing one event to the org's System Log. The actor is whoever made the API request (the API
// token's owner, or a service app as `PublicClientAppEntity` with its client id), or, for changes
// made outside an API request (the simulated phone answering a push), the user themselves. The
// transaction id is the request's `X-Okta-Request-Id`, as in recorded events; SSWS requests name
// the token in `transaction.detail.requestApiTokenId`.
import { randomUUID } from 'node:crypto';
import type { SimContext } from '../context';
import { requestId as newRequestId } from '../ids';
import type { SimFactor, SimUser } from '../model';
import { authenticatorName } from './factorNames';
import type { LogEventJson, LogTargetJson } from './logEvent';
import { currentOrigin, type RequestOrigin } from './requestOrigin';
import { logUserAgent } from './userAgent';

/** The id of the simulator's one SSWS API token, as events name it (`00T` + 17, like Okta's). */
export const API_TOKEN_ID = '00Tsim0000000000000a';

export interface EventSpec {
  eventType: string;
  displayMessage: string;
  legacyEventType?: string;
  result: 'SUCCESS' | 'FAILURE';
  reason?: string;
  /** The user the event is about (the `User` target). */
  user: SimUser;
  /** The enrollment it is about: also an `AuthenticatorEnrollment` target on Identity Engine orgs. */
  factor?: SimFactor;
  debugData?: Record<string, string>;
  /** Verifications name the factor provider as the authentication provider (recorded). */
  viaFactor?: boolean;
}

const displayNameOf = (user: SimUser): string =>
  [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' ') || user.profile.login;

const userTarget = (user: SimUser): LogTargetJson =>
  ({ id: user.id, type: 'User', alternateId: user.profile.login, displayName: displayNameOf(user) });

function actorOf(ctx: SimContext, subject: SimUser, origin: RequestOrigin | undefined): LogEventJson['actor'] {
  if (origin?.caller.kind === 'service-app') {
    const { clientId } = origin.caller;
    return { id: clientId, type: 'PublicClientAppEntity', alternateId: clientId, displayName: clientId };
  }
  return userTarget(origin ? ctx.store.findUser(ctx.store.ownerId) ?? subject : subject);
}

function clientOf(origin: RequestOrigin): NonNullable<LogEventJson['client']> {
  const { userAgent, device } = logUserAgent(origin.userAgent);
  return {
    userAgent,
    // Real events carry the string "null" when no network zone matches.
    zone: 'null',
    device,
    ...(origin.caller.kind === 'service-app' ? { id: origin.caller.clientId } : {}),
    ipAddress: origin.ipChain[0],
  };
}

function targetsOf(ctx: SimContext, spec: EventSpec): LogTargetJson[] {
  const targets = [userTarget(spec.user)];
  if (spec.factor && ctx.engine === 'identity') {
    targets.push({ id: spec.factor.id, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: authenticatorName(spec.factor) });
  }
  return targets;
}

/** Records the event at the simulator's clock; `origin` defaults to the API request being handled. */
export function recordEvent(ctx: SimContext, spec: EventSpec, origin: RequestOrigin | undefined = currentOrigin()): void {
  const nowMs = ctx.now();
  const transactionId = origin?.requestId ?? newRequestId();
  const apiToken = origin?.caller.kind === 'token-owner' && origin.caller.apiToken;
  const event: LogEventJson = {
    actor: actorOf(ctx, spec.user, origin),
    ...(origin ? { client: clientOf(origin) } : {}),
    authenticationContext: { authenticationStep: 0, ...(spec.viaFactor ? { authenticationProvider: 'FACTOR_PROVIDER' as const } : {}) },
    displayMessage: spec.displayMessage,
    eventType: spec.eventType,
    outcome: { result: spec.result, ...(spec.reason ? { reason: spec.reason } : {}) },
    published: new Date(nowMs).toISOString(),
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    severity: 'INFO',
    debugContext: {
      debugData: { requestId: transactionId, ...(origin ? { requestUri: origin.path, url: origin.url } : {}), ...spec.debugData },
    },
    ...(spec.legacyEventType ? { legacyEventType: spec.legacyEventType } : {}),
    transaction: { type: 'WEB', id: transactionId, detail: apiToken ? { requestApiTokenId: API_TOKEN_ID } : {} },
    uuid: randomUUID(),
    version: '0',
    request: { ipChain: (origin?.ipChain ?? []).map((ip) => ({ ip, version: ip.includes(':') ? 'V6' : 'V4' })) },
    target: targetsOf(ctx, spec),
  };
  ctx.store.systemLog.append(event, nowMs);
}
