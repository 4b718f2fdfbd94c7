// Combining cancellation signals: a call's own and its client's (or org's) work signal.

/** A signal aborted when any of the given ones is (with that one's reason); undefined for none. */
export function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length > 1 ? AbortSignal.any(present) : present[0];
}

/** Waits for shared work (one token request many callers wait on) until it settles or `signal` aborts this caller's wait. */
export function untilSettledOrAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, onAbort: (reason: unknown) => Error): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(onAbort(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort(signal.reason));
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
