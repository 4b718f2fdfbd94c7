// What a service app's refusals mean and how to fix them: the token endpoint's OAuth errors
// (`{ error, error_description }`, or only a `WWW-Authenticate` challenge), an API call's refused
// DPoP proof, and its 403 for a missing scope or admin role. Each message names Okta's code and the
// fix: the step in the Admin Console, or this computer's clock when a time was refused.
import { apiErrorFields, OktaApiError, requestContextOf } from '../errors';

export type OAuthErrorCode =
  | 'invalid_client' | 'invalid_scope' | 'consent_required' | 'invalid_dpop_proof' | 'unauthorized_client'
  | 'use_dpop_nonce' | 'invalid_request' | 'unsupported_grant_type' | 'access_denied' | 'invalid_grant' | string;

/** The org's token endpoint refused to issue a token. */
export class OktaOAuthError extends OktaApiError {
  /** The OAuth `error` code, e.g. `invalid_client`. */
  readonly oauthError: OAuthErrorCode;
  /** What to change, in the Admin Console's words. */
  readonly fix: string;

  constructor(source: OktaApiError, oauthError: string, fix: string) {
    const description = source.errorSummary && source.errorSummary !== source.errorCode ? `: ${source.errorSummary}` : '';
    super(`Okta refused the service app's token request (${oauthError}, HTTP ${source.status})${description.replace(/\.?$/, '.')} ${fix}`,
      { ...apiErrorFields(source), errorCode: oauthError }, requestContextOf(source));
    this.oauthError = oauthError;
    this.fix = fix;
  }
}

/** Okta's words for an assertion or proof refused for its time: expired, too old, not yet valid, in (or too far into) the future. */
const TIME_REFUSAL = /expir|future|too old|not (?:yet )?valid|\b(?:iat|exp|nbf)\b/i;
const CLOCK_FIX = "This computer's clock is off: correct it (set it to update automatically), then try again.";

/** An API answer's `WWW-Authenticate` asking for a new DPoP nonce. */
export const USE_DPOP_NONCE = /error="use_dpop_nonce"/;

/**
 * The token endpoint's error answer, as an OktaOAuthError with its fix; `scopes` are the ones the
 * request asked for. An answer with its reason only in the challenge (an empty 400) is read from there.
 */
export function tokenEndpointError(error: OktaApiError, scopes: readonly string[], wwwAuthenticate: unknown): OktaApiError {
  const source = withChallengeReason(error, wwwAuthenticate);
  const code = source.errorCode;
  if (!code || /^E\d+$/.test(code)) return error; // not an OAuth error (a proxy page, Okta's own error object)
  return new OktaOAuthError(source, code, fixFor(code, source.errorSummary, scopes));
}

function fixFor(code: string, description: string, scopes: readonly string[]): string {
  switch (code) {
    case 'invalid_client':
      if (TIME_REFUSAL.test(description)) return `The assertion's time was refused. ${CLOCK_FIX}`;
      return 'Check the client id, that the app uses "Public key / Private key" client authentication, '
        + 'and that the public key registered in Okta matches this private key (and its key id).';
    case 'invalid_scope':
      return `The request asked for ${scopes.join(', ')}: grant them to the app in the Admin Console `
        + '(Applications > the app > Okta API Scopes > Grant), or choose only granted scopes.';
    case 'consent_required':
      return 'Grant the scopes in the app\'s "Okta API Scopes" tab (an admin must consent once).';
    case 'invalid_dpop_proof':
      return proofFix(description);
    case 'unauthorized_client':
      return 'Make it an "API Services" app with the Client Credentials grant.';
    case 'use_dpop_nonce':
      return 'Okta kept asking for a new DPoP nonce; try again.';
    default:
      return 'Check the app\'s settings in the Admin Console (Applications > the app).';
  }
}

function proofFix(description: string): string {
  return TIME_REFUSAL.test(description) ? `The DPoP proof's time was refused. ${CLOCK_FIX}`
    : 'The DPoP proof was refused; if it persists, turn DPoP off and on again for the app in Okta.';
}

/**
 * An API call's refused DPoP proof (Okta's 400 `invalid_dpop_proof`, in the body or only in the
 * challenge) with its fix; undefined for any other answer.
 */
export function dpopProofRefusal(error: OktaApiError, wwwAuthenticate: unknown): OktaApiError | undefined {
  const source = withChallengeReason(error, wwwAuthenticate);
  if (source.errorCode !== 'invalid_dpop_proof') return undefined;
  return source.retold(`Okta refused the call's DPoP proof (invalid_dpop_proof, HTTP ${source.status}): `
    + `${source.errorSummary.replace(/\.?$/, '.')} ${proofFix(source.errorSummary)}`);
}

/** `error`, with the challenge's `error` and `error_description` as its code and summary when its body had none. */
function withChallengeReason(error: OktaApiError, wwwAuthenticate: unknown): OktaApiError {
  const challenge = typeof wwwAuthenticate === 'string' ? wwwAuthenticate : '';
  const code = challengeParam(challenge, 'error');
  if (error.errorCode || !code) return error;
  const summary = challengeParam(challenge, 'error_description') ?? code;
  return new OktaApiError(error.message, { ...apiErrorFields(error), errorCode: code, errorSummary: summary }, requestContextOf(error));
}

/** One `name="value"` parameter of a `WWW-Authenticate` challenge. */
function challengeParam(challenge: string, name: string): string | undefined {
  return new RegExp(`(?:^|[\\s,])${name}="([^"]*)"`).exec(challenge)?.[1];
}

/** A 403 on a service app's API call, its message naming the scope or role the app lacks. */
export class OktaServiceAppForbiddenError extends OktaApiError {
  constructor(source: OktaApiError, advice: string) {
    super(`${source.message.replace(/\.?$/, '.')} ${advice}`, apiErrorFields(source), requestContextOf(source));
  }
}

/**
 * A 403 on an API call made with a service app's token: the scope the operation needs (from the
 * challenge's `scope`, else the operation's documented one), or the admin role the app lacks.
 */
export function serviceAppRefusal(error: OktaApiError, method: string, path: string, wwwAuthenticate: unknown): OktaApiError {
  if (error.status !== 403) return error;
  const challenge = typeof wwwAuthenticate === 'string' ? wwwAuthenticate : '';
  let advice: string;
  if (/\/factors\/questions$/.test(path)) {
    advice = 'Okta lists security questions for API tokens only: add this org with an API token to use them.';
  } else if (challengeParam(challenge, 'error') === 'insufficient_scope' || challengeParam(challenge, 'scope')) {
    const scope = challengeParam(challenge, 'scope') || scopeFor(method);
    advice = `The app's token lacks the ${scope} scope this operation needs: grant it under the app's Okta API Scopes, then add it to this org's scopes (Update Credentials).`;
  } else {
    advice = 'The app has the scope but not the permission: assign it an admin role that can manage users (Security > Administrators > Roles).';
  }
  return new OktaServiceAppForbiddenError(error, advice);
}

/** The Okta API scope a users/factors operation needs (api-reference §7): read for GET, manage otherwise. */
function scopeFor(method: string): string {
  return method === 'GET' ? 'okta.users.read' : 'okta.users.manage';
}
