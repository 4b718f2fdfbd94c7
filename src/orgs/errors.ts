// Errors the registry throws. Messages are written for people and never contain a token.

/** Why adding an org or changing its token failed the connection check. */
export type ConnectionFailureReason =
  | 'bad-url'         // not a usable org URL
  | 'token-rejected'  // 401, e.g. E0000011 Invalid token provided
  | 'forbidden'       // 403: the token's owner is not an admin with access to users
  | 'not-okta'        // the host answered, but not like an Okta org (404, HTML, ...)
  | 'rate-limited'    // 429
  | 'unreachable'     // DNS, refused connection, TLS, timeout
  | 'unexpected';     // any other answer

export class OrgConnectionError extends Error {
  override readonly name = 'OrgConnectionError';
  constructor(
    readonly reason: ConnectionFailureReason,
    message: string,
    readonly details: { host?: string; status?: number; errorCode?: string } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type RegistryFailureReason =
  | 'duplicate'      // an org with the same URL is already registered (see existingOrgId)
  | 'unknown-org'    // no org with that id (removed, perhaps by another window)
  | 'no-token'       // the org has no token in SecretStorage (e.g. the keychain was reset)
  | 'invalid-input'; // empty label or token

export class OrgRegistryError extends Error {
  override readonly name = 'OrgRegistryError';
  constructor(
    readonly reason: RegistryFailureReason,
    message: string,
    readonly existingOrgId?: string,
  ) {
    super(message);
  }
}

/** Why an org's work was ended. */
export type WorkEndReason = 'removed' | 'credentials-changed' | 'closed';

const WORK_END_MESSAGES: Record<WorkEndReason, string> = {
  removed: 'The org was removed.',
  'credentials-changed': 'The org\'s token or URL changed.',
  closed: 'The extension is shutting down.',
};

/**
 * Work that was cancelled: by the person (Cancel on "Checking the connection…") or because its org was
 * removed or got new credentials. Named like the errors isCancellation() recognises, so callers
 * stay silent about it.
 */
export class CancellationError extends Error {
  override readonly name = 'CancellationError';
  /** Set when the org's work was ended rather than one task cancelled. */
  readonly why?: WorkEndReason;

  constructor(message: string, options?: ErrorOptions & { why?: WorkEndReason }) {
    super(message, options);
    this.why = options?.why;
  }

  static workEnded(why: WorkEndReason): CancellationError {
    return new CancellationError(WORK_END_MESSAGES[why], { why });
  }
}
