// Okta-style rate limits: a quota per bucket per window. Buckets follow Okta's own table: the users
// list, POST /users and every factor path share "/api/v1/users"; GET /users/{id} and factor verify
// have their own. Every API response carries X-Rate-Limit-Limit/Remaining/Reset (epoch seconds).

export interface RateLimitSettings {
  usersPerMinute: number;
  userByIdPerMinute: number;
  verifyPerMinute: number;
  windowSeconds: number;
}

const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  usersPerMinute: 600,
  userByIdPerMinute: 2000,
  verifyPerMinute: 600,
  windowSeconds: 60,
};

export type Bucket = 'users' | 'userById' | 'verify';

export function bucketFor(method: string, path: string): Bucket {
  if (method === 'POST' && /^\/api\/v1\/users\/[^/]+\/factors\/[^/]+\/verify$/.test(path)) return 'verify';
  if (method === 'GET' && /^\/api\/v1\/users\/[^/]+$/.test(path)) return 'userById';
  return 'users';
}

export interface RateLimitVerdict {
  limit: number;
  remaining: number;
  resetEpochSeconds: number;
  exceeded: boolean;
}

export class RateLimiter {
  private settings: RateLimitSettings;
  private readonly windows = new Map<Bucket, { startMs: number; count: number }>();

  constructor(settings: Partial<RateLimitSettings> = {}) {
    this.settings = validated({ ...DEFAULT_RATE_LIMITS, ...settings });
  }

  current(): RateLimitSettings {
    return { ...this.settings };
  }

  /** Changes limits and starts fresh windows. */
  configure(changes: Partial<RateLimitSettings>): RateLimitSettings {
    this.settings = validated({ ...this.settings, ...changes });
    this.windows.clear();
    return this.current();
  }

  reset(): void {
    this.windows.clear();
  }

  consume(bucket: Bucket, nowMs: number): RateLimitVerdict {
    const limit = this.limitOf(bucket);
    const windowMs = this.settings.windowSeconds * 1000;
    let window = this.windows.get(bucket);
    if (!window || nowMs >= window.startMs + windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(bucket, window);
    }
    window.count++;
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      resetEpochSeconds: Math.ceil((window.startMs + windowMs) / 1000),
      exceeded: window.count > limit,
    };
  }

  private limitOf(bucket: Bucket): number {
    if (bucket === 'verify') return this.settings.verifyPerMinute;
    if (bucket === 'userById') return this.settings.userByIdPerMinute;
    return this.settings.usersPerMinute;
  }
}

function validated(settings: RateLimitSettings): RateLimitSettings {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`Rate limit setting ${name} must be a positive integer.`);
  }
  return settings;
}
