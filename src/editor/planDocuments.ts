// A fixtures plan in a read-only tab beside the file ("Plan: okta-test-users.yaml → Dev"): a
// content-provider document, so it cannot be edited or saved by mistake, in the okta-plan language
// whose grammar (syntaxes/okta-plan.tmLanguage.json) colours the marks + ~ - ! as a diff would. One tab
// per file and org: planning again updates it in place. It holds no secret (a plan has none).
import vscode = require('vscode');

export const PLAN_SCHEME = 'okta-plan';
export const PLAN_LANGUAGE = 'okta-plan';

export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    // A tab restored after a window reload: plans are not kept.
    return this.texts.get(uri.toString()) ?? 'This plan is no longer available: run Plan Test Users again.\n';
  }

  /** Shows `text` as the plan of `file` against the org; resolves to the plan's document. */
  async show(file: vscode.Uri, org: { id: string; label: string }, text: string): Promise<vscode.TextDocument> {
    const uri = planUri(file, org);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== PLAN_LANGUAGE) document = await vscode.languages.setTextDocumentLanguage(document, PLAN_LANGUAGE);
    // Beside the file; with no editor open, "beside" would leave an empty group.
    const viewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    await vscode.window.showTextDocument(document, { preview: true, viewColumn, preserveFocus: true });
    return document;
  }

  /** The fixtures file a plan tab shows the plan of; undefined for any other document. */
  fileOf(uri: vscode.Uri): vscode.Uri | undefined {
    const file = uri.scheme === PLAN_SCHEME ? new URLSearchParams(uri.query).get('file') : null;
    return file ? vscode.Uri.parse(file) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * `okta-plan:/Plan: okta-test-users.yaml → Dev?file=…&org=…`: the path is the tab's title, the
 * query keeps two files of one name (or two orgs of one label) apart.
 */
export function planUri(file: vscode.Uri, org: { id: string; label: string }): vscode.Uri {
  const fileName = file.path.split('/').pop() ?? file.path;
  const title = `Plan: ${fileName} → ${org.label}`.replace(/[\\/]/g, '_');
  return vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${title}`, query: new URLSearchParams({ file: file.toString(), org: org.id }).toString() });
}
