// Caps how many requests one client has on the wire at once (Okta also enforces concurrent limits).
import { cancelledError } from '../errors';

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private capacity: number) {}

  /** Changes the cap; raising it lets waiting callers through at once. */
  setCapacity(capacity: number): void {
    this.capacity = Math.max(1, capacity);
    while (this.active < this.capacity && this.waiting.length) this.waiting.shift()?.();
  }

  /** Resolves when a slot is free; the caller must call `release()` exactly once afterwards. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError(signal.reason));
    if (this.active < this.capacity) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(cancelledError(signal?.reason));
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
