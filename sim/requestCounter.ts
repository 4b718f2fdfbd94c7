// Counts API requests per "METHOD /path" so tests can assert e.g. that enroll was sent exactly once.
// Paths carry ids, so a long-running demo org or a flood of unique paths would grow the map without
// end: it keeps the most recently used `maxPaths` keys (tests reset and then look at the paths they
// just called) while `total` still counts every request.
export const DEFAULT_MAX_COUNTED_PATHS = 5000;

export class RequestCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(private readonly maxPaths = DEFAULT_MAX_COUNTED_PATHS) {
    if (!Number.isInteger(maxPaths) || maxPaths < 1) throw new Error('maxPaths must be a positive integer.');
  }

  record(method: string, path: string): void {
    const key = `${method} ${path}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    // Re-inserting moves the key to the end: the first key is always the least recently used.
    this.counts.delete(key);
    this.counts.set(key, count);
    if (this.counts.size > this.maxPaths) this.counts.delete(this.counts.keys().next().value!);
    this.total++;
  }

  count(method: string, path: string): number {
    return this.counts.get(`${method.toUpperCase()} ${path}`) ?? 0;
  }

  snapshot(): { total: number; counts: Record<string, number> } {
    return { total: this.total, counts: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}
