// The Users calls a tree view needs, create, and the lifecycle calls (lifecycle.ts).
import { createHash } from 'node:crypto';
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { bodyObject, json, stringField, type ApiRequest, type ApiResponse } from '../http';
import { isoSeconds } from '../ids';
import { logUserChange } from '../logs/events';
import type { SimUser, UserStatus } from '../model';
import type { Router } from '../router';
import { addIdentityEngineFactors } from './identityEngineFactors';
import { addLifecycleRoutes } from './lifecycle';
import { listUsers } from './list';
import { passwordProvider } from './passwordCredential';
import { undefinedAttributeCauses } from './profileSchema';
import { userJson } from './serialize';
import { updateUser } from './update';

export function addUserRoutes(router: Router, ctx: SimContext): void {
  router
    .add('GET', '/api/v1/users', (req) => listUsers(ctx, req))
    .add('POST', '/api/v1/users', (req) => createUser(ctx, req))
    .add('GET', '/api/v1/users/:userId', (req) => getUser(ctx, req))
    .add('POST', '/api/v1/users/:userId', (req) => updateUser(ctx, req));
  addLifecycleRoutes(router, ctx);
}

/** `me` is the token's owner; otherwise an id, a login or an unambiguous login short name. */
function getUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = req.params.userId === 'me' ? ctx.store.owner() : ctx.store.requireUser(req.params.userId);
  const etag = createHash('sha1').update(`${user.id}:${user.lastUpdated}`).digest('hex').slice(0, 16);
  return json(userJson(ctx, user, true), 200, { ETag: `W/"${etag}"` });
}

const invalidUser = (cause: string) => oktaErrors.validation('login', cause);

/**
 * POST /api/v1/users?activate=true|false (default true): ACTIVE with a password (a value or an
 * imported hash), else PROVISIONED. A STAGED user with a password has `statusChanged` set, as recorded.
 */
function createUser(ctx: SimContext, req: ApiRequest): ApiResponse {
  const body = bodyObject(req.body);
  const profile = bodyObject(body.profile);
  const undefinedAttributes = undefinedAttributeCauses(profile);
  if (undefinedAttributes.length > 0) throw oktaErrors.validation('newUser', ...undefinedAttributes);
  const login = stringField(profile, 'login');
  const email = stringField(profile, 'email');
  if (!login) throw invalidUser('login: The field cannot be left blank.');
  if (!email) throw invalidUser('email: The field cannot be left blank.');
  if (ctx.store.hasLogin(login)) {
    throw invalidUser('login: An object with this field already exists in the current organization');
  }
  const credentials = bodyObject(body.credentials);
  const provider = passwordProvider(credentials);
  const hasPassword = provider !== undefined;
  const recovery = bodyObject(credentials.recovery_question);
  const recoveryQuestion = stringField(recovery, 'question');
  const recoveryAnswer = stringField(recovery, 'answer');
  const activate = req.query.get('activate') !== 'false';
  const status: UserStatus = !activate ? 'STAGED' : hasPassword ? 'ACTIVE' : 'PROVISIONED';
  const now = isoSeconds(ctx.now());
  const extra: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(profile)) if (typeof value === 'string') extra[key] = value;
  const user: SimUser = {
    id: ctx.store.newId('00u'),
    status,
    created: now,
    activated: activate ? now : null,
    statusChanged: activate || hasPassword ? now : null,
    lastLogin: null,
    lastUpdated: now,
    passwordChanged: hasPassword ? now : null,
    provider: provider ?? 'OKTA',
    profile: {
      ...extra,
      firstName: stringField(profile, 'firstName') ?? null,
      lastName: stringField(profile, 'lastName') ?? null,
      email,
      login,
      mobilePhone: stringField(profile, 'mobilePhone') ?? null,
      secondEmail: stringField(profile, 'secondEmail') ?? null,
    },
    factors: [],
    recoveryPhone: null,
    ...(recoveryQuestion && recoveryAnswer ? { recoveryQuestion: { question: recoveryQuestion, answer: recoveryAnswer } } : {}),
  };
  ctx.store.addUser(user);
  logUserChange(ctx, user, 'create');
  if (activate) logUserChange(ctx, user, 'activate');
  addIdentityEngineFactors(ctx, user);
  return json(userJson(ctx, user, true));
}
