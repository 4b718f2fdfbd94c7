// What every handler works with: the current store, the public base URL (for links), the event
// emitter the demo org listens to, the engine and the clock.
import type { EventEmitter } from 'node:events';
import type { OrgEngine } from './engine';
import type { OrgStore } from './store';

export interface SimContext {
  store: OrgStore;
  baseUrl: string;
  /** Identity Engine adds auto-enrolled and companion factors (see sim/README.md). */
  readonly engine: OrgEngine;
  readonly events: EventEmitter;
  readonly pushTimeoutSeconds: number;
  /** Added to the real clock by the control API, so tests can skip 30 s cooldowns or expiries. */
  clockOffsetMs: number;
  now(): number;
}

export interface HalLink {
  name?: string;
  href: string;
  type?: string;
  hints?: { allow: string[] };
}

export function link(href: string, allow?: string[], extra: { name?: string; type?: string } = {}): HalLink {
  return { ...extra, href, ...(allow ? { hints: { allow } } : {}) };
}

export const userUrl = (ctx: SimContext, userId: string): string => `${ctx.baseUrl}/api/v1/users/${userId}`;
export const factorsUrl = (ctx: SimContext, userId: string): string => `${userUrl(ctx, userId)}/factors`;
export const factorUrl = (ctx: SimContext, userId: string, factorId: string): string =>
  `${factorsUrl(ctx, userId)}/${factorId}`;

/** Emits to listeners (tests, the demo org); a failing listener must not fail the API call. */
export function notify(ctx: SimContext, event: 'outbox' | 'push', payload: unknown): void {
  try {
    ctx.events.emit(event, payload);
  } catch {
    // The listener's problem; the simulated org carries on.
  }
}
