// Registering service apps: the control endpoints (/sim/service-apps), the startSimulator option and
// the CLI flag, what a registration refuses, keys added and removed, resets, and the demo seed's app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { exportJWK } from 'jose';
import { DEMO_SERVICE_APP_CLIENT_ID, startSimulator, type RunningSimulator } from '../../sim';
import { assertion, control, keyPair, obtainToken, postToken, registerApp, tokenForm, type TestApp } from './oauthHelpers';

let sim: RunningSimulator;

before(async () => {
  sim = await startSimulator({ seed: 'demo' });
});

after(async () => {
  await sim?.close();
});

const SCOPES = ['okta.users.read'];

describe('POST /sim/service-apps refuses what Okta would not accept as an app key', () => {
  const refused = async (body: unknown, message: RegExp) => {
    const reply = await control(sim, 'POST', '/sim/service-apps', body);
    assert.equal(reply.status, 400, reply.text);
    assert.match(reply.body.error, message);
  };

  test('private keys, unsupported key types, weak RSA keys', async () => {
    const ec = await keyPair('ES256');
    await refused({ clientId: 'a1', jwks: { keys: [await exportJWK(ec.privateKey)] }, scopes: SCOPES }, /must be a public key/);
    await refused({ clientId: 'a1', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }] }, scopes: SCOPES }, /not supported/);
    await refused({ clientId: 'a1', jwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }] }, scopes: SCOPES }, /P-256/);
    await refused({ clientId: 'a1', jwks: { keys: [{ kty: 'RSA', n: Buffer.alloc(128, 1).toString('base64url'), e: 'AQAB' }] }, scopes: SCOPES }, /2048 bits/);
    await refused({ clientId: 'a1', jwks: { keys: [{ ...ec.publicJwk, alg: 'RS256' }] }, scopes: SCOPES }, /used with ES256/);
    await refused({ clientId: 'a1', jwks: { keys: [{ ...ec.publicJwk, use: 'enc' }] }, scopes: SCOPES }, /"use"/);
    await refused({ clientId: 'a1', jwks: { keys: [{ ...ec.publicJwk, x: 'bm90LWEtcG9pbnQ' }] }, scopes: SCOPES }, /not a valid ES256 public key/);
  });

  test('bad client ids, scopes, key sets and flags', async () => {
    const { publicJwk } = await keyPair('ES256');
    await refused({ clientId: 'has space', jwks: [publicJwk], scopes: SCOPES }, /clientId/);
    await refused({ jwks: [publicJwk], scopes: SCOPES }, /clientId/);
    await refused({ clientId: 'a1', jwks: [publicJwk], scopes: [] }, /scopes/);
    await refused({ clientId: 'a1', jwks: [publicJwk], scopes: ['two words'] }, /scopes/);
    await refused({ clientId: 'a1', jwks: { keys: [] }, scopes: SCOPES }, /at least one key/);
    await refused({ clientId: 'a1', jwks: [{ ...publicJwk, kid: 'k' }, { ...publicJwk, kid: 'k' }], scopes: SCOPES }, /already has a key with kid/);
    await refused({ clientId: 'a1', jwks: [publicJwk], scopes: SCOPES, requireDpop: 'yes' }, /requireDpop/);
    assert.ok(!(await control(sim, 'GET', '/sim/service-apps')).body.some((app: { clientId: string }) => app.clientId === 'a1'));
  });
});

describe('managing apps and their keys', () => {
  test('an app is listed with its public keys, requires DPoP unless told otherwise, and can be removed', async () => {
    const { publicJwk } = await keyPair('ES256');
    const created = await control(sim, 'POST', '/sim/service-apps', { clientId: 'managed-1', jwks: [publicJwk], scopes: SCOPES });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { clientId: 'managed-1', scopes: SCOPES, requireDpop: true, keys: [publicJwk] });
    assert.ok((await control(sim, 'GET', '/sim/service-apps')).body.some((app: { clientId: string }) => app.clientId === 'managed-1'));
    assert.equal((await control(sim, 'DELETE', '/sim/service-apps/managed-1')).status, 204);
    assert.equal((await control(sim, 'DELETE', '/sim/service-apps/managed-1')).status, 404);
  });

  test('a key added later signs assertions; once removed it no longer does (key rotation)', async () => {
    const app = await registerApp(sim, { requireDpop: false });
    const next = await keyPair('RS256');
    const added = await control(sim, 'POST', `/sim/service-apps/${app.clientId}/keys`, { ...next.publicJwk, kid: 'next' });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.body.keys.length, 2);
    const withNext: TestApp = { ...app, key: next, kid: 'next' };
    assert.equal((await postToken(sim, tokenForm(await assertion(sim, withNext)))).status, 200);
    assert.equal((await control(sim, 'DELETE', `/sim/service-apps/${app.clientId}/keys/${app.kid}`)).status, 204);
    assert.equal((await postToken(sim, tokenForm(await assertion(sim, app)))).body.error, 'invalid_client');
    assert.equal((await postToken(sim, tokenForm(await assertion(sim, withNext)))).status, 200);
    assert.equal((await control(sim, 'POST', '/sim/service-apps/nobody/keys', next.publicJwk)).status, 404);
    const duplicate = await control(sim, 'POST', `/sim/service-apps/${app.clientId}/keys`, { ...next.publicJwk, kid: 'next' });
    assert.equal(duplicate.status, 400);
  });

  test('a reset forgets apps registered by control and the tokens issued', async () => {
    const app = await registerApp(sim, { requireDpop: false });
    const token = await obtainToken(sim, app, 'okta.users.read', false);
    sim.reset();
    assert.ok(!(await control(sim, 'GET', '/sim/service-apps')).body.some((a: { clientId: string }) => a.clientId === app.clientId));
    const reply = await fetch(`${sim.url}/api/v1/users`, { headers: { Authorization: `Bearer ${token.accessToken}` } });
    assert.equal(reply.status, 401);
  });
});

describe('the demo seed has a service app', () => {
  test('listed with the Okta API scopes and DPoP; registering your own key makes it usable', async () => {
    const demo = (await control(sim, 'GET', '/sim/service-apps')).body.find((a: { clientId: string }) => a.clientId === DEMO_SERVICE_APP_CLIENT_ID);
    assert.deepEqual(demo.scopes, ['okta.users.read', 'okta.users.manage']);
    assert.equal(demo.requireDpop, true);
    assert.ok(demo.keys.every((k: object) => !('d' in k)));
    const key = await keyPair('ES256');
    assert.equal((await control(sim, 'POST', `/sim/service-apps/${DEMO_SERVICE_APP_CLIENT_ID}/keys`, { ...key.publicJwk, kid: 'mine' })).status, 201);
    const token = await obtainToken(sim, { clientId: DEMO_SERVICE_APP_CLIENT_ID, key, kid: 'mine' });
    assert.equal(token.tokenType, 'DPoP');
  });

  test('the empty seed has none', async () => {
    sim.reset('empty');
    try {
      assert.deepEqual((await control(sim, 'GET', '/sim/service-apps')).body, []);
    } finally {
      sim.reset('demo');
    }
  });
});

describe('apps given at start', () => {
  test('the serviceApps option registers apps that survive resets; a bad one stops the start', async () => {
    const key = await keyPair('ES256');
    const own = await startSimulator({ seed: 'empty', serviceApps: [{ clientId: 'startup-1', jwks: [{ ...key.publicJwk, kid: 's' }], scopes: SCOPES, requireDpop: false }] });
    try {
      own.reset();
      const reply = await postToken(own, tokenForm(await assertion(own, { clientId: 'startup-1', key, kid: 's' }), 'okta.users.read'));
      assert.equal(reply.status, 200, reply.text);
    } finally {
      await own.close();
    }
    await assert.rejects(startSimulator({ serviceApps: [{ clientId: 'bad', jwks: [], scopes: SCOPES }] }), /at least one key/);
  });

  test('the --service-app CLI flag', async () => {
    const key = await keyPair('RS256');
    const spec = JSON.stringify({ clientId: 'cli-1', jwks: { keys: [{ ...key.publicJwk, kid: 'c' }] }, scopes: SCOPES, requireDpop: false });
    const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cli.ts', '--port', '0', '--seed', 'empty', '--service-app', spec], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the CLI did not start within 20 s')), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          const match = /listening on (\S+)/.exec(chunk.toString());
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const cliSim = { url } as RunningSimulator;
      const reply = await postToken(cliSim, tokenForm(await assertion(cliSim, { clientId: 'cli-1', key, kid: 'c' }), 'okta.users.read'));
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.token_type, 'Bearer');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
