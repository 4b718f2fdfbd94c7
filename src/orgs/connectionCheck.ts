// The check run before credentials are stored: GET /api/v1/users/me tells who an API token belongs
// to; a service app has no user, so one GET /api/v1/users?limit=1 proves its token, scope and role.
// Failures are turned into one clear reason (see ConnectionFailureReason).
import type { OktaClient, OktaClientOptions, PrivateKeyAuth } from '../okta/client';
import { OktaApiError, OktaError, OktaNetworkError } from '../okta/errors';
import { OktaUser, TokenType } from '../okta/models';
import { OktaOAuthError, OktaServiceAppForbiddenError } from '../okta/auth/oauthErrors';
import { OrgConnectionError } from './errors';
import type { OrgWorkSession } from './orgWork';
import { redactToken, scrubbedCause } from './secretScrub';

/** What the registry builds a client with: an org's work session in place of the client's own traffic state. */
export type RegistryClientOptions = Omit<OktaClientOptions, 'traffic'> & { work?: OrgWorkSession };
/** Builds a client; given by the wiring, so the client's code loads only when a client is first needed. */
export type ClientFactory = (options: RegistryClientOptions) => OktaClient | Promise<OktaClient>;

/** The request-log and status-bar callbacks (and timeout setting) for the clients the registry builds. */
export type ClientHooks = Pick<OktaClientOptions, 'onRequest' | 'onRateLimit' | 'timeoutMs'>;

/** An API token (or pasted access token), or a service app with its private key: what a client is built with. */
export type OrgCredentials =
  | { token: string; tokenType: TokenType; privateKeyAuth?: undefined }
  | { privateKeyAuth: PrivateKeyAuth; token?: undefined; tokenType?: undefined };

export type OrgConnection = OrgCredentials & {
  orgUrl: string;
  signal?: AbortSignal;
  /** So the check's request shows in the request log like any other. */
  hooks?: ClientHooks;
};

/** Resolves to the token's owner (none for a service app) or rejects with anything; the registry explains the failure. */
export type CheckConnection = (connection: OrgConnection) => Promise<OktaUser | undefined>;

export function checkConnectionWith(createClient: ClientFactory): CheckConnection {
  // No retries: the person adding the org is waiting, and a failure is explained, not hidden.
  return async ({ signal, hooks, ...credentials }) => {
    const client = await createClient({ ...credentials, ...hooks, maxRetries: 0 });
    if (!credentials.privateKeyAuth) return client.getUser('me', { signal });
    await client.listUsersPage({ limit: 1, signal });
    return undefined;
  };
}

/** Explains why the connection check failed (a cancelled check is no failure: the registry rethrows it), as an OrgConnectionError without the token. */
export function explainConnectionFailure(error: unknown, orgUrl: string, token: string): OrgConnectionError {
  const host = new URL(orgUrl).host;
  const failure = classify(error, host);
  return new OrgConnectionError(failure.reason, redactToken(failure.message, token), {
    host,
    status: error instanceof OktaApiError ? error.status : undefined,
    errorCode: error instanceof OktaApiError ? error.errorCode : undefined,
  }, { cause: scrubbedCause(error, token) });
}

function classify(error: unknown, host: string): Pick<OrgConnectionError, 'reason' | 'message'> {
  if (error instanceof OrgConnectionError) return error;
  // A service app's refusals already name Okta's code and the fix.
  if (error instanceof OktaOAuthError) return { reason: 'token-rejected', message: `${host}: ${error.message}` };
  if (error instanceof OktaServiceAppForbiddenError) return { reason: 'forbidden', message: `${host}: ${error.message}` };
  if (error instanceof OktaApiError) {
    const tag = error.errorCode ? `${error.errorCode}, HTTP ${error.status}` : `HTTP ${error.status}`;
    switch (error.status) {
      case 401:
        return {
          reason: 'token-rejected',
          message: `Token rejected by ${host} (${tag}): it is invalid, expired or revoked. `
            + 'Create a new API token in the Admin Console (Security > API > Tokens) and try again.',
        };
      case 403:
        return {
          reason: 'forbidden',
          message: `The token lacks permission on ${host} (${tag}): its owner must be an administrator `
            + 'allowed to read and manage users (OAuth access tokens need the okta.users.read and okta.users.manage scopes).',
        };
      case 404:
        return {
          reason: 'not-okta',
          message: `${host} does not look like an Okta org (GET /api/v1/users/me: ${tag}). Check the org URL.`,
        };
      case 429:
        return { reason: 'rate-limited', message: `${host} is rate limiting requests (${tag}). Wait a minute and try again.` };
      default:
        return { reason: 'unexpected', message: `Unexpected answer from ${host}: ${error.message}` };
    }
  }
  if (error instanceof OktaNetworkError) {
    if (error.kind === 'invalid-response') {
      return { reason: 'not-okta', message: `${host} does not look like an Okta org: ${error.message} Check the org URL.` };
    }
    return { reason: 'unreachable', message: `Cannot reach ${host}. ${error.message}` };
  }
  if (error instanceof OktaError) return { reason: 'unexpected', message: error.message }; // already user-facing
  // Anything else is unexpected and may carry who knows what: do not repeat its text.
  return { reason: 'unexpected', message: `Checking the connection to ${host} failed unexpectedly.` };
}
