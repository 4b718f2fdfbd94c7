// The Users calls a tree view needs (list with q/filter/search and cursor paging, get by id/login/me)
// against the official contract, including the Link headers of every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningSimulator, DEMO_ADMIN_LOGIN, startSimulator } from '../../sim';
import { ContractClient } from './openapi/contractClient';
import { parseLinkHeader } from './openapi/responseHeaders';

let sim: RunningSimulator;
let api: ContractClient;

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
  api = new ContractClient(sim.url, `SSWS ${sim.token}`);
});

after(async () => {
  await sim?.close();
});

/** Path and decoded query of a URL (`+` and `%20` are the same space). */
function requestOf(href: string): { path: string; query: [string, string][] } {
  const url = new URL(href);
  return { path: url.pathname, query: [...url.searchParams.entries()].sort() };
}

/** Follows `Link rel="next"` from `firstPath`; checks `self` on every page. */
async function collectPages(firstPath: string): Promise<{ users: any[]; pages: number }> {
  const users: any[] = [];
  let path: string | undefined = firstPath;
  let pages = 0;
  while (path) {
    const page = await api.call('GET', path);
    pages++;
    const links = parseLinkHeader(page.headers.get('link'));
    assert.deepEqual(requestOf(links.self), requestOf(sim.url + path), 'rel="self" is the requested page');
    assert.ok(Array.isArray(page.body));
    for (const user of page.body) assert.deepEqual(Object.keys(user._links), ['self'], 'list items carry only the self link');
    users.push(...page.body);
    if (links.next) {
      const next = new URL(links.next);
      assert.equal(next.origin, sim.url);
      assert.ok(next.searchParams.get('after'), 'rel="next" carries an after cursor');
      path = next.pathname + next.search;
    } else {
      path = undefined;
    }
    assert.ok(pages < 100, 'paging does not end');
  }
  return { users, pages };
}

describe('listUsers', () => {
  test('pages of 7 with Link self/next cover exactly the single-page listing', async () => {
    const single = await api.call('GET', '/api/v1/users?limit=200');
    assert.equal(parseLinkHeader(single.headers.get('link')).next, undefined, 'one page holds everyone');
    const { users, pages } = await collectPages('/api/v1/users?limit=7');
    assert.ok(pages >= 5, `only ${pages} pages`);
    assert.deepEqual(users.map((u) => u.id), single.body.map((u: any) => u.id));
    assert.equal(new Set(users.map((u) => u.id)).size, users.length, 'no user appears twice');
    assert.ok(users.every((u) => u.status !== 'DEPROVISIONED'), 'a plain list omits DEPROVISIONED users');
  });

  test('filter and search page too and keep their query in the links', async () => {
    const filter = `/api/v1/users?filter=${encodeURIComponent('status eq "ACTIVE"')}&limit=4`;
    const active = await collectPages(filter);
    assert.ok(active.pages > 1);
    assert.ok(active.users.every((u) => u.status === 'ACTIVE'));
    const search = `/api/v1/users?search=${encodeURIComponent('status eq "DEPROVISIONED"')}&limit=2`;
    const gone = await collectPages(search);
    assert.ok(gone.users.length > 0 && gone.users.every((u) => u.status === 'DEPROVISIONED'));
  });

  test('a search without sortBy lists by ascending id, page after page (recorded from real orgs)', async () => {
    const search = `/api/v1/users?search=${encodeURIComponent('status pr')}`;
    const single = (await api.call('GET', `${search}&limit=200`)).body.map((u: any) => u.id);
    const ascending = (ids: string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byId = ascending(single);
    assert.deepEqual(single, byId);
    const created = await api.call('POST', '/api/v1/users', { body: { profile: { email: 'late@example.com', login: 'late@example.com' } } });
    const { users } = await collectPages(`${search}&limit=6`);
    assert.deepEqual(users.map((u) => u.id), ascending([...byId, created.body.id]),
      'a user created after the first listing takes its place by id, not at the end');
  });

  test('q answers one page without a next link', async () => {
    const found = await api.call('GET', '/api/v1/users?q=al');
    assert.equal(parseLinkHeader(found.headers.get('link')).next, undefined);
    assert.ok(found.body.length > 0 && found.body.length <= 10);
  });

  test('a bad search, filter, limit or cursor answers 400 (undeclared by the contract, known from real orgs)', async () => {
    const cases: [string, string][] = [
      [`search=${encodeURIComponent('profile.login eq')}`, 'E0000031'],
      [`filter=${encodeURIComponent('not status eq "ACTIVE"')}`, 'E0000031'],
      ['limit=0', 'E0000001'],
      ['after=bm90LWEtY3Vyc29y', 'E0000001'],
    ];
    for (const [query, errorCode] of cases) {
      const bad = await api.call('GET', `/api/v1/users?${query}`);
      assert.equal(bad.status, 400, query);
      assert.equal(bad.body.errorCode, errorCode, query);
      assert.deepEqual(bad.check.interpretations, ['list-users-bad-query-400']);
    }
  });
});

describe('getUser', () => {
  test('by id, login and me: the full link set and an ETag', async () => {
    const byLogin = await api.call('GET', `/api/v1/users/${encodeURIComponent('all.factors@example.com')}`);
    const byId = await api.call('GET', `/api/v1/users/${byLogin.body.id}`);
    assert.deepEqual(byId.body, byLogin.body);
    assert.match(byId.headers.get('etag') ?? '', /^(W\/)?"[^"]+"$/);
    assert.ok(Object.keys(byId.body._links).length > 1, 'a single user carries lifecycle links');
    const me = await api.call('GET', '/api/v1/users/me');
    assert.equal(me.body.profile.login, DEMO_ADMIN_LOGIN);
  });

  test('every seeded user validates, whatever its status', async () => {
    const { users } = await collectPages(`/api/v1/users?search=${encodeURIComponent('id pr')}&limit=200`);
    const statuses = new Set<string>();
    for (const user of users) {
      statuses.add((await api.call('GET', `/api/v1/users/${user.id}`)).body.status);
    }
    assert.deepEqual([...statuses].sort(),
      ['ACTIVE', 'DEPROVISIONED', 'LOCKED_OUT', 'PASSWORD_EXPIRED', 'PROVISIONED', 'RECOVERY', 'STAGED', 'SUSPENDED']);
  });

  test('an unknown user answers 404 E0000007', async () => {
    const missing = await api.call('GET', '/api/v1/users/nobody@example.com');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.errorCode, 'E0000007');
  });
});

test('only the §11 user deviation may have been tolerated', () => {
  const rules = new Set(api.coverage.flatMap((e) => e.tolerated.map((t) => t.rule)));
  assert.ok([...rules].every((rule) => rule === 'user-second-email'), [...rules].join(', '));
  assert.ok(api.coverage.length > 50, 'the users calls were recorded');
});

test('an OAuth access token (Bearer) is accepted like the API token', async () => {
  const oauthOrg = await startSimulator({ seed: 'demo', accessTokens: ['contract-test-access-token'] });
  try {
    const bearer = new ContractClient(oauthOrg.url, 'Bearer contract-test-access-token', api.validator);
    const me = await bearer.call('GET', '/api/v1/users/me');
    assert.equal(me.body.profile.login, DEMO_ADMIN_LOGIN);
    assert.equal((await bearer.call('GET', `/api/v1/users/${me.body.id}/factors`)).status, 200);
  } finally {
    await oauthOrg.close();
  }
});
