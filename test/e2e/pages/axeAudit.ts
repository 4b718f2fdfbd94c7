// An axe-core audit of a webview panel's own document: the content frame inside the panel's host
// iframe, not the workbench around it (VS Code's own markup is not this extension's to fix).
import { AxeBuilder } from '@axe-core/playwright';
import type { WebviewFrame } from './webviewFrame';

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Impacts that fail the audit; minor and moderate findings are reported but do not fail it. */
const BLOCKING = new Set(['serious', 'critical']);

export interface AuditReport {
  blocking: Result[];
  all: Result[];
  /** Rules that found something to check (passed, failed or unsure): near 0 means the frame was missed. */
  rulesChecked: number;
}

export async function auditWebview(panel: WebviewFrame): Promise<AuditReport> {
  const results = await new AxeBuilder({ page: panel.frame.page() })
    .include({ fromFrames: [await panel.hostSelector(), 'iframe#active-frame', 'html'] })
    .analyze();
  return {
    blocking: results.violations.filter((v) => BLOCKING.has(v.impact ?? '')),
    all: results.violations,
    rulesChecked: results.passes.length + results.violations.length + results.incomplete.length,
  };
}

/** One line per violation and its first offending elements, for an assertion message. */
export function describeViolations(violations: readonly Result[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} [${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}]`).join('\n');
}
