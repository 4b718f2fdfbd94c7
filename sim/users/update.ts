// POST /api/v1/users/{id}: a partial update. Only the profile attributes sent change; an attribute
// sent as null is cleared (login and email cannot be: both are required). Attributes the schema does
// not define are refused as at creation, and a login another user has is refused.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { bodyObject, json, type ApiRequest, type ApiResponse } from '../http';
import { isoSeconds } from '../ids';
import { logUserChange } from '../logs/events';
import { undefinedAttributeCauses } from './profileSchema';
import { userJson } from './serialize';

const REQUIRED = new Set(['login', 'email']);

export function updateUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const profile = bodyObject(bodyObject(req.body).profile);
  const undefinedAttributes = undefinedAttributeCauses(profile);
  if (undefinedAttributes.length > 0) throw oktaErrors.validation('user', ...undefinedAttributes);
  const causes: string[] = [];
  for (const [name, value] of Object.entries(profile)) {
    if (value !== null && typeof value !== 'string') causes.push(`${name}: Does not match required pattern`);
    else if ((value === null || value === '') && REQUIRED.has(name)) causes.push(`${name}: The field cannot be left blank.`);
  }
  const login = profile.login;
  if (typeof login === 'string' && login.toLowerCase() !== user.profile.login.toLowerCase() && ctx.store.hasLogin(login)) {
    causes.push('login: An object with this field already exists in the current organization');
  }
  if (causes.length > 0) throw oktaErrors.validation('user', ...causes);
  if (typeof login === 'string' && login !== user.profile.login) ctx.store.renameLogin(user, login);
  for (const [name, value] of Object.entries(profile)) if (name !== 'login') user.profile[name] = value as string | null;
  user.lastUpdated = isoSeconds(ctx.now());
  logUserChange(ctx, user, 'update_profile');
  return json(userJson(ctx, user, true));
}
