// Combining cancellation signals: a call's own and its client's (or org's) work signal.

/** A signal aborted when any of the given ones is (with that one's reason); undefined for none. */
export function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length > 1 ? AbortSignal.any(present) : present[0];
}
