// A timer that an AbortSignal can cut short (waits for rate limits, backoff and push polling); the
// caller says what a cut-short wait rejects with.

export function abortableDelay(ms: number, signal: AbortSignal | undefined, onAbort: (reason: unknown) => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort(signal.reason));
      return;
    }
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', abort, { once: true });
  });
}
