// The bulk actions as plans for runBulk: one unit per user, each going through the FactorService
// (so the client's throttle paces it) with the user's announcements held until the unit ends, so
// the tree reloads each user once. A unit keeps what it has done, so a retry goes on from there.
// Free of `vscode`.
import type { UserFactor } from '../okta/models';
import { factorTypeLabel, plural } from './names';
import type { BulkUnit } from './bulkWork';
import { isNotFound } from './errorKinds';
import type { FactorChanges } from './factorChanges';
import type { FactorService } from './factorService';
import type { FactorRef, UserRef } from './targets';

export type BulkFactorService = Pick<FactorService, 'unenroll' | 'resetFactors' | 'enroll' | 'activateWithAuthenticator' | 'listFactors' | 'getFactor'>
  & { changes: Pick<FactorChanges, 'asOneChange'> };

/** The same factor for every selected user. */
export type BulkEnrollment =
  /** Each user's own `profile.email`; `activate` enrolls it active (Okta sends nothing), else a code goes out. */
  | { kind: 'email'; activate: boolean }
  /** One question and answer for all. */
  | { kind: 'question'; question: string; answer: string }
  /** Google Authenticator, activated with the built-in authenticator, which keeps each user's secret. */
  | { kind: 'google-totp' }
  /** A software passkey per user, made and kept by the built-in authenticator, activated at once. */
  | { kind: 'passkey' };

/** A unit that failed part-way: the message says what was done before. */
export class BulkStepError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'BulkStepError';
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function unitOf(ref: UserRef, service: BulkFactorService, run: () => Promise<string>): BulkUnit {
  return {
    orgId: ref.orgId,
    userId: ref.user.id,
    label: ref.user.profile.login,
    run: () => service.changes.asOneChange(ref.orgId, ref.user.id, run),
  };
}

/** One unit per user, in the order the users first appear; a factor listed twice is unenrolled once. */
export function unenrollPlan(service: BulkFactorService, targets: readonly FactorRef[]): BulkUnit[] {
  const byUser = new Map<string, { ref: UserRef; factors: Map<string, UserFactor> }>();
  for (const target of targets) {
    const key = `${target.orgId}/${target.user.id}`;
    const entry = byUser.get(key) ?? { ref: { orgId: target.orgId, user: target.user }, factors: new Map() };
    entry.factors.set(target.factor.id, target.factor);
    byUser.set(key, entry);
  }
  return [...byUser.values()].map(({ ref, factors }) => {
    const left = [...factors.values()];
    const total = left.length;
    return unitOf(ref, service, async () => {
      while (left.length > 0) {
        const factor = left[0];
        try {
          await service.unenroll({ ...ref, factor });
        } catch (err) {
          // Gone already (unenrolling Okta Verify push removes its TOTP too): that is the goal.
          if (!isNotFound(err)) {
            const before = total - left.length;
            throw new BulkStepError(`${factorTypeLabel(factor)}: ${messageOf(err)} (${before} of ${plural(total, 'factor')} unenrolled before it)`, { cause: err });
          }
        }
        left.shift();
      }
      return `${plural(total, 'factor')} unenrolled`;
    });
  });
}

export function resetPlan(service: BulkFactorService, users: readonly UserRef[]): BulkUnit[] {
  return users.map((ref) => unitOf(ref, service, async () => {
    await service.resetFactors(ref);
    return 'factors reset';
  }));
}

export function enrollPlan(service: BulkFactorService, users: readonly UserRef[], enrollment: BulkEnrollment): BulkUnit[] {
  return users.map((ref) => {
    switch (enrollment.kind) {
      case 'email':
        return enrollOnceUnit(service, ref, 'email', () => enrollEmail(service, ref, enrollment.activate));
      case 'question':
        return enrollOnceUnit(service, ref, 'question', async () => {
          await service.enroll(ref, { factorType: 'question', provider: 'OKTA', profile: { question: enrollment.question, answer: enrollment.answer } }, {});
          return 'security question enrolled';
        });
      case 'google-totp':
        return googleTotpUnit(service, ref);
      case 'passkey':
        return enrollOnceUnit(service, ref, 'webauthn', () => enrollPasskey(service, ref));
    }
  });
}

/**
 * One enrollment per user. A retry first reads what the org has: when the earlier try was carried
 * out but its answer lost, the factor is there, and the user is done (said as it is), not failed.
 */
function enrollOnceUnit(service: BulkFactorService, ref: UserRef, factorType: 'email' | 'question' | 'webauthn', enroll: () => Promise<string>): BulkUnit {
  let tried = false;
  return unitOf(ref, service, async () => {
    if (tried) {
      // A passkey counts once active: a pending one is what an earlier refusal left behind.
      const existing = (await service.listFactors(ref)).find((f) => f.factorType === factorType && (factorType !== 'webauthn' || f.status === 'ACTIVE'));
      if (existing) return `${factorTypeLabel(existing)} found enrolled (${statusWords(existing)}): the earlier try was carried out`;
    }
    tried = true;
    return enroll();
  });
}

/** A passkey is activated as it is enrolled; one left pending says why (the org refused the software passkey...). */
async function enrollPasskey(service: BulkFactorService, ref: UserRef): Promise<string> {
  const { factor, activation } = await service.enroll(ref, { factorType: 'webauthn', provider: 'FIDO' }, {});
  if (factor.status === 'ACTIVE') return 'passkey enrolled and activated';
  const why = activation.kind === 'failed' ? messageOf(activation.error) : 'it stays pending activation';
  throw new Error(`Passkey enrolled but pending activation: ${why}`);
}

async function enrollEmail(service: BulkFactorService, ref: UserRef, activate: boolean): Promise<string> {
  const email = ref.user.profile.email;
  if (!email) throw new Error('The user has no email address in their profile.');
  const { factor } = await service.enroll(ref, { factorType: 'email', provider: 'OKTA', profile: { email } }, { activate });
  return factor.status === 'ACTIVE' ? `email ${email} enrolled, active` : `email ${email} enrolled, a code was sent to activate it`;
}

const GOOGLE_TOTP = (f: UserFactor) => f.factorType === 'token:software:totp' && f.provider === 'GOOGLE';

/**
 * Enroll, then activate with the kept secret; a retry goes on from where the last try stopped, after
 * reading what the org has (an answer may have been lost after Okta carried the step out).
 */
function googleTotpUnit(service: BulkFactorService, ref: UserRef): BulkUnit {
  let pending: FactorRef | undefined;
  let tried = false;
  return unitOf(ref, service, async () => {
    if (tried && !pending) {
      const found = (await service.listFactors(ref)).find(GOOGLE_TOTP);
      // Enrolled, its answer lost: its secret never reached the extension.
      if (found?.status === 'ACTIVE') return 'Google Authenticator found active; its secret was not kept here (the enroll answer was lost)';
      if (found) await service.unenroll({ ...ref, factor: found }); // pending without a kept secret: enroll it afresh
    }
    tried = true;
    if (!pending) {
      const { factor, activation } = await service.enroll(ref, { factorType: 'token:software:totp', provider: 'GOOGLE' }, {});
      if (activation.kind === 'done') return 'Google Authenticator enrolled, active';
      if (activation.kind !== 'totp') {
        const why = activation.kind === 'failed' ? messageOf(activation.error) : 'Okta sent no secret to keep';
        throw new Error(`Google Authenticator enrolled but pending activation: ${why}`);
      }
      pending = { ...ref, factor };
    } else {
      const current = await service.getFactor(pending);
      if (current.status === 'ACTIVE') {
        pending = undefined;
        return 'Google Authenticator enrolled and activated (found active: the earlier activation was carried out)';
      }
    }
    let outcome;
    try {
      outcome = await service.activateWithAuthenticator(pending);
    } catch (err) {
      throw new BulkStepError(`Google Authenticator enrolled but pending activation: ${messageOf(err)}`, { cause: err });
    }
    if (outcome.kind !== 'active') {
      const why = outcome.kind === 'too-many-attempts' ? 'too many activation attempts, retry after 5 minutes'
        : outcome.kind === 'wrong-passcode' ? outcome.message : `Okta answered ${outcome.factorResult}`;
      throw new Error(`Google Authenticator enrolled but pending activation: ${why}`);
    }
    pending = undefined;
    return 'Google Authenticator enrolled and activated';
  });
}

function statusWords(factor: UserFactor): string {
  return factor.status.toLowerCase().replace(/_/g, ' ');
}
