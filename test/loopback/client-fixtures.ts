// Shared set-up for the client's loopback tests: a simulator, clients that record their request log,
// the simulator's documented /sim control endpoints (sim/README.md), and a token-leak check.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { startSimulator } from '../../sim';
import { OktaClient, type OktaClientOptions, type RequestLogEntry } from '../../src/okta/client';
import type { RateLimitStatus } from '../../src/okta/http/rateLimits';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type SimOptions = Parameters<typeof startSimulator>[0];

export interface RecordingClient {
  client: OktaClient;
  log: RequestLogEntry[];
  rateLimits: RateLimitStatus[];
}

/** A client with short retry waits, recording its request log and rate-limit reports. */
export function recordingClient(sim: Simulator, options: Partial<OktaClientOptions> = {}): RecordingClient {
  const log: RequestLogEntry[] = [];
  const rateLimits: RateLimitStatus[] = [];
  const client = new OktaClient({
    orgUrl: sim.url,
    token: sim.token,
    timeoutMs: 3000,
    retryBaseDelayMs: 20,
    maxRetryDelayMs: 100,
    onRequest: (e) => log.push(e),
    onRateLimit: (s) => rateLimits.push(s),
    ...options,
  });
  return { client, log, rateLimits };
}

/** The simulator's control API over HTTP, as documented in sim/README.md. */
export class SimHttpControl {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sim control ${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  reset(seed?: string): Promise<unknown> {
    return this.call('POST', '/reset', seed ? { seed } : {});
  }

  outbox(query: { userId?: string; factorId?: string; channel?: string } = {}): Promise<Array<{ code: string; channel: string; to: string; purpose: string; templateId?: string; locale?: string }>> {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return this.call('GET', `/outbox${search.size ? `?${search.toString()}` : ''}`);
  }

  async code(userId: string, factorId: string): Promise<string> {
    return (await this.call<{ code: string }>('GET', `/users/${userId}/factors/${factorId}/code`)).code;
  }

  secrets(userId: string, factorId: string): Promise<{ sharedSecret?: string; answer?: string; yubikeyPublicId?: string }> {
    return this.call('GET', `/users/${userId}/factors/${factorId}/secrets`);
  }

  pushChallenges(): Promise<Array<{ kind: string; userId: string; factorId: string; transactionId?: string; correctAnswer?: number; userAgent?: string; ip?: string }>> {
    return this.call('GET', '/push');
  }

  push(userId: string, factorId: string, outcome: 'approve' | 'deny' | 'expire', transactionId?: string): Promise<{ kind: string; result: string }> {
    return this.call('POST', `/users/${userId}/factors/${factorId}/push/${outcome}`, transactionId ? { transactionId } : {});
  }

  setRateLimits(limits: { usersPerMinute?: number; userByIdPerMinute?: number; verifyPerMinute?: number; tokenPerMinute?: number; windowSeconds?: number }): Promise<unknown> {
    return this.call('PUT', '/rate-limits', limits);
  }

  addFault(fault: { path: string; method?: string; kind: 'latency' | 'status' | 'drop' | 'malformed-json' | 'html'; latencyMs?: number; status?: number; count?: number }): Promise<unknown> {
    return this.call('POST', '/faults', fault);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }

  async requestCount(method: string, path: string): Promise<number> {
    return (await this.call<{ count: number }>('GET', `/requests?method=${method}&path=${encodeURIComponent(path)}`)).count;
  }

  async totalRequests(): Promise<number> {
    return (await this.call<{ total: number }>('GET', '/requests')).total;
  }

  resetRequestCounts(): Promise<unknown> {
    return this.call('DELETE', '/requests');
  }
}

/** Creates an ACTIVE test user through the simulator's POST /api/v1/users (not a client operation). */
export async function createUser(sim: Simulator, login: string, extra: Record<string, string> = {}): Promise<{ id: string; profile: { login: string; email: string } }> {
  const response = await fetch(`${sim.url}/api/v1/users?activate=true`, {
    method: 'POST',
    headers: { Authorization: `SSWS ${sim.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      profile: { login, email: login, firstName: 'Test', lastName: login.split('@')[0], mobilePhone: '+1-555-415-1337', ...extra },
      credentials: { password: { value: 'Passw0rd!Passw0rd!' } },
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as { id: string; profile: { login: string; email: string } };
}

/** Fails when `token` appears anywhere in a value: message, stack, own fields, inspection, JSON. */
export function assertTokenFree(value: unknown, token: string, what = 'value'): void {
  const views: string[] = [inspect(value, { depth: 10, showHidden: true, getters: true })];
  try {
    views.push(JSON.stringify(value) ?? '');
  } catch {
    // Circular values are covered by inspect.
  }
  if (value instanceof Error) {
    views.push(value.message, value.stack ?? '', String(value));
    for (const key of Object.getOwnPropertyNames(value)) views.push(inspect((value as unknown as Record<string, unknown>)[key], { depth: 10 }));
  }
  for (const view of views) assert.ok(!view.includes(token), `${what} contains the token: ${view.slice(0, 300)}`);
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
