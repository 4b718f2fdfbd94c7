// Credentials as typed, made ready to check and store: a token without a pasted scheme, or a service
// app's settings with its key read. Refused here, by the one set of credential rules, before any
// request is sent or anything is stored.
import { cleanScopes, clientIdProblem, scopesProblem, tokenProblem, withoutScheme } from '../okta/auth/credentialRules';
import type { OktaUser, TokenType } from '../okta/models';
import type { OrgCredentials } from './connectionCheck';
import type { CredentialChecks } from './credentialChecks';
import { OrgConnectionError, OrgRegistryError } from './errors';
import type { OrgRecord, ServiceAppInput, ServiceAppSettings } from './orgRecord';

export interface CheckedCredentials {
  credentials: OrgCredentials;
  /** What SecretStorage keeps: the token or the private key text. */
  secret: string;
  /** The record's fields that say how the org signs in. */
  record: Pick<OrgRecord, 'tokenType' | 'serviceApp'>;
}

/** Trims the token and drops an "SSWS "/"Bearer " prefix pasted with it (which then sets the type). */
export function tokenCredentials(input: string, tokenType: TokenType | undefined): CheckedCredentials {
  const { token, scheme } = withoutScheme(input);
  const type: TokenType = tokenType ?? (scheme === 'Bearer' ? 'Bearer' : 'SSWS');
  refuseProblem(tokenProblem(token));
  return { credentials: { token, tokenType: type }, secret: token, record: { tokenType: type } };
}

/** The settings trimmed and the key read (refused here, before any request, when it is not usable). */
export function serviceAppCredentials(checks: CredentialChecks, input: ServiceAppInput): CheckedCredentials {
  const clientId = input.clientId.trim();
  const scopes = cleanScopes(input.scopes).filter(Boolean);
  const keyId = input.keyId?.trim() || undefined;
  refuseProblem(clientIdProblem(clientId) ?? scopesProblem(scopes));
  checks.checkPrivateKey(input.privateKey, keyId);
  const settings: ServiceAppSettings = { clientId, scopes, ...(keyId ? { keyId } : {}) };
  return { credentials: { privateKeyAuth: { ...settings, privateKey: input.privateKey } }, secret: input.privateKey, record: { serviceApp: settings } };
}

/** The org URL in its one form (https origin; an -admin host rewritten, said in `notice`). */
export function normalizeUrl(checks: CredentialChecks, input: string): { url: string; notice?: string } {
  try {
    return checks.normalizeOrgUrl(input);
  } catch (error) {
    throw new OrgConnectionError('bad-url', error instanceof Error ? error.message : 'Invalid org URL.', {}, { cause: error });
  }
}

/** Who the token belongs to, as the record keeps it. */
export function ownerFields(owner: OktaUser | undefined): Pick<OrgRecord, 'ownerLogin' | 'ownerName'> {
  if (!owner) return {};
  const name = [owner.profile?.firstName, owner.profile?.lastName].filter(Boolean).join(' ');
  return { ownerLogin: owner.profile?.login, ownerName: name || undefined };
}

/** Input the credential rules refuse is the person's to fix: said as it is, before anything is stored. */
function refuseProblem(problem: string | undefined): void {
  if (problem) throw new OrgRegistryError('invalid-input', problem);
}
