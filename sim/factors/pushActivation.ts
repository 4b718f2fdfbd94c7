// Okta Verify push enrollment is asynchronous: the factor waits for the phone to scan the QR code.
// POST lifecycle/activate (restarts a timed-out activation) and POST lifecycle/activate/poll answer
// WAITING, TIMEOUT/CANCELLED, or - once a control call "scanned" it - the ACTIVE factor.
import { factorUrl, link, notify, type SimContext } from '../context';
import { oktaErrors } from '../errors';
import { bodyObject, json, stringField, type ApiResponse } from '../http';
import { isoSeconds } from '../ids';
import type { PushChallenge, SimFactor, SimUser } from '../model';
import { activate } from './create';
import { deliver } from './delivery';
import { addOktaVerifyCompanions } from './oktaVerify';
import { factorJson, pushActivationLinks } from './serialize';

export function startPushActivation(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  factor.pushActivation = { state: 'WAITING', expiresAtMs: ctx.now() + ctx.pushTimeoutSeconds * 1000 };
  announce(ctx, user, factor);
}

/** Tells listeners (the demo org's "phone") that a QR code is waiting to be scanned. */
function announce(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  const challenge: PushChallenge = {
    kind: 'activation',
    userId: user.id,
    factorId: factor.id,
    expiresAt: isoSeconds(factor.pushActivation!.expiresAtMs),
  };
  notify(ctx, 'push', challenge);
}

/** Moves a WAITING activation past its expiry to TIMEOUT; returns the current state. */
export function pushActivationState(ctx: SimContext, factor: SimFactor): 'WAITING' | 'TIMEOUT' | 'CANCELLED' | undefined {
  const activation = factor.pushActivation;
  if (activation?.state === 'WAITING' && activation.expiresAtMs <= ctx.now()) activation.state = 'TIMEOUT';
  return activation?.state;
}

export function pushActivationResponse(ctx: SimContext, user: SimUser, factor: SimFactor, restart: boolean): ApiResponse {
  if (factor.status === 'ACTIVE') return json(factorJson(ctx, user, factor));
  // An explicit activate restarts a finished activation, or shows the waiting one again; polls don't.
  if (restart) {
    if (pushActivationState(ctx, factor) === 'WAITING') announce(ctx, user, factor);
    else startPushActivation(ctx, user, factor);
  }
  const state = pushActivationState(ctx, factor);
  const self = factorUrl(ctx, user.id, factor.id);
  if (state === 'WAITING') {
    return json({
      expiresAt: isoSeconds(factor.pushActivation!.expiresAtMs),
      factorResult: 'WAITING',
      _links: { poll: link(`${self}/lifecycle/activate/poll`, ['POST']), ...pushActivationLinks(ctx, user, factor) },
    });
  }
  return json({ factorResult: state, _links: { activate: link(`${self}/lifecycle/activate`, ['POST']) } });
}

/** The phone scanned the QR code: the factor becomes ACTIVE with a device profile (and, in IE, companions). */
export function completePushActivation(ctx: SimContext, user: SimUser, factor: SimFactor): void {
  factor.profile = {
    credentialId: user.profile.login,
    deviceType: 'SmartPhone_IPhone',
    name: 'Simulated iPhone',
    platform: 'IOS',
    version: '17.4',
  };
  activate(ctx, user, factor);
  addOktaVerifyCompanions(ctx, user, factor);
}

/** POST lifecycle/activate/{sms|email}: sends the activation link instead of showing a QR code. */
export function sendPushActivationLink(
  ctx: SimContext,
  user: SimUser,
  factor: SimFactor,
  channel: 'sms' | 'email',
  body: unknown,
): ApiResponse {
  if (factor.factorType !== 'push' || factor.status !== 'PENDING_ACTIVATION') {
    throw oktaErrors.validation('factor', 'The factor is not waiting for push activation.');
  }
  const profile = bodyObject(bodyObject(body).profile);
  const to = channel === 'sms' ? stringField(profile, 'phoneNumber') ?? user.profile.mobilePhone : stringField(profile, 'email') ?? user.profile.email;
  if (!to) throw oktaErrors.validation('factor', 'phoneNumber: The field cannot be left blank.');
  const now = ctx.now();
  deliver(ctx, {
    channel,
    to,
    code: `${factorUrl(ctx, user.id, factor.id)}/qr/${factor.secrets.qrToken}`,
    userId: user.id,
    factorId: factor.id,
    sentAt: isoSeconds(now),
    expiresAt: isoSeconds(factor.pushActivation?.expiresAtMs ?? now),
    purpose: 'activation-link',
  });
  return pushActivationResponse(ctx, user, factor, false);
}
