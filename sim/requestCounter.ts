// Counts API requests per "METHOD /path" so tests can assert e.g. that enroll was sent exactly once.
export class RequestCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  record(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
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
