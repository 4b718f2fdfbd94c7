// One System Log event as the MFA activity of a user lists it: what happened in words ("Google
// Authenticator activated", "SMS verify failed"), when, the outcome and Okta's reason, who did it and
// from which client. Pure and free of `vscode`. Only named fields are read: of `debugContext` just
// the factor's name, never the rest (request URIs, ids, whatever Okta adds there).
import type { LogEntity, LogEvent, UserFactor } from '../okta/models';
import { factorTypeLabel } from '../factors/names';
import { factorLabelOfLogName, factorNameInReason, isLogFactorName } from './logFactorNames';

/** How the outcome reads at a glance (the words are always shown too). */
export type OutcomeTone = 'success' | 'failure' | 'other';

export interface ActivityEntry {
  /** The event's uuid. */
  id: string;
  /** ISO 8601 as Okta published it; empty when the event had none. */
  published: string;
  eventType: string;
  /** "Google Authenticator activated", "SMS verify failed", "SMS verification code sent"... */
  what: string;
  /** SUCCESS, FAILURE, ... as Okta wrote it (UNKNOWN when the event has none). */
  outcome: string;
  tone: OutcomeTone;
  /** Okta's reason (INVALID_CREDENTIALS...), unless it only names the factor. */
  reason?: string;
  /** "Chrome on Mac OS X · 10.0.0.1", "okta-sdk-nodejs/7.1.0 · 127.0.0.1". */
  client?: string;
  /** The raw User-Agent, when the client line above shows less of it. */
  userAgent?: string;
  /** Who did it: "Ann Lee (ann@example.com)", "Service app 0oa…". */
  actor?: string;
  /** The factor the event is about, when it names one. */
  factorLabel?: string;
  /** INFO, WARN... */
  severity: string;
}

interface Wording {
  /** What the event is about; `factor` is the factor's label when the event names one. */
  subject: (factor: string | undefined) => string;
  done: string;
  failed: string;
  /** The factor an event of this type is about whatever it names (the sends). */
  factor?: Pick<UserFactor, 'factorType' | 'provider'>;
}

const factorOr = (fallback: string) => (factor: string | undefined) => factor ?? fallback;
const fixed = (subject: string) => () => subject;

/** The event types the activity asks for, and how each reads (facts doc §2, the event-type catalogue). */
const WORDING: Record<string, Wording> = {
  'user.mfa.factor.activate': { subject: factorOr('A factor'), done: 'activated', failed: 'activation failed' },
  'user.mfa.factor.deactivate': { subject: factorOr('A factor'), done: 'unenrolled', failed: 'unenroll failed' },
  'user.mfa.factor.reset_all': { subject: fixed('All factors'), done: 'reset', failed: 'reset failed' },
  'user.mfa.factor.update': { subject: factorOr('A factor'), done: 'updated', failed: 'update failed' },
  'user.mfa.factor.suspend': { subject: factorOr('A factor'), done: 'suspended', failed: 'suspend failed' },
  'user.mfa.factor.unsuspend': { subject: factorOr('A factor'), done: 'unsuspended', failed: 'unsuspend failed' },
  'user.authentication.auth_via_mfa': { subject: factorOr('MFA'), done: 'verified', failed: 'verify failed' },
  // Classic's own event for a push the user rejected (its outcome is FAILURE).
  'user.mfa.okta_verify.deny_push': { subject: fixed('Okta Verify push'), done: 'denied by the user', failed: 'denied by the user' },
  'user.mfa.attempt_bypass': { subject: fixed('MFA bypass'), done: 'attempted', failed: 'attempt failed' },
  'system.sms.send_factor_verify_message': {
    subject: fixed('SMS verification code'), done: 'sent', failed: 'not sent', factor: { factorType: 'sms', provider: 'OKTA' },
  },
  'system.voice.send_mfa_challenge_call': {
    subject: fixed('Verification call'), done: 'placed', failed: 'not placed', factor: { factorType: 'call', provider: 'OKTA' },
  },
  'system.email.send_factor_verify_message': {
    subject: fixed('Verification email'), done: 'sent', failed: 'not sent', factor: { factorType: 'email', provider: 'OKTA' },
  },
  'system.push.send_factor_verify_push': {
    subject: fixed('Okta Verify push'), done: 'sent', failed: 'not sent', factor: { factorType: 'push', provider: 'OKTA' },
  },
  // An enrollment's code: the catalogue's phone-verification types.
  'system.sms.send_phone_verification_message': {
    subject: fixed('SMS enrollment code'), done: 'sent', failed: 'not sent', factor: { factorType: 'sms', provider: 'OKTA' },
  },
  'system.voice.send_phone_verification_call': {
    subject: fixed('Enrollment call'), done: 'placed', failed: 'not placed', factor: { factorType: 'call', provider: 'OKTA' },
  },
};

/** Every event type that has words of its own (the activity's query asks for them all). */
export const WORDED_EVENT_TYPES: readonly string[] = Object.keys(WORDING);

const SUCCESS_RESULTS = new Set(['SUCCESS', 'ALLOW']);
const FAILURE_RESULTS = new Set(['FAILURE', 'DENY']);

/** A value worth showing: real events write "UNKNOWN", "Unknown" or the string "null" for none. */
function known(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' || /^(unknown|null)$/i.test(text) ? undefined : text;
}

function toneOf(outcome: string): OutcomeTone {
  return SUCCESS_RESULTS.has(outcome) ? 'success' : FAILURE_RESULTS.has(outcome) ? 'failure' : 'other';
}

/**
 * The factor the event is about: the one its reason names, else the factor name in debugData,
 * else the type's own factor (a send), else the Identity Engine enrollment target's name.
 */
function factorLabelOf(event: LogEvent, wording: Wording | undefined): string | undefined {
  const reasonName = factorNameInReason(known(event.outcome?.reason) ?? '');
  if (reasonName) return factorLabelOfLogName(reasonName);
  const debugName = event.debugContext?.debugData?.factor;
  if (isLogFactorName(debugName)) return factorLabelOfLogName(debugName);
  if (wording?.factor) return factorTypeLabel(wording.factor);
  const enrollment = event.target?.find((t) => t.type === 'AuthenticatorEnrollment');
  return known(enrollment?.displayName);
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** At most `max` characters, cut with an ellipsis. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "Chrome on Mac OS X · 10.0.0.1" (browser and OS when Okta recognised them, else the User-Agent itself), and the raw User-Agent. */
function clientOf(event: LogEvent): Pick<ActivityEntry, 'client' | 'userAgent'> {
  const userAgent = event.client?.userAgent ?? undefined;
  const raw = known(userAgent?.rawUserAgent);
  const browser = known(userAgent?.browser);
  const os = known(userAgent?.os);
  const agent = browser ? [titleCase(browser), os && `on ${os}`].filter(Boolean).join(' ') : raw && shorten(raw, 60);
  const client = [agent, known(event.client?.ipAddress)].filter(Boolean).join(' · ');
  return { ...(client ? { client } : {}), ...(raw && raw !== agent ? { userAgent: shorten(raw, 500) } : {}) };
}

function actorOf(actor: LogEntity | undefined): string | undefined {
  if (!actor) return undefined;
  const name = known(actor.displayName);
  const alternate = known(actor.alternateId);
  // A service app acting through the API (recorded events name it PublicClientAppEntity).
  if (actor.type === 'PublicClientAppEntity') return `Service app ${alternate ?? name ?? known(actor.id) ?? ''}`.trim();
  if (name && alternate && name !== alternate) return `${name} (${alternate})`;
  return name ?? alternate ?? known(actor.id);
}

function whatOf(event: LogEvent, wording: Wording | undefined, factorLabel: string | undefined, outcome: string): string {
  if (!wording) {
    // A type the activity has no words for: Okta's own message, naming the factor when it does.
    const message = known(event.displayMessage) ?? known(event.eventType) ?? 'Unnamed event';
    return factorLabel ? `${message} (${factorLabel})` : message;
  }
  const subject = wording.subject(factorLabel);
  const tone = toneOf(outcome);
  if (tone === 'success') return `${subject} ${wording.done}`;
  if (tone === 'failure') return `${subject} ${wording.failed}`;
  return `${subject}: ${outcome.toLowerCase().replace(/_/g, ' ')}`;
}

/** The entry of one event. */
export function activityEntry(event: LogEvent): ActivityEntry {
  const eventType = known(event.eventType) ?? '';
  const wording = Object.hasOwn(WORDING, eventType) ? WORDING[eventType] : undefined;
  const outcome = known(event.outcome?.result)?.toUpperCase() ?? 'UNKNOWN';
  const factorLabel = factorLabelOf(event, wording);
  const reason = known(event.outcome?.reason);
  const actor = actorOf(event.actor);
  const published = known(event.published) ?? '';
  return {
    id: known(event.uuid) ?? `${published}/${eventType}`,
    published,
    eventType,
    what: whatOf(event, wording, factorLabel, outcome),
    outcome,
    tone: toneOf(outcome),
    ...(reason && !factorNameInReason(reason) ? { reason: shorten(reason, 255) } : {}),
    ...clientOf(event),
    ...(actor ? { actor } : {}),
    ...(factorLabel ? { factorLabel } : {}),
    severity: known(event.severity) ?? 'INFO',
  };
}
