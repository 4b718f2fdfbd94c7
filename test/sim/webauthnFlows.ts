// Steps the WebAuthn tests share: a fresh user, and a webauthn factor enrolled and activated with a
// test authenticator at the org URL the client addresses.
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { call } from './simHelpers';
import type { AttestationOptions, TestAuthenticator } from './webauthnTestAuthenticator';

let users = 0;

export async function newUser(sim: RunningSimulator): Promise<string> {
  const login = `passkey.user${++users}@example.com`;
  const reply = await call(sim, 'POST', '/api/v1/users?activate=true', { profile: { firstName: 'Pass', lastName: 'Key', email: login, login } });
  assert.equal(reply.status, 200, reply.text);
  return reply.body.id;
}

/** One empty org for the test file, reset before each test, with a fresh user to enroll on. */
export function passkeyTestOrg(): { sim: RunningSimulator; userId: string } {
  const org = {} as { sim: RunningSimulator; userId: string };
  before(async () => {
    org.sim = await startSimulator({ seed: 'empty' });
  });
  after(async () => {
    await org.sim?.close();
  });
  beforeEach(async () => {
    org.sim.reset();
    org.userId = await newUser(org.sim);
  });
  return org;
}

export const factorsPath = (userId: string): string => `/api/v1/users/${userId}/factors`;

/** Enrolls a pending webauthn factor; its body carries the creation options. */
export async function enrollWebauthn(sim: RunningSimulator, userId: string, base = sim.url): Promise<any> {
  const enrolled = await call(sim, 'POST', factorsPath(userId), { factorType: 'webauthn', provider: 'FIDO' }, {}, base);
  assert.equal(enrolled.status, 200, enrolled.text);
  return enrolled.body;
}

export async function activatePasskey(
  sim: RunningSimulator, userId: string, authenticator: TestAuthenticator, base = sim.url, options?: AttestationOptions,
): Promise<any> {
  const pending = await enrollWebauthn(sim, userId, base);
  const activated = await call(sim, 'POST', `${factorsPath(userId)}/${pending.id}/lifecycle/activate`,
    authenticator.attest({ challenge: pending._embedded.activation.challenge, origin: base }, options), {}, base);
  assert.equal(activated.status, 200, activated.text);
  return activated.body;
}

/** The challenge of a verify call without a body. */
export async function verifyChallenge(sim: RunningSimulator, userId: string, factorId: string, base = sim.url): Promise<string> {
  const reply = await call(sim, 'POST', `${factorsPath(userId)}/${factorId}/verify`, undefined, {}, base);
  assert.equal(reply.body.factorResult, 'CHALLENGE', reply.text);
  return reply.body._embedded.challenge.challenge;
}
