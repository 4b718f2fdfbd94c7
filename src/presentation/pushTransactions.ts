// The last push verification started from this extension, per factor, so "Check push transaction"
// can offer it instead of asking the user to paste an id. In memory only: transactions expire in minutes.
import { factorKey } from './factorKey';

export interface RecordedPushTransaction {
  transactionId: string;
  startedAt: Date;
}

const lastByFactor = new Map<string, RecordedPushTransaction>();

/** Called by whoever starts a push verification (the verify panel) with the new transaction id. */
export function recordPushTransaction(orgId: string, userId: string, factorId: string, transactionId: string): void {
  lastByFactor.set(factorKey(orgId, userId, factorId), { transactionId, startedAt: new Date() });
}

export function lastPushTransaction(orgId: string, userId: string, factorId: string): RecordedPushTransaction | undefined {
  return lastByFactor.get(factorKey(orgId, userId, factorId));
}
