// The one way a bulk command runs its plan: a modal confirmation naming the count and a sample,
// one cancellable progress notification (n of N), each user's outcome in the "Okta" log, and a
// result summary with Retry Failed (the failed users a retry can help), Run the Rest (the users a
// cancel left untouched) and Show Log. No secret reaches any of
// these: notes and reasons come from the service layer, whose errors carry none.
import vscode = require('vscode');
import { failedUnits, runBulk, type BulkSummary, type BulkUnit } from '../../factors/bulkWork';
import { summaryText } from '../../presentation/bulkText';
import { withCancellableProgress } from '../cancellableProgress';
import type { CommandServices } from '../commandServices';

const RETRY = 'Retry Failed';
const RUN_REST = 'Run the Rest';
const SHOW_LOG = 'Show Log';

export interface BulkAction {
  /** The command's name in the summary and the log ("Reset Factors"). */
  name: string;
  /** The notification's title while it runs ("Resetting factors", followed by ": 3 of 12"). */
  progressTitle: string;
}

/** Asks once; true when the user pressed `button`. */
export async function confirmBulk(question: string, detail: string, button: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}

/**
 * Runs the units under one progress notification and shows the summary; resolves to the summary
 * (a retry the user asks for afterwards runs on its own and reports its own summary).
 */
export async function runBulkAction(services: CommandServices, action: BulkAction, units: readonly BulkUnit[]): Promise<BulkSummary> {
  const orgLabel = (orgId: string) => services.registry.get(orgId)?.label ?? orgId;
  const summary = await withCancellableProgress(action.progressTitle, (cancel, progress) => {
    progress.report({ message: `0 of ${units.length}` });
    return runBulk(units, {
      cancel,
      onProgress: ({ finished, total, last }) => {
        progress.report({ message: `${finished} of ${total}`, increment: 100 / total });
        const line = `[${orgLabel(last.unit.orgId)}] ${action.name}: ${last.unit.label}: ${last.outcome} (${last.text})`;
        if (last.outcome === 'failed') services.log.error(line);
        else services.log.appendLine(line);
      },
    });
  });
  for (const unit of summary.skipped) services.log.appendLine(`[${orgLabel(unit.orgId)}] ${action.name}: ${unit.label}: skipped (cancelled before it started)`);
  void showSummary(services, action, summary);
  return summary;
}

async function showSummary(services: CommandServices, action: BulkAction, summary: BulkSummary): Promise<void> {
  const text = summaryText(action.name, summary);
  const retry = failedUnits(summary);
  const buttons = [...(retry.length > 0 ? [RETRY] : []), ...(summary.skipped.length > 0 ? [RUN_REST] : []), SHOW_LOG];
  const choice = summary.failed.length > 0 || summary.skipped.length > 0
    ? await vscode.window.showWarningMessage(text, ...buttons)
    : await vscode.window.showInformationMessage(text, ...buttons);
  if (choice === SHOW_LOG) services.log.show();
  if (choice === RETRY) await runBulkAction(services, action, retry);
  if (choice === RUN_REST) await runBulkAction(services, action, summary.skipped);
}
