// Small fetch and assertion helpers for the simulator tests (real HTTP on loopback).
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../../sim';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function call(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  /** The org URL as the client addresses it, e.g. http://localhost:PORT instead of sim.url. */
  base = sim.url,
): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      Authorization: `SSWS ${sim.token}`,
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export async function userIdOf(sim: RunningSimulator, login: string): Promise<string> {
  const reply = await call(sim, 'GET', `/api/v1/users/${encodeURIComponent(login)}`);
  if (reply.status !== 200) throw new Error(`no user ${login}: ${reply.status}`);
  return reply.body.id;
}

const ERROR_KEYS = ['errorCauses', 'errorCode', 'errorId', 'errorLink', 'errorSummary'];

/** Okta's error shape, exactly: the five keys, errorLink = errorCode, errorId "oae" + 22 chars. */
export function assertOktaError(reply: { status: number; body: any }, status: number, code: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.deepEqual(Object.keys(reply.body).sort(), ERROR_KEYS);
  assert.equal(reply.body.errorCode, code);
  assert.equal(reply.body.errorLink, code);
  assert.match(reply.body.errorId, /^oae[A-Za-z0-9_-]{22}$/);
  assert.ok(Array.isArray(reply.body.errorCauses));
}

/** Splits a (possibly combined) Link header into rel -> URL. */
export function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (match) out[match[2]] = match[1];
  }
  return out;
}
