// Identity Engine (the default) versus Classic Engine in the Factors API: auto-enrolled email and
// recovery-question factors, Okta Verify companions and the one-enrollment rule, the enrollment
// policy's catalog, reset_factors, plus the engine switch on startSimulator and the CLI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type OrgEngine, type RunningSimulator } from '../../sim';
import { assertOktaError, call } from './simHelpers';

const kinds = (factors: { factorType: string; provider: string; status: string }[]) =>
  factors.map((f) => `${f.factorType}/${f.provider}/${f.status}`).sort();

describe('simulator engines', () => {
  const sims: Record<OrgEngine, RunningSimulator> = {} as never;
  let n = 0;
  /** A fresh ACTIVE user created through the API, optionally with a recovery question. */
  const newUser = async (engine: OrgEngine, recovery?: { question: string; answer: string }) => {
    n++;
    const reply = await call(sims[engine], 'POST', '/api/v1/users?activate=true', {
      profile: { firstName: 'Eve', lastName: `Engine${n}`, email: `eve.engine${n}@example.com`, login: `eve.engine${n}@example.com` },
      credentials: { password: { value: 'Sup3r-secret!' }, ...(recovery ? { recovery_question: recovery } : {}) },
    });
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  };
  const factorsOf = async (engine: OrgEngine, userId: string) => (await call(sims[engine], 'GET', `/api/v1/users/${userId}/factors`)).body;

  before(async () => {
    sims.identity = await startSimulator({ seed: 'empty' });
    sims.classic = await startSimulator({ seed: 'empty', engine: 'classic' });
  });
  after(() => Promise.all(Object.values(sims).map((s) => s.close())));
  beforeEach(() => Object.values(sims).forEach((s) => s.reset()));

  it('startSimulator defaults to Identity Engine; an unknown engine is refused', async () => {
    assert.equal(sims.identity.engine, 'identity');
    assert.equal(sims.classic.engine, 'classic');
    await assert.rejects(startSimulator({ engine: 'hybrid' as never }), /Unknown engine "hybrid"/);
  });

  it('Identity: a user created active lists an ACTIVE email factor with the primary email; Classic lists none', async () => {
    const ie = await newUser('identity');
    const [email, ...rest] = await factorsOf('identity', ie.id);
    assert.deepEqual(rest, []);
    assert.equal(email.factorType, 'email');
    assert.equal(email.provider, 'OKTA');
    assert.equal(email.status, 'ACTIVE');
    assert.deepEqual(email.profile, { email: ie.profile.email });
    assert.match(email.id, /^emf/);
    assert.deepEqual(email._links.self.hints.allow, ['GET', 'DELETE']);
    const classic = await newUser('classic');
    assert.deepEqual(await factorsOf('classic', classic.id), []);
    // A staged user has not been activated: nothing is auto-enrolled.
    const staged = await call(sims.identity, 'POST', '/api/v1/users?activate=false', { profile: { email: 's@example.com', login: 's@example.com' } });
    assert.deepEqual(await factorsOf('identity', staged.body.id), []);
  });

  it('Identity: the recovery question is listed as a question factor that verifies; Classic keeps it a credential', async () => {
    const recovery = { question: 'Who was your first teacher?', answer: 'Ms Lovelace' };
    const ie = await newUser('identity', recovery);
    assert.deepEqual(ie.credentials.recovery_question, { question: recovery.question });
    const question = (await factorsOf('identity', ie.id)).find((f: { factorType: string }) => f.factorType === 'question');
    assert.equal(question.status, 'ACTIVE');
    assert.equal(question.profile.questionText, recovery.question);
    const verify = `/api/v1/users/${ie.id}/factors/${question.id}/verify`;
    assertOktaError(await call(sims.identity, 'POST', verify, { answer: 'wrong' }), 403, 'E0000068');
    assert.deepEqual((await call(sims.identity, 'POST', verify, { answer: 'ms lovelace' })).body, { factorResult: 'SUCCESS' });
    assert.ok((await call(sims.identity, 'GET', `/api/v1/users/${ie.id}/factors/${question.id}`)).body.lastVerified);

    const classic = await newUser('classic', recovery);
    assert.deepEqual(classic.credentials.recovery_question, { question: recovery.question });
    assert.deepEqual(await factorsOf('classic', classic.id), []);
  });

  it('Identity: reset_factors keeps the recovery question; a second call removes it', async () => {
    const ie = await newUser('identity', { question: 'Favourite colour?', answer: 'teal-blue' });
    const reset = () => call(sims.identity, 'POST', `/api/v1/users/${ie.id}/lifecycle/reset_factors`);
    assert.equal((await reset()).status, 200);
    assert.deepEqual(kinds(await factorsOf('identity', ie.id)), ['question/OKTA/ACTIVE']);
    await reset();
    assert.deepEqual(await factorsOf('identity', ie.id), []);
  });

  for (const engine of ['identity', 'classic'] as OrgEngine[]) {
    it(`${engine}: activating Okta Verify push ${engine === 'identity' ? 'also enrolls its TOTP and FastPass' : 'enrolls push only'}`, async () => {
      const sim = sims[engine];
      const user = await newUser(engine);
      const push = (await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' })).body;
      assert.equal(push.status, 'PENDING_ACTIVATION');
      assert.match(push._links.poll.href, /\/lifecycle\/activate\/poll$/);
      const before = kinds(await factorsOf(engine, user.id));
      sim.approvePush(user.id, push.id);
      const factors = await factorsOf(engine, user.id);
      const base = engine === 'identity' ? ['email/OKTA/ACTIVE'] : [];
      assert.deepEqual(before, [...base, 'push/OKTA/PENDING_ACTIVATION'].sort());
      if (engine === 'classic') {
        assert.deepEqual(kinds(factors), ['push/OKTA/ACTIVE']);
        return;
      }
      assert.deepEqual(kinds(factors), [...base, 'push/OKTA/ACTIVE', 'signed_nonce/OKTA/ACTIVE', 'token:software:totp/OKTA/ACTIVE'].sort());
      const totp = factors.find((f: { factorType: string }) => f.factorType === 'token:software:totp');
      const { code } = sim.currentCode(user.id, totp.id);
      assert.deepEqual((await call(sim, 'POST', `/api/v1/users/${user.id}/factors/${totp.id}/verify`, { passCode: code })).body, { factorResult: 'SUCCESS' });
      const fastPass = factors.find((f: { factorType: string }) => f.factorType === 'signed_nonce');
      assert.deepEqual(Object.keys(fastPass._links).sort(), ['self', 'user']);
      // Removing push removes the whole Okta Verify enrollment.
      assert.equal((await call(sim, 'DELETE', `/api/v1/users/${user.id}/factors/${push.id}`)).status, 204);
      assert.deepEqual(kinds(await factorsOf(engine, user.id)), base);
    });

    it(`${engine}: a second Okta Verify enrollment is ${engine === 'identity' ? 'refused' : 'allowed'}`, async () => {
      const sim = sims[engine];
      const user = await newUser(engine);
      const push = (await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' })).body;
      const totp = await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'token:software:totp', provider: 'OKTA' });
      if (engine === 'classic') {
        assert.equal(totp.status, 200);
        assert.equal(totp.body.status, 'PENDING_ACTIVATION');
        return;
      }
      assertOktaError(totp, 400, 'E0000001');
      assert.match(totp.body.errorCauses[0].errorSummary, /Okta Verify is already set up/);
      sim.approvePush(user.id, push.id);
      assertOktaError(await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' }), 400, 'E0000001');
      // Google Authenticator is another app: still allowed.
      assert.equal((await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'token:software:totp', provider: 'GOOGLE' })).status, 200);
    });

    it(`${engine}: the catalog offers what the enrollment policy allows`, async () => {
      const sim = sims[engine];
      const user = await newUser(engine);
      const catalog = (await call(sim, 'GET', `/api/v1/users/${user.id}/factors/catalog`)).body;
      const offered = catalog.map((e: { factorType: string; provider: string }) => `${e.factorType}/${e.provider}`);
      assert.equal(offered.includes('u2f/FIDO'), engine === 'classic');
      assert.ok(offered.includes('webauthn/FIDO') && offered.includes('token:hotp/CUSTOM'));
      assert.equal(offered.includes('signed_nonce/OKTA'), false);
      const email = catalog.find((e: { factorType: string }) => e.factorType === 'email');
      assert.equal(email.status, engine === 'identity' ? 'ACTIVE' : 'NOT_SETUP');
      const u2f = await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'u2f', provider: 'FIDO' });
      if (engine === 'identity') {
        assertOktaError(u2f, 400, 'E0000001');
        assert.equal(u2f.body.errorCauses[0].errorSummary, 'Factor not enabled.');
      } else {
        assert.equal(u2f.status, 200);
      }
    });
  }

  it('a successful push verify sets lastVerified', async () => {
    const sim = sims.classic;
    const user = await newUser('classic');
    const push = (await call(sim, 'POST', `/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' })).body;
    sim.approvePush(user.id, push.id);
    const path = `/api/v1/users/${user.id}/factors/${push.id}`;
    await call(sim, 'POST', `${path}/verify`, {});
    assert.equal((await call(sim, 'GET', path)).body.lastVerified, undefined, 'waiting is not verified');
    sim.approvePush(user.id, push.id);
    assert.match((await call(sim, 'GET', path)).body.lastVerified, /\.000Z$/);
  });

  it('an unknown push transaction answers 404 E0000191 with the catalogue summary', async () => {
    const sim = sims.identity;
    const user = await newUser('identity');
    const email = (await factorsOf('identity', user.id))[0];
    const reply = await call(sim, 'GET', `/api/v1/users/${user.id}/factors/${email.id}/transactions/v2mst.unknown`);
    assertOktaError(reply, 404, 'E0000191');
    assert.equal(reply.body.errorSummary, 'Verification timed out. Please try again.');
  });
});

describe('simulator rate-limit buckets for /users/me and the org factor profiles', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ seed: 'empty', rateLimits: { userMePerMinute: 2, userByIdPerMinute: 5, usersPerMinute: 7, apiPerMinute: 3 } });
  });
  after(() => sim.close());

  it('GET /users/me has its own bucket; the profiles count against the generic /api/v1 bucket', async () => {
    const me = await call(sim, 'GET', '/api/v1/users/me');
    assert.equal(me.headers.get('x-rate-limit-limit'), '2');
    const byId = await call(sim, 'GET', `/api/v1/users/${me.body.id}`);
    assert.equal(byId.headers.get('x-rate-limit-limit'), '5');
    assert.equal(byId.headers.get('x-rate-limit-remaining'), '4', '/users/me did not spend the by-id bucket');
    await call(sim, 'GET', '/api/v1/users/me');
    assertOktaError(await call(sim, 'GET', '/api/v1/users/me'), 429, 'E0000047');
    assert.equal((await call(sim, 'GET', `/api/v1/users/${me.body.id}`)).status, 200);
    const list = await call(sim, 'GET', '/api/v1/users');
    assert.equal(list.headers.get('x-rate-limit-limit'), '7');
    const profiles = await call(sim, 'GET', '/api/v1/org/factors/hotp/profiles');
    assert.equal(profiles.headers.get('x-rate-limit-limit'), '3');
    assert.equal(profiles.headers.get('x-rate-limit-remaining'), '2');
  });
});

describe('npm run sim -- --engine', () => {
  /** Starts the CLI, waits (bounded) for its listening line, returns the URL and the process. */
  async function startCli(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cli.ts', '--port', '0', '--seed', 'empty', '--token', 'cli-token', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    const lines = createInterface({ input: child.stdout });
    try {
      for await (const line of lines) {
        const match = /^Okta simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (match) return { url: match[1], child };
      }
      throw new Error('the simulator exited without listening');
    } finally {
      clearTimeout(timer);
    }
  }
  const newUserFactors = async (url: string) => {
    const headers = { Authorization: 'SSWS cli-token', 'Content-Type': 'application/json', Accept: 'application/json' };
    const user = await (await fetch(`${url}/api/v1/users`, { method: 'POST', headers,
      body: JSON.stringify({ profile: { email: 'c@example.com', login: 'c@example.com' }, credentials: { password: { value: 'Sup3r-secret!' } } }) })).json() as { id: string };
    return (await (await fetch(`${url}/api/v1/users/${user.id}/factors`, { headers })).json()) as { factorType: string }[];
  };

  for (const [args, expected] of [[[], ['email']], [['--engine', 'classic'], []], [['--engine', 'identity'], ['email']]] as [string[], string[]][]) {
    it(`${args.join(' ') || '(default)'} prints the listening line and runs that engine`, async () => {
      const { url, child } = await startCli(args);
      try {
        assert.deepEqual((await newUserFactors(url)).map((f) => f.factorType), expected);
      } finally {
        child.kill();
        await once(child, 'exit');
      }
    });
  }

  it('an unknown engine exits with a message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cli.ts', '--engine', 'hybrid'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill(), 20_000);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    clearTimeout(timer);
    assert.equal(code, 1);
    assert.match(stderr, /Unknown engine "hybrid"/);
  });
});
