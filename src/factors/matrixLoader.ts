// Loads the factor matrix of an org: pages every matching user and reads each one's factors, a few
// at a time, through the factor service (so the client's throttle paces it: no 429 storm). Rows are
// handed over as they arrive; progress is "n of N" once the last user page is in, "n loaded" before.
// A user whose factors cannot be read becomes a row with the reason; a failed user listing or the
// signal ends the load. Free of `vscode`.
import { isCancellation, cancelledError } from '../okta/errors';
import type { ListUsersQuery, OktaUser, UserFactor } from '../okta/models';
import type { UserDirectory } from '../users/userDirectory';
import type { FactorService } from './factorService';

/** Okta's largest users page. */
const PAGE_SIZE = 200;
/** Factor reads in flight; the client caps the wire at 6 per org, leaving room for the user pages. */
export const DEFAULT_MATRIX_CONCURRENCY = 4;

export interface MatrixProgress {
  loaded: number;
  /** Known once every user page is in. */
  total?: number;
}

export interface MatrixLoadDeps {
  users: Pick<UserDirectory, 'page'>;
  factors: Pick<FactorService, 'listFactors'>;
}

export interface MatrixLoadRequest {
  orgId: string;
  query: ListUsersQuery;
  /** Users listed but not shown (DEPROVISIONED unless the setting says otherwise). */
  include?: (user: OktaUser) => boolean;
  concurrency?: number;
  signal?: AbortSignal;
  /** One user's factors, or why they could not be read. */
  onUser(user: OktaUser, factors: readonly UserFactor[], error?: unknown): void;
  onProgress?(progress: MatrixProgress): void;
}

export async function loadFactorMatrix(deps: MatrixLoadDeps, request: MatrixLoadRequest): Promise<MatrixProgress> {
  const { orgId, signal } = request;
  const queue: OktaUser[] = [];
  const seen = new Set<string>();
  let listed = false;
  let listingFailed = false;
  let loaded = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const progress = (): MatrixProgress => (listed ? { loaded, total: seen.size } : { loaded });

  const list = async (): Promise<void> => {
    let after: string | undefined;
    try {
      do {
        const page = await deps.users.page(orgId, { ...request.query, limit: PAGE_SIZE, after }, signal);
        // A user changed between two page reads may come twice: one row each.
        for (const user of page.users) {
          if (seen.has(user.id) || (request.include && !request.include(user))) continue;
          seen.add(user.id);
          queue.push(user);
        }
        after = page.after;
        if (!after) listed = true;
        request.onProgress?.(progress());
        notify();
      } while (after);
    } catch (err) {
      listingFailed = true;
      throw err;
    } finally {
      listed = true;
      notify();
    }
  };

  const work = async (): Promise<void> => {
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      if (listingFailed) return;
      const user = queue.shift();
      if (!user) {
        if (listed) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      try {
        request.onUser(user, await deps.factors.listFactors({ orgId, user }, signal));
      } catch (err) {
        if (isCancellation(err) || signal?.aborted) throw err;
        request.onUser(user, [], err);
      }
      loaded++;
      request.onProgress?.(progress());
    }
  };

  const listing = list();
  const workers = Array.from({ length: Math.max(1, request.concurrency ?? DEFAULT_MATRIX_CONCURRENCY) }, work);
  // A failed listing ends the load: its error wins, and the workers stop at their next user.
  const results = await Promise.allSettled([listing, ...workers]);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return progress();
}
