// Simulator basics: auth, errors, users list/get/me with paging, q/filter/search.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { assertOktaError, call, links, userIdOf } from './simHelpers';

describe('simulator: auth and errors', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'demo', token: 't0k3n', accessTokens: ['access-1'] });
  });
  after(() => sim.close());

  it('binds 127.0.0.1 on a free port', () => {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(sim.url, 'http://127.0.0.1:0');
  });

  it('accepts SSWS and configured Bearer tokens and returns the token owner for /users/me', async () => {
    const ssws = await call(sim, 'GET', '/api/v1/users/me');
    assert.equal(ssws.status, 200);
    assert.equal(ssws.body.profile.login, 'demo.admin@example.com');
    assert.equal(ssws.body.profile.firstName, 'Demo');
    const bearer = await call(sim, 'GET', '/api/v1/users/me', undefined, { Authorization: 'Bearer access-1' });
    assert.equal(bearer.status, 200);
    assert.equal(bearer.body.id, ssws.body.id);
  });

  it('rejects missing, wrong and wrongly-schemed tokens with 401 E0000011', async () => {
    for (const auth of ['', 'SSWS wrong', 'Bearer t0k3n', 'Basic t0k3n', 'SSWS']) {
      const reply = await call(sim, 'GET', '/api/v1/users/me', undefined, { Authorization: auth });
      assertOktaError(reply, 401, 'E0000011');
      assert.ok(!reply.text.includes('t0k3n'));
    }
  });

  it('answers malformed JSON with 400 E0000003', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    assertOktaError(await call(sim, 'POST', `/api/v1/users/${id}/factors`, '{"factorType":'), 400, 'E0000003');
  });

  it('answers oversized bodies like malformed JSON', async () => {
    const id = await userIdOf(sim, 'no.factors@example.com');
    const huge = JSON.stringify({ factorType: 'question', provider: 'OKTA', profile: { answer: 'x'.repeat(2 * 1024 * 1024) } });
    assertOktaError(await call(sim, 'POST', `/api/v1/users/${id}/factors`, huge), 400, 'E0000003');
  });

  it('answers unknown users with 404 E0000007 "(User)"', async () => {
    const reply = await call(sim, 'GET', '/api/v1/users/00unknownunknown0000/factors');
    assertOktaError(reply, 404, 'E0000007');
    assert.equal(reply.body.errorSummary, 'Not found: Resource not found: 00unknownunknown0000 (User)');
  });

  it('sends every JSON answer as bare application/json, as current real orgs do (no charset)', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const answers = [
      await call(sim, 'GET', '/api/v1/users?limit=2'),
      await call(sim, 'GET', '/api/v1/users/00unknownunknown0000'),
      await call(sim, 'GET', '/api/v1/users/me', undefined, { Authorization: 'SSWS nope' }),
      await call(sim, 'GET', '/sim/clock'),
      await call(sim, 'POST', '/oauth2/v1/token', 'grant_type=client_credentials', form),
    ];
    for (const answer of answers) assert.equal(answer.headers.get('content-type'), 'application/json', answer.text);
  });

  it('sends Date and X-Okta-Request-Id on every response', async () => {
    const reply = await call(sim, 'GET', '/api/v1/users/me', undefined, { Authorization: 'SSWS nope' });
    assert.ok(reply.headers.get('date'));
    assert.ok(reply.headers.get('x-okta-request-id'));
  });
});

describe('simulator: users', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'demo' });
  });
  after(() => sim.close());

  it('pages the plain list with separate Link headers and omits DEPROVISIONED', async () => {
    const seen: any[] = [];
    let path: string | undefined = '/api/v1/users?limit=7';
    let pages = 0;
    while (path) {
      const reply = await call(sim, 'GET', path);
      assert.equal(reply.status, 200);
      const raw = reply.headers.get('link');
      const rels = links(raw);
      assert.ok(rels.self, 'self link');
      assert.ok(reply.body.length <= 7);
      seen.push(...reply.body);
      pages++;
      path = rels.next ? rels.next.slice(sim.url.length) : undefined;
      if (path) assert.match(path, /limit=7/);
    }
    assert.ok(pages >= 7);
    assert.ok(seen.length >= 40);
    assert.equal(new Set(seen.map((u) => u.id)).size, seen.length, 'no duplicates across pages');
    assert.ok(seen.every((u) => u.status !== 'DEPROVISIONED'));
    assert.ok(seen.every((u) => /^00u[A-Za-z0-9]{17}$/.test(u.id)));
    assert.ok(seen.every((u) => Object.keys(u._links).join() === 'self'));
    assert.match(seen[0].created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  it('defaults limit to 200 and caps it there', async () => {
    const reply = await call(sim, 'GET', '/api/v1/users?limit=1000');
    assert.equal(reply.status, 200);
    assert.ok(!links(reply.headers.get('link')).next);
  });

  it('finds users by id, login and URL-encoded login', async () => {
    const byLogin = await call(sim, 'GET', `/api/v1/users/${encodeURIComponent('all.factors@example.com')}`);
    assert.equal(byLogin.status, 200);
    const byId = await call(sim, 'GET', `/api/v1/users/${byLogin.body.id}`);
    assert.equal(byId.body.profile.login, 'all.factors@example.com');
    assert.ok(byId.body._links.deactivate, 'full links on GET by id');
    assert.ok(byId.headers.get('etag'));
  });

  it('q matches name/email prefixes, defaults to 10 results, no next link, no DEPROVISIONED', async () => {
    const reply = await call(sim, 'GET', '/api/v1/users?q=Dora');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.length, 0, 'Dora Deprovisioned is left out');
    const penny = await call(sim, 'GET', '/api/v1/users?q=pend');
    assert.deepEqual(penny.body.map((u: any) => u.profile.login), ['pending.factors@example.com']);
    const all = await call(sim, 'GET', '/api/v1/users?q=');
    assert.equal(all.body.length, 10);
    assert.ok(!links(all.headers.get('link')).next);
  });

  it('filter supports eq with and/or and lastUpdated comparisons, echoed in the links', async () => {
    const reply = await call(sim, 'GET', `/api/v1/users?limit=3&filter=${encodeURIComponent('status eq "ACTIVE"')}`);
    assert.ok(reply.body.every((u: any) => u.status === 'ACTIVE'));
    const rels = links(reply.headers.get('link'));
    assert.match(rels.self, /filter=status\+eq\+%22ACTIVE%22/);
    assert.match(rels.next, /filter=status\+eq\+%22ACTIVE%22/);
    const either = await call(sim, 'GET', `/api/v1/users?filter=${encodeURIComponent('status eq "STAGED" or status eq "DEPROVISIONED"')}`);
    assert.deepEqual([...new Set(either.body.map((u: any) => u.status))].sort(), ['DEPROVISIONED', 'STAGED']);
    const login = await call(sim, 'GET', `/api/v1/users?filter=${encodeURIComponent('profile.login eq "locked.out@example.com" and status eq "LOCKED_OUT"')}`);
    assert.equal(login.body.length, 1);
    const recent = await call(sim, 'GET', `/api/v1/users?filter=${encodeURIComponent('lastUpdated gt "2025-01-01T00:00:00.000Z"')}`);
    assert.ok(recent.body.length > 0);
    assert.ok(recent.body.every((u: any) => u.lastUpdated > '2025-01-01T00:00:00.000Z'));
  });

  it('search supports eq, sw and co, case-insensitively, and includes DEPROVISIONED', async () => {
    const sw = await call(sim, 'GET', `/api/v1/users?search=${encodeURIComponent('profile.lastName sw "deprov"')}`);
    assert.deepEqual(sw.body.map((u: any) => u.status), ['DEPROVISIONED']);
    const co = await call(sim, 'GET', `/api/v1/users?search=${encodeURIComponent('profile.email co "factors" and status eq "ACTIVE"')}`);
    assert.deepEqual(co.body.map((u: any) => u.profile.login).sort(), ['all.factors@example.com', 'no.factors@example.com', 'pending.factors@example.com']);
  });

  it('rejects invalid filter and search expressions with 400', async () => {
    for (const query of ['filter=status%20sw%20%22A%22', 'filter=not%20status%20eq%20%22ACTIVE%22', 'search=profile.login%20eq', 'search=(status%20eq%20%22ACTIVE%22']) {
      const reply = await call(sim, 'GET', `/api/v1/users?${query}`);
      assertOktaError(reply, 400, 'E0000031');
    }
  });

  it('creates users (activate=false -> STAGED) and refuses duplicate logins', async () => {
    const created = await call(sim, 'POST', '/api/v1/users?activate=false', { profile: { firstName: 'New', lastName: 'Person', email: 'new.person@example.com', login: 'new.person@example.com' } });
    assert.equal(created.status, 200);
    assert.equal(created.body.status, 'STAGED');
    const again = await call(sim, 'POST', '/api/v1/users', { profile: { email: 'new.person@example.com', login: 'new.person@example.com' } });
    assertOktaError(again, 400, 'E0000001');
  });
});
