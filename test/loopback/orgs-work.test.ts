// The registry owns each org's work: rate-limit state per org and credentials (a new token, or a
// removed and re-added org, starts fresh), a work signal that removal or a token change aborts, and
// the token check's request in the request log. Against a scripted loopback server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestLogEntry } from '../../src/okta/client';
import { isCancellation, OktaRateLimitError } from '../../src/okta/errors';
import { InMemoryKeyValueState } from '../../src/orgs/keyValueState';
import { OrgRegistry } from '../../src/orgs/orgRegistry';
import { ORGS_STATE_KEY } from '../../src/orgs/orgRecord';
import { credentialChecks } from '../../src/orgs/credentialChecks';
import { createOktaClient } from '../../src/orgs/oktaClientFactory';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { rejection } from './client-fixtures';
import { json, useScriptedServer, type Handler } from './scriptedServer';

const OWNER = { id: '00uowner', status: 'ACTIVE', profile: { login: 'owner@example.com' } };

const answer: Handler = (req, res) => json(res, 200, req.url === '/api/v1/users/me' ? OWNER : []);
/** A 200 that says the bucket is spent for a day: what a broken hop might send. */
const poisoned: Handler = (_r, res) => json(res, 200, [], {
  'X-Rate-Limit-Limit': '600', 'X-Rate-Limit-Remaining': '0',
  'X-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 86_400), Date: new Date().toUTCString(),
});

const server = useScriptedServer(answer);

function registry() {
  const state = new InMemoryKeyValueState();
  const secrets = new InMemorySecretStore();
  const created = new OrgRegistry({
    credentialChecks: async () => credentialChecks,
    state, secrets, createClient: (options) => createOktaClient({ ...options, maxRateLimitWaitMs: 1000 }),
  });
  return { state, secrets, registry: created };
}

describe('rate-limit state belongs to the org and its credentials', () => {
  it('a poisoned bucket does not survive Update Token, nor remove and re-add', async () => {
    const { registry: orgs } = registry();
    const { org } = await orgs.add({ url: server.origin, token: 'first-token-1111' });
    const spend = async () => {
      server.script = [poisoned];
      const client = await orgs.clientFor(org.id);
      await client.listFactors('u1');
      assert.ok(await rejection(client.listFactors('u1')) instanceof OktaRateLimitError, 'the poisoned bucket is held');
    };
    await spend();
    await orgs.updateToken(org.id, 'second-token-2222');
    assert.deepEqual(await (await orgs.clientFor(org.id)).listFactors('u1'), [], 'a new token starts fresh');

    await spend();
    await orgs.remove(org.id);
    const again = await orgs.add({ url: server.origin, token: 'second-token-2222' });
    assert.deepEqual(await (await orgs.clientFor(again.org.id)).listFactors('u1'), [], 're-added: fresh');
  });

  it('clients of one org and token share the state, whatever their hooks', async () => {
    const { registry: orgs } = registry();
    const { org } = await orgs.add({ url: server.origin, token: 'shared-token-3333' });
    server.script = [poisoned];
    await (await orgs.clientFor(org.id, { onRequest: () => undefined })).listFactors('u1');
    const other = await orgs.clientFor(org.id, { onRateLimit: () => undefined });
    assert.ok(await rejection(other.listFactors('u1')) instanceof OktaRateLimitError);
  });
});

describe('removing an org or changing its token ends its work', () => {
  it('remove aborts calls in flight, later calls fail at once unsent, and onDidRemoveOrg fires', async () => {
    const { registry: orgs } = registry();
    const { org } = await orgs.add({ url: server.origin, token: 'remove-token-4444' });
    const removed: string[] = [];
    orgs.onDidRemoveOrg(({ orgId }) => removed.push(orgId));
    const signal = orgs.workSignal(org.id);
    const client = await orgs.clientFor(org.id);
    server.script = [(_r, res) => setTimeout(() => json(res, 200, []), 2000)];
    const started = Date.now();
    const inFlight = rejection(client.listFactors('u1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await orgs.remove(org.id);
    assert.ok(isCancellation(await inFlight));
    assert.ok(Date.now() - started < 1500);
    assert.equal(signal.aborted, true);
    assert.deepEqual(removed, [org.id]);
    const count = server.seen.length;
    assert.ok(isCancellation(await rejection(client.getUser('me'))));
    assert.equal(server.seen.length, count, 'nothing sent after removal');
    assert.equal(orgs.workSignal(org.id).aborted, true, 'a removed org has no work to do');
  });

  it('Update Token aborts the old work signal; the new one is live', async () => {
    const { registry: orgs } = registry();
    const { org } = await orgs.add({ url: server.origin, token: 'update-token-5555' });
    const before = orgs.workSignal(org.id);
    await orgs.clientFor(org.id);
    await orgs.updateToken(org.id, 'update-token-6666');
    assert.equal(before.aborted, true);
    assert.ok(isCancellation(before.reason));
    assert.equal(orgs.workSignal(org.id).aborted, false);
    assert.deepEqual(await (await orgs.clientFor(org.id)).listFactors('u1'), []);
  });
});

describe('the token check', () => {
  it('its request reaches the hooks given to add and updateToken', async () => {
    const { registry: orgs } = registry();
    const log: RequestLogEntry[] = [];
    const { org } = await orgs.add({ url: server.origin, token: 'hooks-token-7777', hooks: { onRequest: (e) => log.push(e) } });
    await orgs.updateToken(org.id, 'hooks-token-8888', { hooks: { onRequest: (e) => log.push(e) } });
    assert.deepEqual(log.map((e) => `${e.method} ${e.path} ${e.status}`), ['GET /api/v1/users/me 200', 'GET /api/v1/users/me 200']);
  });

  it('cancelled while checking: a cancellation, not a connection error, and nothing stored', async () => {
    const { registry: orgs, state, secrets } = registry();
    server.script = [(_r, res) => setTimeout(() => json(res, 200, OWNER), 1500)];
    const controller = new AbortController();
    const adding = rejection(orgs.add({ url: server.origin, token: 'cancel-token-9999', signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await adding;
    assert.ok(isCancellation(error), String(error));
    assert.deepEqual(state.get(ORGS_STATE_KEY) ?? [], []);
    assert.deepEqual((await secrets.keys()).filter((k) => k.startsWith('okta.token/')), []);
  });
});
