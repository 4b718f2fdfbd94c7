// The client's work signal (OktaClientOptions.signal, the registry's "this org's work"): aborting it
// cancels calls on the wire and calls still queued, and any later call fails at once, unsent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OktaClient } from '../../src/okta/client';
import { isCancellation } from '../../src/okta/errors';
import { rejection } from './client-fixtures';
import { json, useScriptedServer } from './scriptedServer';

const server = useScriptedServer((_r, res) => setTimeout(() => json(res, 200, []), 1500));

test('aborting the work signal cancels in-flight and queued calls; later calls fail at once, unsent', async () => {
  const work = new AbortController();
  const client = new OktaClient({ orgUrl: server.origin, token: 'work-token-1234', maxConcurrent: 1, signal: work.signal });
  const inFlight = rejection(client.listFactors('u1'));
  const queued = rejection(client.listFactors('u2'));
  // The first request also loads axios: wait (bounded) until it is on the wire.
  for (let i = 0; i < 100 && server.seen.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(server.seen.length, 1, 'one on the wire, one queued');
  const started = Date.now();
  work.abort(new Error('the org was removed'));
  for (const error of await Promise.all([inFlight, queued])) assert.ok(isCancellation(error), String(error));
  assert.ok(Date.now() - started < 1000, 'did not wait for the slow answer');

  const later = await rejection(client.getUser('me'));
  assert.ok(isCancellation(later));
  assert.equal(server.seen.length, 1, 'nothing sent after the abort');
});
