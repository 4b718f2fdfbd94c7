// A task run at most once per interval: requests in between fold into one run at the end of the
// interval (a file saved every few seconds while changes trickle in, not once per change). Runs
// never overlap, so the last one started is the last one to finish. The task handles its own errors.

export class ThrottledTask {
  private timer?: ReturnType<typeof setTimeout>;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly task: () => Promise<void>, private readonly intervalMs: number) {}

  /** Runs the task once the interval is up (a request already waiting covers this one). */
  schedule(): void {
    this.timer ??= setTimeout(() => void this.now(), this.intervalMs);
  }

  /** Runs the task now (after a run in progress), taking the place of a scheduled run. */
  now(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.running.then(() => this.task()).catch(() => undefined);
    return this.running;
  }

  /** Runs a scheduled run now, if one waits; else only waits for a run in progress. */
  flush(): Promise<void> {
    return this.timer !== undefined ? this.now() : this.running;
  }
}
