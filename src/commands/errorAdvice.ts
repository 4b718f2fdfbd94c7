// Turns any thrown value from the service layer into one clear, token-free sentence for the user,
// plus the follow-up the UI should offer. Kept free of `vscode` so it is unit-tested in plain Node.

/** What reportError needs to know about an Okta API error (OktaApiError satisfies it). */
interface OktaErrorLike {
  status?: number;
  errorCode: string;
  errorSummary?: string;
  errorCauses?: Array<{ errorSummary?: string }>;
  message: string;
  /** When the rate-limit window resets, if the client read X-Rate-Limit-Reset. */
  resetAt?: Date;
  rateLimit?: { resetAt?: Date };
}

export interface ErrorAdvice {
  /** The sentence to show: "<action> failed: <why>. <hint>" */
  message: string;
  /** Offer an "Update token" button (token rejected or expired). */
  offerUpdateToken: boolean;
  /** Seconds to wait before the same request can succeed (cooldowns, rate limits). */
  waitSeconds?: number;
}

function isOktaError(err: unknown): err is OktaErrorLike {
  return err instanceof Error && typeof (err as Partial<OktaErrorLike>).errorCode === 'string';
}

/** "Please wait 30 seconds" -> 30; the catalogue's default when the summary has no number. */
function secondsInSummary(summary: string | undefined, fallback: number): number {
  const match = /wait (\d+) seconds?/i.exec(summary ?? '');
  return match ? Number(match[1]) : fallback;
}

function resetTimeOf(err: OktaErrorLike): Date | undefined {
  const at = err.resetAt ?? err.rateLimit?.resetAt;
  return at instanceof Date && !Number.isNaN(at.getTime()) ? at : undefined;
}

function causesOf(err: OktaErrorLike): string {
  const causes = (err.errorCauses ?? []).map((c) => c.errorSummary).filter((s): s is string => !!s);
  return causes.length > 0 ? ` (${causes.join('; ')})` : '';
}

const COOLDOWN_DEFAULTS: Record<string, number> = { E0000109: 30, E0000118: 5, E0000133: 30 };

export function adviseOnError(action: string, err: unknown, now: Date = new Date()): ErrorAdvice {
  if (!isOktaError(err)) {
    const why = err instanceof Error ? err.message : String(err);
    return { message: `${action} failed: ${why}`, offerUpdateToken: false };
  }
  const code = err.errorCode;
  const summary = err.errorSummary ?? err.message;
  const tail = ` [${code}]`;
  switch (code) {
    case 'E0000011':
    case 'E0000004':
      return {
        message: `${action} failed: the org rejected the API token (invalid or expired). Update the token for this org.${tail}`,
        offerUpdateToken: true,
      };
    case 'E0000047': {
      const at = resetTimeOf(err);
      const waitSeconds = at ? Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000)) : undefined;
      const when = at ? `at ${at.toLocaleTimeString()}` : 'in a minute';
      return {
        message: `${action} failed: rate limit reached (too many requests; activation allows 5 attempts in 5 minutes). Try again ${when}.${tail}`,
        offerUpdateToken: false,
        waitSeconds,
      };
    }
    case 'E0000068':
      return {
        message: `${action} failed: wrong passcode or answer${causesOf(err)}. Check the code and try again.${tail}`,
        offerUpdateToken: false,
      };
    case 'E0000109':
    case 'E0000118':
    case 'E0000133': {
      const waitSeconds = secondsInSummary(err.errorSummary, COOLDOWN_DEFAULTS[code]);
      return {
        message: `${action} failed: a code was sent moments ago. Wait ${waitSeconds} seconds before sending another.${tail}`,
        offerUpdateToken: false,
        waitSeconds,
      };
    }
    case 'E0000006':
      return {
        message: `${action} failed: the token's admin has no permission for this action.${tail}`,
        offerUpdateToken: false,
      };
    case 'E0000007':
      return {
        message: `${action} failed: not found - the user or factor no longer exists (refresh the tree).${tail}`,
        offerUpdateToken: false,
      };
    default:
      return { message: `${action} failed: ${summary}${causesOf(err)}${tail}`, offerUpdateToken: false };
  }
}
