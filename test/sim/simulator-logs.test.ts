// GET /api/v1/logs as Okta's docs describe it: polling (persistence order, a next link on every page,
// each event once) and bounded requests (published order, finite), filter, q, limit, sortOrder,
// since/until and their refusals, the 90-day retention, the delay knob, its own rate-limit bucket, and
// who may read the log (the okta.logs.read scope; an admin without a role that reads it).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { follow, LOGS, LogTail, queryLog, type LogEventView } from './logHelpers';
import { apiCall, control, obtainToken, registerApp } from './oauthHelpers';
import { assertOktaError, call } from './simHelpers';

let sim: RunningSimulator;
const DAY_S = 24 * 3600;

before(async () => {
  sim = await startSimulator({ seed: 'empty', accessTokens: ['startup-bearer'] });
});

after(async () => {
  await sim?.close();
});

beforeEach(() => {
  sim.reset();
});

let counter = 0;
async function newUser(): Promise<{ id: string; login: string }> {
  const login = `log.query${++counter}@example.com`;
  const reply = await call(sim, 'POST', '/api/v1/users?activate=false', { profile: { firstName: 'Log', lastName: 'Query', email: login, login } });
  assert.equal(reply.status, 200, reply.text);
  return { id: reply.body.id, login };
}

const iso = (offsetSeconds = 0) => new Date(Date.parse(sim.control.clock().now) + offsetSeconds * 1000).toISOString();
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
const logins = (events: LogEventView[]) => events.map((e) => e.target[0].alternateId);

describe('polling requests', () => {
  test('an empty log still answers a self link echoing the query and a next link', async () => {
    const page = await queryLog(sim, 'limit=5&filter=eventType%20sw%20%22user.%22');
    assert.deepEqual(page.events, []);
    assert.equal(page.self, `${sim.url}${LOGS}?limit=5&filter=eventType+sw+%22user.%22`);
    assert.ok(page.next);
    const next = new URL(page.next);
    assert.equal(next.searchParams.get('limit'), '5');
    assert.equal(next.searchParams.get('filter'), 'eventType sw "user."');
    assert.ok(next.searchParams.get('after'));
    // Following it on an empty log: empty again, and again a next link.
    const again = await follow(sim, page.next);
    assert.deepEqual(again.events, []);
    assert.ok(again.next);
  });

  test('next links page through everything, then wait at the present: later events come once each', async () => {
    const first = await queryLog(sim, 'limit=2');
    const created = [await newUser(), await newUser(), await newUser()];
    const seen: LogEventView[] = [];
    let next = first.next!;
    for (let pages = 0; pages < 10; pages++) {
      const page = await follow(sim, next);
      assert.ok(page.next, 'every polling page has a next link');
      next = page.next;
      seen.push(...page.events);
      if (page.events.length === 0) break;
      assert.ok(page.events.length <= 2);
    }
    assert.deepEqual(logins(seen), created.map((u) => u.login));
    assert.equal(new Set(seen.map((e) => e.uuid)).size, seen.length);
    // Nothing new: the same position answers nothing.
    assert.deepEqual((await follow(sim, next)).events, []);
    const later = await newUser();
    const page = await follow(sim, next);
    assert.deepEqual(logins(page.events), [later.login]);
    assert.deepEqual((await follow(sim, page.next!)).events, []);
  });

  test('since bounds a polling request by persistence time; its next link carries the position, not since', async () => {
    await newUser();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const from = iso();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = await newUser();
    const page = await queryLog(sim, q({ since: from }));
    assert.deepEqual(logins(page.events), [after.login]);
    assert.equal(new URL(page.next!).searchParams.get('since'), null);
    // Without since, the last 7 days.
    assert.equal((await queryLog(sim)).events.length, 2);
  });
});

describe('bounded requests', () => {
  test('since and until: published order, no next link on the last page; DESCENDING reversed', async () => {
    const users = [await newUser(), await newUser(), await newUser()];
    const range = { since: iso(-60), until: iso(60) };
    const all = await queryLog(sim, q(range));
    assert.deepEqual(logins(all.events), users.map((u) => u.login));
    assert.equal(all.next, undefined);
    const published = all.events.map((e) => Date.parse(e.published));
    assert.deepEqual(published, [...published].sort((a, b) => a - b));

    const descending = await queryLog(sim, q({ ...range, sortOrder: 'DESCENDING' }));
    assert.deepEqual(logins(descending.events), users.map((u) => u.login).reverse());

    // Paged: two pages of 2 and 1, the second without a next link.
    const first = await queryLog(sim, q({ ...range, limit: 2 }));
    assert.equal(first.events.length, 2);
    const second = await follow(sim, first.next!);
    assert.deepEqual(logins([...first.events, ...second.events]), users.map((u) => u.login));
    assert.equal(second.next, undefined);
  });

  test('DESCENDING without until pins the until it used in its next link', async () => {
    for (let i = 0; i < 3; i++) await newUser();
    const first = await queryLog(sim, q({ sortOrder: 'DESCENDING', limit: 2 }));
    const next = new URL(first.next!);
    assert.ok(next.searchParams.get('until'));
    await newUser();
    const second = await follow(sim, first.next!);
    assert.equal(second.events.length, 1, 'an event logged after the first page is outside the pinned range');
    assert.equal(second.next, undefined);
  });
});

describe('filter and q', () => {
  test('SCIM operators on any field; target fields match any element of the array', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const match = async (filter: string) => logins((await queryLog(sim, q({ filter }))).events);
    assert.deepEqual(await match(`target.id eq "${a.id}"`), [a.login]);
    assert.deepEqual(await match(`target.id ne "${a.id}"`), [b.login]);
    assert.deepEqual(await match('eventType sw "user.lifecycle"'), [a.login, b.login]);
    assert.deepEqual(await match('event_type ew ".CREATE"'), [a.login, b.login], 'snake_case field, case-insensitive value');
    assert.deepEqual(await match(`target.alternateId co "${b.login.split('@')[0]}"`), [b.login]);
    assert.deepEqual(await match('target.type eq "User" and outcome.result eq "SUCCESS"'), [a.login, b.login]);
    assert.deepEqual(await match(`not (target.id eq "${a.id}") or (outcome.result eq "FAILURE")`), [b.login]);
    assert.deepEqual(await match('transaction.detail.requestApiTokenId pr'), [a.login, b.login]);
    assert.deepEqual(await match('outcome.reason pr'), []);
    assert.deepEqual(await match('authenticationContext.authenticationStep ge 0'), [a.login, b.login]);
  });

  test('refusals: published, [ ], an unknown operator or field, co on the request URL, a malformed expression', async () => {
    const refused = async (filter: string, status: number, code: string, summary: RegExp) => {
      const reply = await call(sim, 'GET', `${LOGS}?${q({ filter })}`);
      assertOktaError(reply, status, code);
      assert.match(reply.body.errorSummary, summary, filter);
    };
    await refused('published gt "2024-01-01T00:00:00Z"', 400, 'E0000053', /^field is not valid: published$/);
    await refused('target[type eq "User"]', 400, 'E0000053', /^Invalid filter .*The \[ \] operator is not supported at position 0\.$/);
    await refused('display_message eqq "Create okta user"', 400, 'E0000053',
      /^Invalid filter 'display_message eqq "Create okta user"': Unrecognized attribute operator 'eqq' at position 16\. Expected: eq,/);
    await refused('some_invalid_field eq "x"', 400, 'E0000053', /^field is not valid: some_invalid_field$/);
    await refused('debugContext.debugData.url co "/oauth/"', 400, 'E0000031',
      /^The supplied combination of operator and field is not currently supported\. Operator: co, Field: debugContext\.debugData\.url$/);
    await refused('eventType eq', 400, 'E0000053', /^Invalid filter 'eventType eq': Missing value after eventType eq at position 12\.$/);
    await refused('eventType eq user.session.start', 400, 'E0000053', /Unrecognized value 'user\.session\.start'/);
    await refused('(eventType eq "x"', 400, 'E0000053', /Missing closing parenthesis/);
  });

  test('q: every keyword must match a word of the event, case-insensitively; more than 10 or longer than 40 is refused', async () => {
    const [a] = [await newUser(), await newUser()];
    assert.deepEqual(logins((await queryLog(sim, q({ q: `${a.login} suspended` }))).events), []);
    assert.deepEqual(logins((await queryLog(sim, q({ q: `${a.login.toUpperCase()} okta` }))).events), [a.login]);
    assert.deepEqual(logins((await queryLog(sim, q({ q: 'log.query' }))).events), [], 'not a substring');
    const tooLong = await call(sim, 'GET', `${LOGS}?${q({ q: 'x'.repeat(41) })}`);
    assertOktaError(tooLong, 400, 'E0000001');
    assert.match(tooLong.body.errorSummary, /^Api validation failed: 'q': Freeform search cannot contain items longer than 40 characters\./);
    assertOktaError(await call(sim, 'GET', `${LOGS}?${q({ q: 'a b c d e f g h i j k' })}`), 400, 'E0000001');
  });
});

describe('parameters', () => {
  test('limit: default 100, 0 to 1000; anything else refused', async () => {
    for (let i = 0; i < 3; i++) await newUser();
    assert.equal((await queryLog(sim, 'limit=0')).events.length, 0);
    assert.equal((await queryLog(sim, 'limit=1')).events.length, 1);
    for (const limit of ['-1', '1001', 'ten', '2.5']) assertOktaError(await call(sim, 'GET', `${LOGS}?limit=${limit}`), 400, 'E0000001');
  });

  test('sortOrder, dates and cursors are checked', async () => {
    assertOktaError(await call(sim, 'GET', `${LOGS}?sortOrder=ascending`), 400, 'E0000001');
    const badDate = await call(sim, 'GET', `${LOGS}?until=yesterday`);
    assertOktaError(badDate, 400, 'E0000001');
    assert.equal(badDate.body.errorSummary,
      "Api validation failed: 'until': The date format in your query is not recognized. Please enter dates using ISO8601 string format. 'until': must be a valid date-time or empty.");
    assert.deepEqual(badDate.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary), [
      'until: The date format in your query is not recognized. Please enter dates using ISO8601 string format.',
      'until: must be a valid date-time or empty.',
    ]);
    assertOktaError(await call(sim, 'GET', `${LOGS}?after=not-a-cursor`), 400, 'E0000001');
    // A polling cursor does not serve a bounded request.
    const polling = new URL((await queryLog(sim)).next!).searchParams.get('after')!;
    assertOktaError(await call(sim, 'GET', `${LOGS}?${q({ after: polling, sortOrder: 'DESCENDING' })}`), 400, 'E0000001');
  });

  test('since over 180 days ago: 400 E0000053 in Okta\'s words; 179 days is fine', async () => {
    const old = await call(sim, 'GET', `${LOGS}?${q({ since: iso(-181 * DAY_S) })}`);
    assertOktaError(old, 400, 'E0000053');
    assert.equal(old.body.errorSummary, 'Invalid parameter: The since parameter is over 180 days prior to the current day.');
    assert.equal((await call(sim, 'GET', `${LOGS}?${q({ since: iso(-179 * DAY_S) })}`)).status, 200);
  });
});

describe('time', () => {
  test('events older than 90 days are no longer returned, to any request', async () => {
    const tail = await LogTail.open(sim);
    const user = await newUser();
    const since = iso(-60);
    sim.advanceClock(89 * DAY_S);
    assert.deepEqual(logins((await queryLog(sim, q({ since, until: iso() }))).events), [user.login]);
    sim.advanceClock(2 * DAY_S);
    assert.deepEqual((await queryLog(sim, q({ since, until: iso() }))).events, []);
    assert.deepEqual(await tail.take(), []);
  });

  test('the delay knob: events appear delaySeconds late, with their real published time, in persistence order', async () => {
    const settings = await control(sim, 'PUT', '/sim/logs/settings', { delaySeconds: 120 });
    assert.deepEqual(settings.body, { delaySeconds: 120, tokenOwnerMayReadLogs: true });
    const tail = await LogTail.open(sim);
    const late = await newUser();
    const lateAt = Date.parse(sim.control.clock().now);
    assert.deepEqual(await tail.take(), [], 'not visible yet');
    assert.deepEqual((await queryLog(sim, q({ since: iso(-60), until: iso(60) }))).events, [], 'bounded requests miss it too');

    sim.control.setLogSettings({ delaySeconds: 0 });
    sim.advanceClock(60);
    const prompt = await newUser();
    assert.deepEqual(logins(await tail.take()), [prompt.login]);
    sim.advanceClock(61);
    const [arrived, ...rest] = await tail.take();
    assert.deepEqual(rest, []);
    assert.equal(arrived.target[0].alternateId, late.login);
    assert.ok(Math.abs(Date.parse(arrived.published) - lateAt) < 1000, 'published is when it happened');
  });

  test('settings are checked, applied all or none, and reset with the org', async () => {
    assert.equal((await control(sim, 'PUT', '/sim/logs/settings', { delaySeconds: -1 })).status, 400);
    assert.equal((await control(sim, 'PUT', '/sim/logs/settings', { delaySeconds: 1.5 })).status, 400);
    assert.equal((await control(sim, 'PUT', '/sim/logs/settings', { tokenOwnerMayReadLogs: 'no' })).status, 400);
    assert.equal((await control(sim, 'PUT', '/sim/logs/settings', { delaySeconds: 5, colour: 'blue' })).status, 400);
    assert.deepEqual((await control(sim, 'GET', '/sim/logs/settings')).body, { delaySeconds: 0, tokenOwnerMayReadLogs: true });
    sim.control.setLogSettings({ delaySeconds: 30 });
    sim.reset();
    assert.deepEqual(sim.control.logSettings(), { delaySeconds: 0, tokenOwnerMayReadLogs: true });
  });
});

describe('who may read, and how often', () => {
  test('the log has its own bucket (120 a minute by default): its 429 leaves the users bucket alone', async () => {
    const first = await call(sim, 'GET', LOGS);
    assert.equal(first.headers.get('x-rate-limit-limit'), '120');
    sim.control.setRateLimits({ logsPerMinute: 2 });
    try {
      assert.equal((await call(sim, 'GET', LOGS)).status, 200);
      assert.equal((await call(sim, 'GET', LOGS)).status, 200);
      const limited = await call(sim, 'GET', LOGS);
      assertOktaError(limited, 429, 'E0000047');
      assert.equal(limited.headers.get('x-rate-limit-limit'), '2');
      const users = await call(sim, 'GET', '/api/v1/users');
      assert.equal(users.status, 200);
      assert.equal(users.headers.get('x-rate-limit-limit'), '600');
    } finally {
      sim.control.setRateLimits({ logsPerMinute: 120 });
    }
  });

  test('an admin without a role that reads the log: 403 E0000006 for the API token and the start-up Bearer tokens', async () => {
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    assertOktaError(await call(sim, 'GET', LOGS), 403, 'E0000006');
    assertOktaError(await call(sim, 'GET', LOGS, undefined, { Authorization: 'Bearer startup-bearer' }), 403, 'E0000006');
    assert.equal((await call(sim, 'GET', '/api/v1/users')).status, 200, 'other calls are unaffected');
  });

  test('service apps need okta.logs.read: without it the scope refusal, with it the log (and nothing more)', async () => {
    const usersOnly = await obtainToken(sim, await registerApp(sim, { scopes: ['okta.users.read'], requireDpop: false }), 'okta.users.read', false);
    const logsOnly = await obtainToken(sim, await registerApp(sim, { scopes: ['okta.logs.read'], requireDpop: false }), 'okta.logs.read', false);
    const refused = await apiCall(sim, usersOnly, 'GET', `${LOGS}?limit=5`);
    assertOktaError(refused, 403, 'E0000006');
    const challenge = refused.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /error="insufficient_scope"/);
    assert.match(challenge, /scope="okta\.logs\.read"/);
    const read = await apiCall(sim, logsOnly, 'GET', `${LOGS}?limit=5`);
    assert.equal(read.status, 200, read.text);
    assert.equal((await apiCall(sim, logsOnly, 'GET', '/api/v1/users')).status, 403);
    // The admin-role setting concerns the token owner only.
    sim.control.setLogSettings({ tokenOwnerMayReadLogs: false });
    assert.equal((await apiCall(sim, logsOnly, 'GET', LOGS)).status, 200);
  });
});
