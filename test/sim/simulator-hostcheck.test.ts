// The request guard: a foreign Host (DNS rebinding) and a control request carrying Origin (a web
// page's cross-site POST) are refused before anything happens; normal calls go through.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';

interface RawReply {
  status: number;
  body: any;
}

/** node:http rather than fetch: fetch does not let a caller choose the Host header. */
function send(sim: RunningSimulator, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<RawReply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      { method, headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('simulator: request guard', () => {
  let sim: RunningSimulator;
  let port: string;
  let userId: string;
  let pushId: string;
  before(async () => {
    sim = await startSimulator({ seed: 'demo' });
    port = new URL(sim.url).port;
    const admin = await send(sim, 'GET', '/api/v1/users/me', { Authorization: `SSWS ${sim.token}` });
    userId = admin.body.id;
    const factors = await send(sim, 'GET', `/api/v1/users/${userId}/factors`, { Authorization: `SSWS ${sim.token}` });
    pushId = factors.body.find((f: { factorType: string }) => f.factorType === 'push').id;
  });
  after(() => sim.close());

  it('refuses a foreign Host on API and control requests with 421 and a clear error', async () => {
    sim.control.resetRequestCounts();
    for (const host of [`evil.example.com:${port}`, 'evil.example.com', `127.0.0.1:${Number(port) + 1}`, `127.0.0.1.nip.io:${port}`]) {
      const api = await send(sim, 'GET', '/api/v1/users', { Host: host, Authorization: `SSWS ${sim.token}` });
      assert.equal(api.status, 421, host);
      assert.equal(api.body.error, `Host must be 127.0.0.1:${port} or localhost:${port}.`);
      const reset = await send(sim, 'POST', '/sim/reset', { Host: host }, { seed: 'empty' });
      assert.equal(reset.status, 421, host);
    }
    assert.equal(sim.control.requestCounts().total, 0, 'refused API calls are not even counted');
    assert.equal((await send(sim, 'GET', '/api/v1/users/demo.admin@example.com', { Authorization: `SSWS ${sim.token}` })).status, 200, 'the reset was refused: the demo seed is still there');
  });

  it('refuses control requests that carry an Origin header, whatever it says', async () => {
    for (const origin of ['https://evil.example.com', 'null', sim.url]) {
      const approve = await send(sim, 'POST', `/sim/users/${userId}/factors/${pushId}/push/approve`, { Origin: origin }, {});
      assert.equal(approve.status, 403, origin);
      assert.match(approve.body.error, /Origin header present/);
      assert.equal((await send(sim, 'GET', '/sim/outbox', { Origin: origin })).status, 403, origin);
    }
    assert.equal((await send(sim, 'POST', '/sim/clock', { Origin: 'https://evil.example.com' }, { advanceSeconds: 60 })).status, 403);
    assert.equal((await send(sim, 'GET', '/sim/clock', {})).body.offsetSeconds, 0, 'the refused clock change did not happen');
  });

  it('serves normal calls with Host 127.0.0.1:<port> or localhost:<port> and no Origin', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      assert.equal((await send(sim, 'GET', '/api/v1/users/me', { Host: host, Authorization: `SSWS ${sim.token}` })).status, 200, host);
      assert.equal((await send(sim, 'GET', '/sim/clock', { Host: host })).status, 200, host);
    }
    // API requests may carry an Origin (only Host matters there); auth still applies.
    assert.equal((await send(sim, 'GET', '/api/v1/users/me', { Origin: 'https://evil.example.com', Authorization: `SSWS ${sim.token}` })).status, 200);
    assert.equal((await send(sim, 'GET', '/api/v1/users/me', {})).status, 401);
    const fromFetch = await fetch(`${sim.url}/sim/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(fromFetch.status, 204, 'Node fetch sends no Origin, so tests keep working');
  });
});
