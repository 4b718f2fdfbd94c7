// What the extension keeps about an org: a record in globalState (no secrets) and its secret (an API
// token, or a service app's private key) in SecretStorage under `okta.token/<orgId>`.
import type { TokenType } from '../okta/models';

/** globalState key holding `OrgRecord[]`. */
export const ORGS_STATE_KEY = 'okta.orgs';
/** Secret key kind of org tokens: `okta.token/<orgId>`. */
export const TOKEN_SECRET_KIND = 'okta.token';
/**
 * Secret rewritten after every change of the org list. SecretStorage tells every window about
 * changes, globalState does not: this is how renames and URL changes reach the other windows.
 */
export const REVISION_SECRET_KEY = 'okta.orgs.revision';

export interface OrgRecord {
  /** Stable id made by the registry; used in tree ids and secret keys. */
  id: string;
  label: string;
  /** Normalised origin, e.g. https://acme.okta.com (no trailing slash). */
  url: string;
  /** For API tokens and pasted access tokens; absent for a service app. */
  tokenType?: TokenType;
  /** For an OAuth service app (its private key is the org's secret). */
  serviceApp?: ServiceAppSettings;
  /** Who the token belongs to, as found by the last connection check (a service app has no user). */
  ownerLogin?: string;
  ownerName?: string;
  /** ISO timestamp. */
  addedAt: string;
  /** The local simulator added by "Try the demo org"; its URL changes when it restarts. */
  demo?: boolean;
}

/** A service app's settings that are not secret. */
export interface ServiceAppSettings {
  clientId: string;
  scopes: string[];
  /** The `kid` of the key registered in Okta. */
  keyId?: string;
}

export type ServiceAppInput = ServiceAppSettings & {
  /** PEM or JWK text; stored in SecretStorage only. */
  privateKey: string;
};

export function isOrgRecord(value: unknown): value is OrgRecord {
  const o = value as Partial<OrgRecord> | null;
  return !!o && typeof o.id === 'string' && typeof o.label === 'string' && typeof o.url === 'string'
    && (o.serviceApp === undefined ? o.tokenType === 'SSWS' || o.tokenType === 'Bearer' : isServiceAppSettings(o.serviceApp));
}

function isServiceAppSettings(value: unknown): value is ServiceAppSettings {
  const o = value as Partial<ServiceAppSettings> | null;
  return !!o && typeof o.clientId === 'string' && Array.isArray(o.scopes) && o.scopes.every((s) => typeof s === 'string')
    && (o.keyId === undefined || typeof o.keyId === 'string');
}

/** "private key" or "token": what the org's secret is, for messages. */
export function secretName(org: Pick<OrgRecord, 'serviceApp'>): string {
  return org.serviceApp ? 'private key' : 'token';
}
