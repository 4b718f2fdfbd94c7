// Okta-style rate limits: a quota per bucket per window. Buckets follow Okta's own table: the users
// list, POST /users and every factor path share "/api/v1/users"; GET /users/{id}, GET /users/me,
// factor verify and the System Log (120 a minute since 2018, release notes) have their own; anything
// else under /api/v1 (the org's factor profiles) counts against the generic "/api/v1" bucket; the
// org authorization server's token endpoint has its own (the sources give no figure for it: 600 a
// minute, like the others, until one is recorded). Every API response carries
// X-Rate-Limit-Limit/Remaining/Reset (epoch seconds). A window is not aligned to the wall-clock
// minute (Okta's docs: a rolling window); it opens at the whole second in which its first request
// arrives, so that X-Rate-Limit-Reset, in whole seconds, is its true end rather than a rounded-up one.
import { LOGS_PATH } from './logs/routes';
import { TOKEN_PATH } from './oauth/tokenEndpoint';

export interface RateLimitSettings {
  usersPerMinute: number;
  userByIdPerMinute: number;
  userMePerMinute: number;
  verifyPerMinute: number;
  logsPerMinute: number;
  apiPerMinute: number;
  tokenPerMinute: number;
  windowSeconds: number;
}

const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  usersPerMinute: 600,
  userByIdPerMinute: 2000,
  userMePerMinute: 600,
  verifyPerMinute: 600,
  logsPerMinute: 120,
  apiPerMinute: 600,
  tokenPerMinute: 600,
  windowSeconds: 60,
};

export type Bucket = 'users' | 'userById' | 'userMe' | 'verify' | 'logs' | 'api' | 'token';

export function bucketFor(method: string, path: string): Bucket {
  if (path === TOKEN_PATH) return 'token';
  if (path === LOGS_PATH) return 'logs';
  if (method === 'POST' && /^\/api\/v1\/users\/[^/]+\/factors\/[^/]+\/verify$/.test(path)) return 'verify';
  // Only GET /users/me has its own bucket; POST/PUT /users/me count against /api/v1/users.
  if (method === 'GET' && path === '/api/v1/users/me') return 'userMe';
  if (method === 'GET' && /^\/api\/v1\/users\/[^/]+$/.test(path)) return 'userById';
  if (path === '/api/v1/users' || path.startsWith('/api/v1/users/')) return 'users';
  return 'api';
}

interface Window {
  startMs: number;
  count: number;
}

export interface RateLimitVerdict {
  limit: number;
  remaining: number;
  resetEpochSeconds: number;
  exceeded: boolean;
}

export class RateLimiter {
  private settings: RateLimitSettings;
  private readonly windows = new Map<Bucket, Window>();

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

  /** Charges one request to the bucket. */
  consume(bucket: Bucket, nowMs: number): RateLimitVerdict {
    const window = this.currentWindow(bucket, nowMs);
    window.count++;
    this.windows.set(bucket, window);
    return this.verdict(bucket, window);
  }

  /** The bucket as it stands, without charging it (for requests that fail authentication). */
  peek(bucket: Bucket, nowMs: number): RateLimitVerdict {
    return this.verdict(bucket, this.currentWindow(bucket, nowMs));
  }

  /** The running window, or a fresh (not yet stored) one when there is none or it has ended. */
  private currentWindow(bucket: Bucket, nowMs: number): Window {
    const window = this.windows.get(bucket);
    if (window && nowMs < window.startMs + this.settings.windowSeconds * 1000) return window;
    return { startMs: Math.floor(nowMs / 1000) * 1000, count: 0 };
  }

  private verdict(bucket: Bucket, window: Window): RateLimitVerdict {
    const limit = this.limitOf(bucket);
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      resetEpochSeconds: window.startMs / 1000 + this.settings.windowSeconds,
      exceeded: window.count > limit,
    };
  }

  private limitOf(bucket: Bucket): number {
    const perBucket: Record<Bucket, number> = {
      users: this.settings.usersPerMinute,
      userById: this.settings.userByIdPerMinute,
      userMe: this.settings.userMePerMinute,
      verify: this.settings.verifyPerMinute,
      logs: this.settings.logsPerMinute,
      api: this.settings.apiPerMinute,
      token: this.settings.tokenPerMinute,
    };
    return perBucket[bucket];
  }
}

function validated(settings: RateLimitSettings): RateLimitSettings {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`Rate limit setting ${name} must be a positive integer.`);
  }
  return settings;
}
