// "Sending" one-time codes: instead of a phone or mailbox, codes land in the simulated outbox and
// are emitted as 'outbox' events. Okta's per-address limits apply: one sms/call per 30 s, one email
// per 5 s.
import { notify, type SimContext } from '../context';
import { OktaError, oktaErrors } from '../errors';
import { isoSeconds, otpCode } from '../ids';
import { logCodeSent } from '../logs/events';
import type { Channel, OutboxMessage, SimFactor, SimUser } from '../model';
import { phoneKey } from './phoneNumbers';

const MIN_INTERVAL_MS: Record<Channel, number> = { sms: 30_000, call: 30_000, email: 5_000 };
/** Too-soon errors: sms and email have their own codes; call answers E0000047 as in the old docs. */
const TOO_SOON: Record<Channel, () => OktaError> = {
  sms: oktaErrors.smsTooSoon,
  call: oktaErrors.rateLimited,
  email: oktaErrors.emailTooSoon,
};

export const DEFAULT_CODE_LIFETIME_SECONDS = 300;

export interface DeliveryOptions {
  purpose: OutboxMessage['purpose'];
  lifetimeSeconds?: number;
  templateId?: string;
  locale?: string;
}

function addressOf(factor: SimFactor): string {
  return String(factor.factorType === 'email' ? factor.profile.email : factor.profile.phoneNumber);
}

/** Sends a fresh code for an sms/call/email factor and remembers it as the one to expect. */
export function sendCode(ctx: SimContext, user: SimUser, factor: SimFactor, options: DeliveryOptions): OutboxMessage {
  const channel = factor.factorType as Channel;
  const to = addressOf(factor);
  const now = ctx.now();
  // Per phone (however its number was written) or mailbox.
  const key = `${channel}:${channel === 'email' ? to : phoneKey(to)}`;
  const last = ctx.store.lastDelivery.get(key);
  if (last !== undefined && now - last < MIN_INTERVAL_MS[channel]) throw TOO_SOON[channel]();
  ctx.store.lastDelivery.set(key, now);
  const code = otpCode();
  const expiresAtMs = now + (options.lifetimeSeconds ?? DEFAULT_CODE_LIFETIME_SECONDS) * 1000;
  factor.pendingCode = { code, expiresAtMs };
  logCodeSent(ctx, user, factor, channel, options.purpose === 'verify');
  return deliver(ctx, {
    channel,
    to,
    code,
    userId: user.id,
    factorId: factor.id,
    sentAt: isoSeconds(now),
    expiresAt: isoSeconds(expiresAtMs),
    purpose: options.purpose,
    ...(options.templateId ? { templateId: options.templateId } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

export function deliver(ctx: SimContext, message: Omit<OutboxMessage, 'id'>): OutboxMessage {
  const stored = { id: `msg${ctx.store.outbox.length + 1}`, ...message };
  ctx.store.outbox.push(stored);
  notify(ctx, 'outbox', stored);
  return stored;
}

/** Checks a typed-back code; a match is consumed so it cannot be used twice. */
export function consumeCode(ctx: SimContext, factor: SimFactor, passCode: string): boolean {
  const pending = factor.pendingCode;
  if (!pending || pending.expiresAtMs < ctx.now() || pending.code !== passCode) return false;
  factor.pendingCode = undefined;
  return true;
}

/** `tokenLifetimeSeconds` must be 1-86400 (default 300). */
export function lifetimeSeconds(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 86400) {
    throw oktaErrors.validation('tokenLifetimeSeconds', 'tokenLifetimeSeconds: must be between 1 and 86400.');
  }
  return value;
}
