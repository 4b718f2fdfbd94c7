// Runs a bulk plan: one unit of work per user, a few at a time (the client's throttle paces the
// requests, so more would only queue). A cancel starts no further unit; a unit already started is
// allowed to finish, so every user ends done, failed (with what was left) or untouched ("skipped:
// cancelled"). The summary lists all three; its failed units that a retry can help, and the units a
// cancel left untouched, can be run again. Free of `vscode`.
import { retryCanHelp } from './errorKinds';

/** One user's share of a bulk action. `run` may keep state, so a retry goes on from where it failed. */
export interface BulkUnit {
  orgId: string;
  userId: string;
  /** The user's login, for the summary and the log. */
  label: string;
  /**
   * Does the user's work; resolves to a short note of what was done ("3 factors unenrolled"). No
   * signal: a cancel never interrupts a started unit (the org's removal still stops its requests).
   */
  run(): Promise<string>;
}

export interface BulkFailure {
  unit: BulkUnit;
  /** Why, in the error's own words (never a secret: the service layer's errors carry none). */
  reason: string;
  error: unknown;
  /** False when Okta refused the step for what it is: running it again would be refused again. */
  retryable: boolean;
}

export interface BulkSummary {
  done: Array<{ unit: BulkUnit; note: string }>;
  failed: BulkFailure[];
  /** Units never started because the run was cancelled. */
  skipped: BulkUnit[];
}

export interface BulkProgress {
  /** Units finished (done or failed) so far. */
  finished: number;
  total: number;
  /** The unit that just finished, and how. */
  last: { unit: BulkUnit; outcome: 'done' | 'failed'; text: string };
}

export interface BulkRunOptions {
  /** Stops starting units; started ones finish. */
  cancel?: AbortSignal;
  /** Units at once (default 3, at least 1). */
  concurrency?: number;
  onProgress?(progress: BulkProgress): void;
}

const DEFAULT_CONCURRENCY = 3;

export async function runBulk(units: readonly BulkUnit[], options: BulkRunOptions = {}): Promise<BulkSummary> {
  const summary: BulkSummary = { done: [], failed: [], skipped: [] };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < units.length && !options.cancel?.aborted) {
      const unit = units[next++];
      let last: BulkProgress['last'];
      try {
        const note = await unit.run();
        summary.done.push({ unit, note });
        last = { unit, outcome: 'done', text: note };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        summary.failed.push({ unit, reason, error, retryable: retryCanHelp(error) });
        last = { unit, outcome: 'failed', text: reason };
      }
      options.onProgress?.({ finished: ++finished, total: units.length, last });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, units.length) }, worker));
  summary.skipped.push(...units.slice(next));
  // Plan order, whatever order the workers finished in.
  const order = new Map(units.map((unit, index) => [unit, index]));
  summary.done.sort((a, b) => order.get(a.unit)! - order.get(b.unit)!);
  summary.failed.sort((a, b) => order.get(a.unit)! - order.get(b.unit)!);
  return summary;
}

/** The failed units a retry can help, to run again (their state carries over). */
export function failedUnits(summary: BulkSummary): BulkUnit[] {
  return summary.failed.filter((failure) => failure.retryable).map((failure) => failure.unit);
}
