// Fault injection per path, for testing clients against a misbehaving network or server: added
// latency, an error status, a dropped connection (before the request is carried out, or after it,
// the answer lost), a truncated JSON body or an HTML page.

export type FaultKind = 'latency' | 'status' | 'drop' | 'lost-answer' | 'malformed-json' | 'html';
const KINDS: readonly FaultKind[] = ['latency', 'status', 'drop', 'lost-answer', 'malformed-json', 'html'];

export interface FaultSpec {
  /** Pathname pattern: `*` matches one segment, `**` anything. */
  path: string;
  method?: string;
  kind: FaultKind;
  latencyMs?: number;
  status?: number;
  /** How many matching requests it applies to; omitted = until cleared. */
  count?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Requests it already applied to. */
  hits: number;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function validateFault(input: unknown): FaultSpec {
  const spec = (input ?? {}) as Record<string, unknown>;
  const fail = (message: string): never => {
    throw new Error(`Invalid fault: ${message}`);
  };
  if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) fail('"path" must be a pathname starting with "/".');
  if (!KINDS.includes(spec.kind as FaultKind)) fail(`"kind" must be one of ${KINDS.join(', ')}.`);
  if (spec.method !== undefined && typeof spec.method !== 'string') fail('"method" must be a string.');
  const positiveInt = (name: string, min: number, max: number) => {
    const value = spec[name];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < min || (value as number) > max)) {
      fail(`"${name}" must be an integer from ${min} to ${max}.`);
    }
  };
  positiveInt('latencyMs', 0, 600_000);
  positiveInt('status', 100, 599);
  positiveInt('count', 1, Number.MAX_SAFE_INTEGER);
  if (spec.kind === 'latency' && spec.latencyMs === undefined) fail('"latency" needs "latencyMs".');
  return {
    path: spec.path as string,
    kind: spec.kind as FaultKind,
    ...(spec.method ? { method: (spec.method as string).toUpperCase() } : {}),
    ...(spec.latencyMs !== undefined ? { latencyMs: spec.latencyMs as number } : {}),
    ...(spec.status !== undefined ? { status: spec.status as number } : {}),
    ...(spec.count !== undefined ? { count: spec.count as number } : {}),
  };
}

export class FaultInjector {
  private faults: { fault: Fault; pattern: RegExp }[] = [];
  private nextId = 1;

  add(input: unknown): Fault {
    const fault: Fault = { id: `fault${this.nextId++}`, ...validateFault(input), hits: 0 };
    this.faults.push({ fault, pattern: patternToRegExp(fault.path) });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The faults that apply to this request, used up as they are taken: every matching latency
   * fault (delays add up) and the first matching fault of any other kind.
   */
  take(method: string, path: string): { latencyMs: number; failure?: Fault } {
    let latencyMs = 0;
    let failure: Fault | undefined;
    for (const { fault, pattern } of this.faults) {
      if ((fault.method && fault.method !== method) || !pattern.test(path)) continue;
      if (fault.kind !== 'latency' && failure) continue;
      fault.hits++;
      if (fault.kind === 'latency') latencyMs += fault.latencyMs ?? 0;
      else failure = fault;
    }
    this.faults = this.faults.filter(({ fault }) => fault.count === undefined || fault.hits < fault.count);
    return { latencyMs, failure };
  }
}
