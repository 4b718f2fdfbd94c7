// Preloaded (`--import`) into the bench's simulator process: shifts that process's clock by
// BENCH_SERVER_CLOCK_SKEW_MS, so the simulated org's clock runs ahead of (or behind) the bench's,
// as a real org's may. Timers are untouched; only what `Date` reads.
const skewMs = Number(process.env.BENCH_SERVER_CLOCK_SKEW_MS ?? 0);
const LocalDate = Date;

class SkewedDate extends LocalDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(LocalDate.now() + skewMs);
    else super(...(args as [number])); // every other form of `new Date(...)` as it was
  }

  static now(): number {
    return LocalDate.now() + skewMs;
  }
}

if (skewMs !== 0) globalThis.Date = SkewedDate as DateConstructor;
