// A user as Okta returns it: list items carry only `_links.self`; GET by id has the lifecycle links.
import { link, userUrl, type SimContext } from '../context';
import type { SimUser, UserStatus } from '../model';

/** The org's default user type. */
export const USER_TYPE_ID = 'otysim0000000000000a';

const LIFECYCLE_LINKS: Record<UserStatus, string[]> = {
  ACTIVE: ['suspend', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  STAGED: ['activate', 'deactivate'],
  PROVISIONED: ['reactivate', 'resetPassword', 'resetFactors', 'deactivate'],
  RECOVERY: ['resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  PASSWORD_EXPIRED: ['resetPassword', 'resetFactors', 'deactivate'],
  LOCKED_OUT: ['unlock', 'resetPassword', 'resetFactors', 'deactivate'],
  SUSPENDED: ['unsuspend', 'resetFactors', 'deactivate'],
  DEPROVISIONED: ['activate'],
};

const lifecyclePath = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function userJson(ctx: SimContext, user: SimUser, withAllLinks: boolean): Record<string, unknown> {
  const self = userUrl(ctx, user.id);
  const links: Record<string, unknown> = {};
  if (withAllLinks) {
    for (const name of LIFECYCLE_LINKS[user.status]) {
      links[name] = { href: `${self}/lifecycle/${lifecyclePath(name)}`, method: 'POST' };
    }
    links.schema = link(`${ctx.baseUrl}/api/v1/meta/schemas/user/${USER_TYPE_ID}`);
    links.type = link(`${ctx.baseUrl}/api/v1/meta/types/user/${USER_TYPE_ID}`);
  }
  links.self = link(self);
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
    profile: user.profile,
    credentials: {
      ...(user.passwordChanged ? { password: {} } : {}),
      emails: [{ value: user.profile.email, status: 'VERIFIED', type: 'PRIMARY' }],
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: links,
  };
}
