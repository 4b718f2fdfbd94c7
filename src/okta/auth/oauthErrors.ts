// What a service app's refusals mean and how to fix them: the token endpoint's OAuth errors
// (`{ error, error_description }`) and an API call's 403 for a missing scope or admin role. Each
// message names Okta's code and the step in the Admin Console that fixes it.
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

/** The token endpoint's error answer, as an OktaOAuthError with its fix. */
export function tokenEndpointError(error: OktaApiError): OktaApiError {
  const code = error.errorCode;
  if (!code || /^E\d+$/.test(code)) return error; // not an OAuth error (a proxy page, Okta's own error object)
  return new OktaOAuthError(error, code, fixFor(code, error.errorSummary));
}

function fixFor(code: string, description: string): string {
  switch (code) {
    case 'invalid_client':
      if (/expire|issued in the future|\biat\b|\bexp\b|\bnbf\b|not yet valid/i.test(description)) {
        return "The assertion's time was refused: check that this computer's clock is right (set it to update automatically).";
      }
      return 'Check the client id, that the app uses "Public key / Private key" client authentication, '
        + 'and that the public key registered in Okta matches this private key (and its key id).';
    case 'invalid_scope':
      return 'Grant the scopes to the app in the Admin Console (Applications > the app > Okta API Scopes > Grant), or choose only granted scopes.';
    case 'consent_required':
      return 'Grant the scopes in the app\'s "Okta API Scopes" tab (an admin must consent once).';
    case 'invalid_dpop_proof':
      return 'The DPoP proof was refused: check this computer\'s clock; if it persists, turn DPoP off and on again for the app in Okta.';
    case 'unauthorized_client':
      return 'Make it an "API Services" app with the Client Credentials grant.';
    case 'use_dpop_nonce':
      return 'Okta kept asking for a new DPoP nonce; try again.';
    default:
      return 'Check the app\'s settings in the Admin Console (Applications > the app).';
  }
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
  } else if (/insufficient_scope/.test(challenge) || /scope="/.test(challenge)) {
    const scope = /scope="([^"]+)"/.exec(challenge)?.[1] ?? scopeFor(method);
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
