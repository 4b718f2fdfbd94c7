// The words of a bulk action: the sample of names a confirmation shows, and the one-line result
// summary (done, failed with the reason, skipped). Free of `vscode` (unit-tested).
import type { BulkSummary } from '../factors/bulkWork';
import { plural } from '../factors/names';

const SAMPLE_SIZE = 3;

/** "alice, bob, carol and 9 more" */
export function sampleOf(names: readonly string[], size = SAMPLE_SIZE): string {
  const shown = names.slice(0, size).join(', ');
  return names.length > size ? `${shown} and ${names.length - size} more` : shown;
}

/** "Reset Factors: 4 users done, 1 failed (bob@example.com: Not found…), 2 skipped (cancelled)." */
export function summaryText(action: string, summary: BulkSummary): string {
  const parts = [`${plural(summary.done.length, 'user')} done`];
  if (summary.failed.length > 0) {
    const first = summary.failed[0];
    const others = summary.failed.length > 1 ? `; ${summary.failed.length - 1} more in the log` : '';
    const final = summary.failed.filter((failure) => !failure.retryable).length;
    const refused = final === 0 ? '' : final === summary.failed.length ? '; a retry cannot change this' : `; a retry cannot change ${final} of them`;
    parts.push(`${summary.failed.length} failed (${first.unit.label}: ${first.reason.replace(/\.$/, '')}${others}${refused})`);
  }
  if (summary.skipped.length > 0) parts.push(`${summary.skipped.length} skipped (cancelled before they started)`);
  return `${action}: ${parts.join(', ')}.`;
}
