// The user lifecycle calls: activate (STAGED or DEPROVISIONED only; ACTIVE with a password, else
// PROVISIONED; the token with sendEmail=false), deactivate, suspend (ACTIVE only), unsuspend
// (SUSPENDED only) and DELETE (deactivates first, deletes the second time), with the errors Okta
// documents or was recorded giving for a user in the wrong status.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { assertOktaError, call } from './simHelpers';

let sim: RunningSimulator;
let classic: RunningSimulator;

before(async () => {
  sim = await startSimulator({ seed: 'empty' });
  classic = await startSimulator({ seed: 'empty', engine: 'classic' });
});

after(async () => {
  await Promise.all([sim?.close(), classic?.close()]);
});

let counter = 0;
async function newUser(status: 'STAGED' | 'ACTIVE' | 'PROVISIONED', withPassword = status !== 'PROVISIONED', on = sim): Promise<any> {
  const login = `lifecycle${++counter}@example.com`;
  const reply = await call(on, 'POST', `/api/v1/users?activate=${status !== 'STAGED'}`, {
    profile: { firstName: 'Life', lastName: 'Cycle', email: login, login },
    ...(withPassword ? { credentials: { password: { value: 'Passw0rd!Passw0rd!' } } } : {}),
  });
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.body.status, status);
  return reply.body;
}

const lifecycle = (userId: string, operation: string, query = '', on = sim) =>
  call(on, 'POST', `/api/v1/users/${userId}/lifecycle/${operation}${query}`);
const statusOf = async (userId: string, on = sim) => (await call(on, 'GET', `/api/v1/users/${userId}`)).body.status;

describe('activate', () => {
  test('a STAGED user with a password becomes ACTIVE; sendEmail=false answers the token and its link per engine', async () => {
    for (const [on, path] of [[sim, /\/tokens\/([A-Za-z0-9]{20})\/verify$/], [classic, /\/welcome\/([A-Za-z0-9]{20})$/]] as const) {
      const user = await newUser('STAGED', true, on);
      const reply = await lifecycle(user.id, 'activate', '?sendEmail=false', on);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(Object.keys(reply.body).sort(), ['activationToken', 'activationUrl']);
      const match = path.exec(reply.body.activationUrl);
      assert.ok(match && reply.body.activationUrl.startsWith(on.url), reply.body.activationUrl);
      assert.equal(match[1], reply.body.activationToken);
      const activated = (await call(on, 'GET', `/api/v1/users/${user.id}`)).body;
      assert.equal(activated.status, 'ACTIVE');
      assert.ok(activated.activated);
      assert.equal(activated.statusChanged, activated.activated);
    }
  });

  test('without a password the user is PROVISIONED (the welcome flow is left); the default sendEmail answers {}', async () => {
    const user = await newUser('STAGED', false);
    const reply = await lifecycle(user.id, 'activate');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {});
    assert.equal(await statusOf(user.id), 'PROVISIONED');
  });

  test('an ACTIVE user: 403 E0000016; PROVISIONED or SUSPENDED: 403 E0000038; unknown: 404 E0000007', async () => {
    const active = await newUser('ACTIVE');
    const activeReply = await lifecycle(active.id, 'activate');
    assertOktaError(activeReply, 403, 'E0000016');
    assert.equal(activeReply.body.errorSummary, 'Activation failed because the user is already active');
    assertOktaError(await lifecycle((await newUser('PROVISIONED')).id, 'activate'), 403, 'E0000038');
    assert.equal((await lifecycle(active.id, 'suspend')).status, 200);
    assertOktaError(await lifecycle(active.id, 'activate'), 403, 'E0000038');
    assertOktaError(await lifecycle('00unobody000000000000', 'activate'), 404, 'E0000007');
  });

  test('Identity Engine: an activated user gets the ACTIVE email factor a user created active has', async () => {
    const user = await newUser('STAGED');
    assert.deepEqual((await call(sim, 'GET', `/api/v1/users/${user.id}/factors`)).body, []);
    await lifecycle(user.id, 'activate');
    const factors = (await call(sim, 'GET', `/api/v1/users/${user.id}/factors`)).body;
    assert.deepEqual(factors.map((f: any) => [f.factorType, f.status, f.profile.email]), [['email', 'ACTIVE', user.profile.login]]);
  });
});

describe('deactivate, suspend, unsuspend', () => {
  test('deactivate: DEPROVISIONED, answered {}; again: 404 E0000007; activate brings the user back', async () => {
    const user = await newUser('ACTIVE');
    const reply = await lifecycle(user.id, 'deactivate', '?sendEmail=true');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {});
    const deprovisioned = (await call(sim, 'GET', `/api/v1/users/${user.id}`)).body;
    assert.equal(deprovisioned.status, 'DEPROVISIONED');
    assert.ok(deprovisioned._links.activate);
    assertOktaError(await lifecycle(user.id, 'deactivate'), 404, 'E0000007');
    assert.equal((await lifecycle(user.id, 'activate')).status, 200);
    assert.equal(await statusOf(user.id), 'ACTIVE');
  });

  test('suspend an ACTIVE user, unsuspend a SUSPENDED one (each {}); in another status 400 E0000001', async () => {
    const user = await newUser('ACTIVE');
    const suspended = await lifecycle(user.id, 'suspend');
    assert.equal(suspended.status, 200);
    assert.deepEqual(suspended.body, {});
    const shown = (await call(sim, 'GET', `/api/v1/users/${user.id}`)).body;
    assert.equal(shown.status, 'SUSPENDED');
    assert.ok(shown._links.unsuspend);
    assertOktaError(await lifecycle(user.id, 'suspend'), 400, 'E0000001');
    assert.deepEqual((await lifecycle(user.id, 'unsuspend')).body, {});
    assert.equal(await statusOf(user.id), 'ACTIVE');
    assertOktaError(await lifecycle(user.id, 'unsuspend'), 400, 'E0000001');
    assertOktaError(await lifecycle((await newUser('STAGED')).id, 'suspend'), 400, 'E0000001');
  });

  test('the token\'s own admin cannot be deactivated, suspended or deleted: 403 E0000006', async () => {
    const me = (await call(sim, 'GET', '/api/v1/users/me')).body;
    assertOktaError(await lifecycle(me.id, 'deactivate'), 403, 'E0000006');
    assertOktaError(await lifecycle(me.id, 'suspend'), 403, 'E0000006');
    assertOktaError(await call(sim, 'DELETE', `/api/v1/users/${me.id}`), 403, 'E0000006');
    assert.equal(await statusOf(me.id), 'ACTIVE');
  });
});

describe('delete', () => {
  test('the first DELETE deactivates, the second deletes: gone from lookups, lists and factor paths', async () => {
    const user = await newUser('ACTIVE');
    const first = await call(sim, 'DELETE', `/api/v1/users/${user.id}`);
    assert.equal(first.status, 204);
    assert.equal(first.text, '');
    assert.equal(await statusOf(user.id), 'DEPROVISIONED');
    assert.equal((await call(sim, 'DELETE', `/api/v1/users/${user.id}?sendEmail=false`)).status, 204);
    for (const path of [`/api/v1/users/${user.id}`, `/api/v1/users/${encodeURIComponent(user.profile.login)}`, `/api/v1/users/${user.id}/factors`]) {
      assertOktaError(await call(sim, 'GET', path), 404, 'E0000007');
    }
    const listed = (await call(sim, 'GET', `/api/v1/users?search=${encodeURIComponent(`profile.login eq "${user.profile.login}"`)}`)).body;
    assert.deepEqual(listed, []);
    assertOktaError(await call(sim, 'DELETE', `/api/v1/users/${user.id}`), 404, 'E0000007');
    // The login is free again.
    const again = await call(sim, 'POST', '/api/v1/users?activate=false', { profile: { email: user.profile.login, login: user.profile.login } });
    assert.equal(again.status, 200, again.text);
  });

  test('deleting one user keeps paging and lookups of the others intact', async () => {
    const users = [await newUser('STAGED'), await newUser('STAGED'), await newUser('STAGED')];
    await call(sim, 'DELETE', `/api/v1/users/${users[1].id}`);
    await call(sim, 'DELETE', `/api/v1/users/${users[1].id}`);
    assert.equal((await call(sim, 'GET', `/api/v1/users/${users[2].id}`)).body.id, users[2].id);
    assert.equal((await call(sim, 'GET', `/api/v1/users/${encodeURIComponent(users[2].profile.login)}`)).body.id, users[2].id);
    const ids: string[] = [];
    let path: string | undefined = '/api/v1/users?limit=1';
    for (let pages = 0; path && pages < 100; pages++) {
      const page = await call(sim, 'GET', path);
      ids.push(...page.body.map((u: any) => u.id));
      const next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
      path = next ? next.slice(sim.url.length) : undefined;
    }
    assert.ok(ids.includes(users[0].id) && ids.includes(users[2].id));
    assert.ok(!ids.includes(users[1].id));
  });
});
