// A user as Okta returns it: list items carry only `_links.self`; GET by id has the lifecycle links.
import { link, userUrl, type SimContext } from '../context';
import type { SimUser, UserStatus } from '../model';

/** The org's default user type. */
export const USER_TYPE_ID = 'otysim0000000000000a';
const USER_SCHEMA_ID = 'oscsim0000000000000a';
/**
 * The org's default realm, which every user is in (real user objects carry `realmId` since late
 * 2025, api-reference §8.1). Fixed like the type id, so it is the same on every start and reset.
 */
const REALM_ID = 'guosim0000000000000a';

/**
 * `_links` of GET /users/{id} per status, in the order a real org sends them (recorded 2025).
 * PROVISIONED has `suspend` and STAGED `resetFactors` but no `deactivate` (api-reference §8.1).
 */
const USER_LINKS: Record<UserStatus, string[]> = {
  ACTIVE: ['suspend', 'schema', 'resetPassword', 'forgotPassword', 'expirePassword', 'changeRecoveryQuestion',
    'self', 'resetFactors', 'type', 'changePassword', 'deactivate'],
  STAGED: ['schema', 'activate', 'self', 'resetFactors', 'type'],
  PROVISIONED: ['suspend', 'schema', 'resetPassword', 'reactivate', 'self', 'resetFactors', 'type', 'deactivate'],
  RECOVERY: ['schema', 'resetPassword', 'expirePassword', 'self', 'resetFactors', 'type', 'deactivate'],
  PASSWORD_EXPIRED: ['schema', 'resetPassword', 'self', 'resetFactors', 'type', 'deactivate'],
  LOCKED_OUT: ['schema', 'unlock', 'resetPassword', 'self', 'resetFactors', 'type', 'deactivate'],
  SUSPENDED: ['schema', 'unsuspend', 'self', 'resetFactors', 'type', 'deactivate'],
  DEPROVISIONED: ['schema', 'activate', 'self', 'type'],
};

/** Operations under /credentials; every other POST link is under /lifecycle. */
const CREDENTIAL_OPERATIONS = new Set(['forgotPassword', 'changeRecoveryQuestion', 'changePassword']);

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function userLinks(ctx: SimContext, user: SimUser, withAllLinks: boolean): Record<string, unknown> {
  const self = userUrl(ctx, user.id);
  if (!withAllLinks) return { self: link(self) };
  const links: Record<string, unknown> = {};
  for (const name of USER_LINKS[user.status]) {
    if (name === 'self') links.self = link(self);
    else if (name === 'schema') links.schema = link(`${ctx.baseUrl}/api/v1/meta/schemas/user/${USER_SCHEMA_ID}`);
    else if (name === 'type') links.type = link(`${ctx.baseUrl}/api/v1/meta/types/user/${USER_TYPE_ID}`);
    else {
      const folder = CREDENTIAL_OPERATIONS.has(name) ? 'credentials' : 'lifecycle';
      links[name] = { href: `${self}/${folder}/${snakeCase(name)}`, method: 'POST' };
    }
  }
  return links;
}

export function userJson(ctx: SimContext, user: SimUser, withAllLinks: boolean): Record<string, unknown> {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: USER_TYPE_ID },
    realmId: REALM_ID,
    profile: user.profile,
    credentials: {
      ...(user.passwordChanged ? { password: {} } : {}),
      ...(user.recoveryQuestion ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
      emails: [{ value: user.profile.email, status: 'VERIFIED', type: 'PRIMARY' }],
      provider: { type: user.provider, name: user.provider },
    },
    _links: userLinks(ctx, user, withAllLinks),
  };
}
