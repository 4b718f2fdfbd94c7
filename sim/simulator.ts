// Wires the pieces together: context + store, routers, limits, faults, counter and the HTTP server.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverOptions, type ConnectionTimeouts } from './connectionTimeouts';
import type { SimContext } from './context';
import { SimControl } from './control/api';
import { createControlRouter } from './control/routes';
import { parseEngine, type OrgEngine } from './engine';
import { addFactorRoutes } from './factors/routes';
import { FaultInjector } from './faults';
import { addLogRoutes } from './logs/routes';
import { OAuthServer } from './oauth/oauthServer';
import type { ServiceAppSpec } from './oauth/serviceApps';
import { RateLimiter, type RateLimitSettings } from './rateLimits';
import { RequestCounter } from './requestCounter';
import { Router } from './router';
import { parseSeed, seedOrg, type SeedName } from './seeds';
import { createRequestListener } from './server';
import { OrgStore } from './store';
import { addUserRoutes } from './users/routes';
import { addSignInRoutes } from './signin/routes';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The host is always 127.0.0.1. */
  port?: number;
  /** SSWS API token; default 'demo-api-token'. */
  token?: string;
  /** Tokens accepted as `Authorization: Bearer …`. */
  accessTokens?: string[];
  /** OAuth service apps registered from the start (they survive resets); see sim/README.md. */
  serviceApps?: ServiceAppSpec[];
  seed?: SeedName;
  /** Identity Engine (default, like every org created since 2022) or Classic Engine. */
  engine?: OrgEngine;
  rateLimits?: Partial<RateLimitSettings>;
  /** Lifetime of push verify transactions and push activations; default 300. */
  pushTimeoutSeconds?: number;
  /** When idle or stalled connections are closed (see connectionTimeouts.ts). */
  connectionTimeouts?: Partial<ConnectionTimeouts>;
}

export interface RunningSimulator {
  url: string;
  token: string;
  engine: OrgEngine;
  events: EventEmitter;
  control: SimControl;
  close(): Promise<void>;
  approvePush: SimControl['approvePush'];
  denyPush: SimControl['denyPush'];
  expirePush: SimControl['expirePush'];
  outbox: SimControl['outbox'];
  currentCode: SimControl['currentCode'];
  reset: SimControl['reset'];
  advanceClock: SimControl['advanceClock'];
}

export const DEFAULT_TOKEN = 'demo-api-token';

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? DEFAULT_TOKEN;
  let seed: string = options.seed ?? 'demo';
  parseSeed(seed);
  const pushTimeoutSeconds = options.pushTimeoutSeconds ?? 300;
  const ctx: SimContext = {
    store: new OrgStore(0),
    baseUrl: '',
    engine: parseEngine(options.engine),
    events: new EventEmitter(),
    pushTimeoutSeconds,
    clockOffsetMs: 0,
    now: () => Date.now() + ctx.clockOffsetMs,
  };
  const oauth = await OAuthServer.create(options.serviceApps ?? []);
  const reseed = (next?: string) => {
    if (next !== undefined) parseSeed(next);
    seed = next ?? seed;
    ctx.clockOffsetMs = 0;
    seedOrg(ctx, seed, { nowMs: ctx.now(), pushTimeoutSeconds });
    oauth.reset(parseSeed(seed).kind === 'demo');
  };
  reseed();

  const rateLimiter = new RateLimiter(options.rateLimits);
  const faults = new FaultInjector();
  const counter = new RequestCounter();
  const control = new SimControl({ ctx, rateLimiter, faults, counter, oauth, reseed });
  const api = new Router();
  addUserRoutes(api, ctx);
  addFactorRoutes(api, ctx);
  addLogRoutes(api, ctx);

  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const server = createServer(
    serverOptions(options.connectionTimeouts),
    createRequestListener({
      ctx,
      api,
      control: addSignInRoutes(createControlRouter(control), ctx),
      rateLimiter,
      faults,
      counter,
      credentials: { apiToken: token, accessTokens: options.accessTokens ?? [] },
      oauth,
      delay,
    }),
  );
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: ctx.baseUrl,
    token,
    engine: ctx.engine,
    events: ctx.events,
    control,
    close: () => close(server, timers),
    approvePush: control.approvePush.bind(control),
    denyPush: control.denyPush.bind(control),
    expirePush: control.expirePush.bind(control),
    outbox: control.outbox.bind(control),
    currentCode: control.currentCode.bind(control),
    reset: control.reset.bind(control),
    advanceClock: control.advanceClock.bind(control),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server, timers: Set<NodeJS.Timeout>): Promise<void> {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
