// The FactorService against the simulator over real HTTP: each workflow's outcome, its guard, the
// cooldown and push state it owns, the change events the tree relies on, and an org's removal
// stopping its work with no secret left behind.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startSimulator } from '../../sim';
import { TotpAuthenticator } from '../../src/authenticator/totpAuthenticator';
import type { FactorChange, FactorService, FactorServiceDeps } from '../../src/factors/factorService';
import type { PushVerifications } from '../../src/factors/pushVerifications';
import { FactorStateError, ResendCooldownError } from '../../src/factors/outcomes';
import type { FactorRef, UserRef } from '../../src/factors/targets';
import { isCancellation } from '../../src/okta/errors';
import type { OktaUser, UserFactor } from '../../src/okta/models';
import { InMemorySecretStore } from '../../src/orgs/secretStore';
import { factorWorkflows, type FactorWorkflows } from '../support/factorWorkflows';
import { createUser, recordingClient, SimHttpControl, type Simulator } from './client-fixtures';

const ORG = 'org-1';
let sim: Simulator;
let control: SimHttpControl;
let service: FactorService;
let pushes: PushVerifications;
let workflows: FactorWorkflows;
let totp: TotpAuthenticator;
let changes: FactorChange[];
let user: OktaUser;
let counter = 0;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty' });
  control = new SimHttpControl(sim.url);
});
after(() => sim.close());

beforeEach(async () => {
  const { client } = recordingClient(sim);
  const secrets = new InMemorySecretStore();
  totp = new TotpAuthenticator(secrets);
  workflows = factorWorkflows(async () => client, { totp });
  ({ factors: service, pushes } = workflows);
  changes = [];
  service.onDidChange((change) => changes.push(change));
  counter++;
  user = (await createUser(sim, `service.user${counter}@example.com`, { mobilePhone: `+1-555-030-${1000 + counter}` })) as OktaUser;
});

const ref = (): UserRef => ({ orgId: ORG, user });
const factorRef = (factor: UserFactor): FactorRef => ({ orgId: ORG, user, factor });

describe('enroll and activate', () => {
  test('sms: a passcode step with the cooldown started; a wrong code is an outcome; the right one activates', async () => {
    const { factor, activation } = await service.enroll(ref(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: `+1-555-030-${1000 + counter}` } }, {});
    assert.equal(activation.kind, 'passcode');
    assert.ok(service.resendWaitSeconds(factorRef(factor)) > 25, 'enrolling sent a code, so the cooldown runs');
    assert.deepEqual(changes, [{ orgId: ORG, userId: user.id }]);
    const wrong = await service.activate(factorRef(factor), '000000');
    assert.equal(wrong.kind, 'wrong-passcode');
    const code = await control.code(user.id, factor.id);
    const right = await service.activate(factorRef(factor), code);
    assert.equal(right.kind, 'active');
    assert.equal(changes.length, 2, 'the activation announced the change');
  });

  test('TOTP: the secret goes to the built-in authenticator, which activates the factor', async () => {
    const { factor, activation } = await service.enroll(ref(), { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
    assert.equal(activation.kind, 'totp');
    assert.ok(await totp.has(ORG, user.id, factor.id));
    const outcome = await service.activateWithAuthenticator(factorRef(factor));
    assert.equal(outcome.kind, 'active');
  });

  test('an action the factor does not allow is refused before any request', async () => {
    const { factor } = await service.enroll(ref(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: `+1-555-030-${1000 + counter}` } }, {});
    await assert.rejects(service.verify(factorRef(factor), { passCode: '123456' }), FactorStateError);
    await assert.rejects(service.unenroll(factorRef(factor)), FactorStateError, 'a pending factor allows only GET');
    const factorPath = `/api/v1/users/${user.id}/factors/${factor.id}`;
    assert.equal(sim.control.requestCount('POST', `${factorPath}/verify`) + sim.control.requestCount('DELETE', factorPath), 0);
  });
});

describe('push activation', () => {
  test('the QR image is fetched with the org\'s credentials; the link can be sent by SMS', async () => {
    const { factor, activation } = await service.enroll(ref(), { factorType: 'push', provider: 'OKTA' }, {});
    assert.ok(activation.kind === 'push');
    const qr = await service.pushActivationQrCode(factorRef(factor), activation.activation);
    assert.equal(qr?.contentType, 'image/png');
    assert.deepEqual([...(qr?.data.slice(0, 4) ?? [])], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
    const phone = `+1-555-030-${1000 + counter}`;
    const step = await service.sendPushActivationLink(factorRef(factor), activation.activation, 'sms', phone);
    assert.equal(step.kind, 'pending');
    const sent = (await control.outbox({ userId: user.id, factorId: factor.id })).filter((m) => m.purpose === 'activation-link');
    assert.deepEqual(sent.map((m) => [m.channel, m.to]), [['sms', phone]]);
  });
});

describe('resend', () => {
  test('refused locally during the cooldown, with the seconds left; nothing sent', async () => {
    const { factor } = await service.enroll(ref(), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: `+1-555-030-${1000 + counter}` } }, {});
    const sent = (await control.outbox({ userId: user.id })).length;
    await assert.rejects(service.resend(factorRef(factor)), (err: unknown) => err instanceof ResendCooldownError && err.secondsLeft > 0);
    assert.equal((await control.outbox({ userId: user.id })).length, sent);
  });
});

describe('verify', () => {
  test('a wrong TOTP code is a WRONG_CODE outcome, not an error', async () => {
    const { factor } = await service.enroll(ref(), { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
    const active = await service.activateWithAuthenticator(factorRef(factor));
    assert.ok(active.kind === 'active');
    const outcome = await service.verify(factorRef(active.factor), { passCode: '000000' });
    assert.equal(outcome.factorResult, 'WRONG_CODE');
    assert.equal(outcome.verdict, 'failure');
  });

  test('a push is followed until cancel() stops it; its transaction is remembered', async () => {
    const { factor } = await service.enroll(ref(), { factorType: 'push', provider: 'OKTA' }, {});
    const [challenge] = (await control.pushChallenges()).filter((c) => c.factorId === factor.id);
    await control.push(user.id, factor.id, 'approve', challenge?.transactionId);
    const active = (await service.listFactors(ref())).find((f) => f.id === factor.id)!;
    assert.equal(active.status, 'ACTIVE');
    let waiting = 0;
    const verifying = pushes.verify(factorRef(active), {}, { intervalMs: 30, onProgress: (r) => { if (r.factorResult === 'WAITING') waiting++; } });
    for (let i = 0; i < 100 && waiting === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(pushes.isWaiting(factorRef(active)));
    assert.ok(pushes.lastTransaction(factorRef(active))?.transactionId);
    assert.equal(await pushes.cancel(factorRef(active)), 'cancelled');
    const outcome = await verifying;
    assert.equal(outcome.stoppedByCancel, true);
    assert.equal(pushes.isWaiting(factorRef(active)), false);
  });
});

describe('unenroll and org removal', () => {
  test('unenroll deletes the factor, forgets its secret and announces the change', async () => {
    const { factor } = await service.enroll(ref(), { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
    const active = await service.activateWithAuthenticator(factorRef(factor));
    assert.ok(active.kind === 'active');
    changes.length = 0;
    await service.unenroll(factorRef(active.factor));
    assert.equal(await totp.has(ORG, user.id, factor.id), false);
    assert.equal((await service.listFactors(ref())).some((f) => f.id === factor.id), false);
    assert.deepEqual(changes, [{ orgId: ORG, userId: user.id }]);
  });

  test('a Custom TOTP secret written while its org is removed is not kept', async () => {
    // The org goes away while the built-in authenticator writes the secret (after Okta enrolled the factor).
    const removing = factorWorkflows(async () => recordingClient(sim).client, {
      totp: {
        ...bound(totp),
        rememberCustomTotp: async (...args: Parameters<TotpAuthenticator['rememberCustomTotp']>) => {
          await removing.endOrg(ORG);
          await totp.rememberCustomTotp(...args);
        },
      },
    });
    const [profile] = await removing.factors.customTotpProfiles(ORG);
    const { factor } = await removing.factors.enroll(ref(), {
      factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: profile.id, profile: { sharedSecret: '484f97be3213b117e3a20438e291540a' },
    }, { activate: true });
    assert.equal(await totp.has(ORG, user.id, factor.id), false, 'no secret of the removed org is kept');
  });

  test('ending the org aborts a TOTP enrollment in flight and keeps no secret', async () => {
    await control.addFault({ path: `/api/v1/users/${user.id}/factors`, method: 'POST', kind: 'latency', latencyMs: 400, count: 1 });
    const enrolling = service.enroll(ref(), { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
    await new Promise((r) => setTimeout(r, 100));
    await workflows.endOrg(ORG);
    await assert.rejects(enrolling, (err: unknown) => isCancellation(err));
    const kept = await Promise.all((await service.listFactors(ref())).map((f) => totp.has(ORG, user.id, f.id)));
    assert.ok(kept.every((has) => !has), 'no secret of the removed org is kept');
  });
});

/** The authenticator's methods the workflows use, bound to it (to replace one of them in a test). */
function bound(authenticator: TotpAuthenticator): FactorServiceDeps['totp'] {
  return {
    remember: authenticator.remember.bind(authenticator),
    rememberCustomTotp: authenticator.rememberCustomTotp.bind(authenticator),
    has: authenticator.has.bind(authenticator),
    forget: authenticator.forget.bind(authenticator),
    forgetOrg: authenticator.forgetOrg.bind(authenticator),
    currentCode: authenticator.currentCode.bind(authenticator),
    otpauthUri: authenticator.otpauthUri.bind(authenticator),
    factorsWithSecrets: authenticator.factorsWithSecrets.bind(authenticator),
  };
}
