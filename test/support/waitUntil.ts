// Bounded polling for what a test cannot await directly (a message shown, a request made, a page
// redrawn): no fixed sleeps, and a timeout that names what never came.
export interface WaitOptions {
  /** How long to keep trying; the exthost suites pass less than mocha's 20 s test timeout so this message wins. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `condition` until it gives a truthy value, and returns that value. A condition that throws
 * (a locator on a page still loading) is tried again; its last error is in the timeout's message.
 */
export async function waitUntil<T>(
  what: string,
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 200 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
