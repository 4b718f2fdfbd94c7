// POST /api/v1/users/{id}: a partial profile update, as a fixtures apply repairs a drifted name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RunningSimulator, startSimulator } from '../../sim';
import { assertOktaError, call } from './simHelpers';

let sim: RunningSimulator;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
});

after(async () => {
  await sim?.close();
});

async function created(login: string): Promise<any> {
  const reply = await call(sim, 'POST', '/api/v1/users?activate=false', { profile: { login, email: login, firstName: 'Old', lastName: 'Name' } });
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

test('only the attributes sent change; null clears one; lastUpdated moves', async () => {
  const user = await created('update.one@example.com');
  sim.control.advanceClock(2);
  const reply = await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { firstName: 'New', lastName: null } });
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.body.profile.firstName, 'New');
  assert.equal(reply.body.profile.lastName, null);
  assert.equal(reply.body.profile.email, 'update.one@example.com');
  assert.notEqual(reply.body.lastUpdated, user.lastUpdated);
  assert.equal((await call(sim, 'GET', `/api/v1/users/${user.id}`)).body.profile.firstName, 'New');
});

test('a new login finds the user; the old one no longer does; a taken login is refused', async () => {
  const user = await created('update.two@example.com');
  await created('update.taken@example.com');
  const moved = await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { login: 'update.moved@example.com' } });
  assert.equal(moved.status, 200, moved.text);
  assert.equal((await call(sim, 'GET', '/api/v1/users/update.moved%40example.com')).body.id, user.id);
  assertOktaError(await call(sim, 'GET', '/api/v1/users/update.two%40example.com'), 404, 'E0000007');
  const taken = await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { login: 'update.taken@example.com' } });
  assertOktaError(taken, 400, 'E0000001');
  assert.match(taken.body.errorCauses[0].errorSummary, /already exists/);
});

test('an undefined attribute, a blank email or a non-text value is refused and nothing changes', async () => {
  const user = await created('update.three@example.com');
  assertOktaError(await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { favouriteColour: 'blue', firstName: 'X' } }), 400, 'E0000001');
  assertOktaError(await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { email: null, firstName: 'X' } }), 400, 'E0000001');
  assertOktaError(await call(sim, 'POST', `/api/v1/users/${user.id}`, { profile: { firstName: 42 } }), 400, 'E0000001');
  assert.equal((await call(sim, 'GET', `/api/v1/users/${user.id}`)).body.profile.firstName, 'Old');
});

test('an unknown user is 404', async () => {
  assertOktaError(await call(sim, 'POST', '/api/v1/users/00uNOSUCHUSER000000', { profile: { firstName: 'X' } }), 404, 'E0000007');
});
