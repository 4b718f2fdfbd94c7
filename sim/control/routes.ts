// /sim/... control endpoints over SimControl. No auth: the server listens on loopback only and the request
// guard (../requestGuard.ts) refuses foreign Hosts and any Origin, which keeps web pages out (the sign-in
// page's own origin may call /sim/signin, see ../signin/routes.ts).
import { bodyObject, json, noContent, stringField, type ApiRequest } from '../http';
import type { Channel } from '../model';
import { Router } from '../router';
import type { SimControl } from './api';

const PUSH = '/sim/users/:userId/factors/:factorId/push';
const APP = '/sim/service-apps/:clientId';

export function createControlRouter(control: SimControl): Router {
  const txOf = (req: ApiRequest) => stringField(bodyObject(req.body), 'transactionId');
  return new Router()
    .add('GET', '/sim/outbox', (req) =>
      json(control.outbox({
        userId: req.query.get('userId') ?? undefined,
        factorId: req.query.get('factorId') ?? undefined,
        channel: (req.query.get('channel') as Channel | null) ?? undefined,
      })))
    .add('DELETE', '/sim/outbox', () => (control.clearOutbox(), noContent()))
    .add('GET', '/sim/users/:userId/factors/:factorId/code', (req) => json(control.currentCode(req.params.userId, req.params.factorId)))
    .add('GET', '/sim/users/:userId/factors/:factorId/secrets', (req) => json(control.factorSecrets(req.params.userId, req.params.factorId)))
    .add('GET', '/sim/push', () => json(control.pushChallenges()))
    .add('POST', `${PUSH}/approve`, (req) => json(control.approvePush(req.params.userId, req.params.factorId, txOf(req))))
    .add('POST', `${PUSH}/deny`, (req) => json(control.denyPush(req.params.userId, req.params.factorId, txOf(req))))
    .add('POST', `${PUSH}/expire`, (req) => json(control.expirePush(req.params.userId, req.params.factorId, txOf(req))))
    .add('GET', '/sim/clock', () => json(control.clock()))
    .add('POST', '/sim/clock', (req) => json(control.advanceClock(bodyObject(req.body).advanceSeconds as number)))
    .add('POST', '/sim/reset', (req) => (control.reset(stringField(bodyObject(req.body), 'seed')), noContent()))
    .add('GET', '/sim/rate-limits', () => json(control.rateLimits()))
    .add('PUT', '/sim/rate-limits', (req) => json(control.setRateLimits(bodyObject(req.body))))
    .add('GET', '/sim/webauthn', () => json(control.webauthnSettings()))
    .add('PUT', '/sim/webauthn', (req) => json(control.setWebauthnSettings(bodyObject(req.body))))
    .add('GET', '/sim/logs/settings', () => json(control.logSettings()))
    .add('PUT', '/sim/logs/settings', (req) => json(control.setLogSettings(bodyObject(req.body))))
    .add('GET', '/sim/faults', () => json(control.faults()))
    .add('POST', '/sim/faults', (req) => json(control.addFault(req.body), 201))
    .add('DELETE', '/sim/faults', () => (control.clearFaults(), noContent()))
    .add('DELETE', '/sim/faults/:faultId', (req) => (control.removeFault(req.params.faultId), noContent()))
    .add('GET', '/sim/requests', (req) => {
      const method = req.query.get('method');
      const path = req.query.get('path');
      return json(method && path ? { count: control.requestCount(method, path) } : control.requestCounts());
    })
    .add('DELETE', '/sim/requests', () => (control.resetRequestCounts(), noContent()))
    .add('GET', '/sim/service-apps', () => json(control.serviceApps()))
    .add('POST', '/sim/service-apps', async (req) => json(await control.registerServiceApp(req.body), 201))
    .add('DELETE', APP, (req) => (control.removeServiceApp(req.params.clientId), noContent()))
    .add('DELETE', `${APP}/tokens`, (req) => json(control.revokeServiceAppTokens(req.params.clientId)))
    .add('POST', `${APP}/keys`, async (req) => json(await control.addServiceAppKey(req.params.clientId, req.body), 201))
    .add('DELETE', `${APP}/keys/:kid`, (req) => (control.removeServiceAppKey(req.params.clientId, req.params.kid), noContent()));
}
