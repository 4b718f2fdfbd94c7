// What the tests ask the simulator over HTTP: its /sim control endpoints (reset) and its Okta API
// (to check that what the UI showed really happened in the org).
import type { RunningSimulator } from '../../sim';
import { waitUntil } from '../support/waitUntil';

interface SimUser { id: string; profile: { login: string } }
interface SimFactor { id: string; factorType: string; provider: string; status: string }

async function call<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `SSWS ${sim.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** POST /sim/reset: the demo org as seeded, empty outbox, no push transactions. */
export async function resetOrg(sim: RunningSimulator): Promise<void> {
  await call(sim, 'POST', '/sim/reset', {});
}

export async function findUser(sim: RunningSimulator, login: string): Promise<SimUser> {
  return call<SimUser>(sim, 'GET', `/api/v1/users/${encodeURIComponent(login)}`);
}

export async function listFactors(sim: RunningSimulator, userId: string): Promise<SimFactor[]> {
  return call<SimFactor[]>(sim, 'GET', `/api/v1/users/${userId}/factors`);
}

export async function factorOf(sim: RunningSimulator, login: string, factorType: string, provider?: string): Promise<{ user: SimUser; factor: SimFactor }> {
  const user = await findUser(sim, login);
  const factor = (await listFactors(sim, user.id)).find((f) => f.factorType === factorType && (!provider || f.provider === provider));
  if (!factor) throw new Error(`${login} has no ${factorType} factor`);
  return { user, factor };
}

/** The code of the latest message the simulator sent for the factor (SMS, call or email), once there is one. */
export async function latestCode(sim: RunningSimulator, userId: string, factorId: string, channel: string): Promise<string> {
  const sent = await waitUntil(`the ${channel} message in the outbox`, async () => {
    const res = await fetch(`${sim.url}/sim/outbox?userId=${userId}&factorId=${factorId}&channel=${channel}`);
    return ((await res.json()) as { code: string }[]).at(-1);
  });
  return sent.code;
}

/** POST …/verify with a passcode, as a sign-in test would; the HTTP status (403 for a wrong code). */
export async function verifyWithPasscode(sim: RunningSimulator, userId: string, factorId: string, passCode: string): Promise<number> {
  const res = await fetch(`${sim.url}/api/v1/users/${userId}/factors/${factorId}/verify`, {
    method: 'POST',
    headers: { Authorization: `SSWS ${sim.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ passCode }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Unenrolls through the API with the org's token, as another tool would; the HTTP status. */
export async function unenrollThroughApi(sim: RunningSimulator, userId: string, factorId: string): Promise<number> {
  const res = await fetch(`${sim.url}/api/v1/users/${userId}/factors/${factorId}`, { method: 'DELETE', headers: { Authorization: `SSWS ${sim.token}` } });
  await res.arrayBuffer();
  return res.status;
}
