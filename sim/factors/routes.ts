// The ten User Factor operations (plus the QR image and push-activation links) on the router.
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import { json, noContent, queryFlag, type ApiRequest, type ApiResponse } from '../http';
import { logFactorDeactivated } from '../logs/events';
import type { Router } from '../router';
import { activateFactor } from './activate';
import { listCatalog, listQuestions } from './catalog';
import { enrollFactor } from './enroll';
import { getHotpProfile, listHotpProfiles } from './hotpProfiles';
import { kindRank } from './kinds';
import { isOktaVerify } from './oktaVerify';
import { sendPushActivationLink } from './pushActivation';
import { cancelTransaction, transactionStatus } from './pushTransactions';
import { qrImage } from './qrCode';
import { resendFactor } from './resend';
import { factorJson } from './serialize';
import { verifyFactor } from './verify';

const FACTORS = '/api/v1/users/:userId/factors';
const FACTOR = `${FACTORS}/:factorId`;

export function addFactorRoutes(router: Router, ctx: SimContext): void {
  router
    .add('GET', FACTORS, (req) => listFactors(ctx, req))
    .add('POST', FACTORS, (req) => enrollFactor(ctx, req))
    .add('GET', `${FACTORS}/catalog`, (req) => listCatalog(ctx, req))
    .add('GET', `${FACTORS}/questions`, (req) => listQuestions(ctx, req))
    .add('GET', FACTOR, (req) => getFactor(ctx, req))
    .add('DELETE', FACTOR, (req) => unenrollFactor(ctx, req))
    .add('POST', `${FACTOR}/lifecycle/activate`, (req) => activateFactor(ctx, req, false))
    .add('POST', `${FACTOR}/lifecycle/activate/poll`, (req) => activateFactor(ctx, req, true))
    .add('POST', `${FACTOR}/lifecycle/activate/sms`, (req) => sendActivationLink(ctx, req, 'sms'))
    .add('POST', `${FACTOR}/lifecycle/activate/email`, (req) => sendActivationLink(ctx, req, 'email'))
    .add('POST', `${FACTOR}/resend`, (req) => resendFactor(ctx, req))
    .add('POST', `${FACTOR}/verify`, (req) => verifyFactor(ctx, req))
    .add('GET', `${FACTOR}/transactions/:transactionId`, (req) => transactionStatus(ctx, req))
    .add('DELETE', `${FACTOR}/transactions/:transactionId`, (req) => cancelTransaction(ctx, req))
    .add('GET', `${FACTOR}/qr/:token`, (req) => qrImage(ctx, req))
    .add('GET', '/api/v1/org/factors/hotp/profiles', () => listHotpProfiles())
    .add('GET', '/api/v1/org/factors/hotp/profiles/:profileId', (req) => getHotpProfile(req));
}

function listFactors(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  // In the org's factor order, not enrollment order (one factor per kind, so the order is total).
  const ordered = [...user.factors].sort((a, b) => kindRank(a) - kindRank(b));
  return json(ordered.map((f) => factorJson(ctx, user, f)));
}

function getFactor(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  return json(factorJson(ctx, user, ctx.store.requireFactor(user, req.params.factorId)));
}

function sendActivationLink(ctx: SimContext, req: ApiRequest, channel: 'sms' | 'email'): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  return sendPushActivationLink(ctx, user, ctx.store.requireFactor(user, req.params.factorId), channel, req.body);
}

function unenrollFactor(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  if (user.status === 'DEPROVISIONED') {
    throw oktaErrors.forbidden();
  }
  // Okta Verify factors go together: removing push (or signed_nonce) removes its TOTP and signed_nonce.
  const removed = ['push', 'signed_nonce'].includes(factor.factorType) ? user.factors.filter(isOktaVerify) : [factor];
  for (const f of removed) {
    ctx.store.removeFactor(user, f);
    logFactorDeactivated(ctx, user, f);
  }
  if (queryFlag(req.query, 'removeRecoveryEnrollment') && factor.profile.phoneNumber === user.recoveryPhone) {
    user.recoveryPhone = null;
  }
  return noContent();
}
