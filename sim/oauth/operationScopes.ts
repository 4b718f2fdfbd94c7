// What a service app may call: the Okta API scope each operation needs (api-reference.md §0 and §7:
// okta.users.read for GETs of users and factors, okta.users.manage for every change; the security
// questions list accepts API tokens only; the System Log okta.logs.read, openapi-system-log.yaml),
// and `GET /api/v1/users/me`, which names no user for an app.
import type { ApiResponse } from '../http';
import { oktaErrors } from '../errors';
import { LOGS_PATH } from '../logs/routes';
import { challenge } from './challenge';
import type { ServiceAppCaller } from './resourceAccess';

const USERS = /^\/api\/v1\/users(\/|$)/;
const QUESTIONS = /^\/api\/v1\/users\/[^/]+\/factors\/questions$/;

/** The scope the operation needs, 'api-token-only', or undefined for paths outside the Users and System Log APIs. */
export function requiredScope(method: string, path: string): string | 'api-token-only' | undefined {
  if (path === LOGS_PATH) return 'okta.logs.read';
  if (!USERS.test(path)) return undefined;
  if (method === 'GET' && QUESTIONS.test(path)) return 'api-token-only';
  return method === 'GET' || method === 'HEAD' ? 'okta.users.read' : 'okta.users.manage';
}

/** The answer that refuses the call, or undefined when the app may make it. */
export function serviceAppRefusal(caller: ServiceAppCaller, method: string, path: string, origin: string): ApiResponse | undefined {
  const forbidden = oktaErrors.forbidden().body();
  const needed = requiredScope(method, path);
  if (needed === 'api-token-only') return { status: 403, body: forbidden };
  if (needed !== undefined && !caller.scopes.has(needed)) {
    const description = 'The access token provided does not contain the required scopes.';
    return {
      status: 403,
      body: forbidden,
      headers: { 'WWW-Authenticate': challenge(caller.scheme, origin, path, { error: 'insufficient_scope', description, scope: needed }) },
    };
  }
  if (method === 'GET' && path === '/api/v1/users/me') {
    const notFound = oktaErrors.notFound('me', 'User');
    return { status: notFound.status, body: notFound.body() };
  }
  return undefined;
}
