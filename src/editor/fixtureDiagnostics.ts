// The Problems of test-users fixtures files, as the extension's own validator finds them (with or
// without a YAML extension): the file's problems while it is edited, a plan's problems (an unknown
// Custom TOTP profile in the org planned against) and the users an apply could not finish, each at
// its line. An edit makes the plan's and the apply's lines stale, so they go with it.
import vscode = require('vscode');
import type { FixtureProblem } from '../fixtures/fixtureModel';
import { fixtureFormatOf, isFixturesFile } from './fixtureFileNames';

export const FIXTURE_DIAGNOSTICS_SOURCE = 'Okta test users';
/** Pause after the last keystroke before the file is read again. */
const EDIT_DELAY_MS = 300;

export interface FixtureDiagnosticsDeps {
  /** Reads a fixtures text (loaded on first use: the parser is not part of activation). */
  parse(text: string, format: 'yaml' | 'json'): Promise<{ problems: FixtureProblem[] }>;
  log(line: string): void;
}

interface FileProblems {
  /** The version of the document the file's problems were found in. */
  version?: number;
  file: FixtureProblem[];
  plan: FixtureProblem[];
  /** By login (lower case): the user's apply outcome while it failed. */
  apply: Map<string, FixtureProblem>;
}

export class FixtureDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('okta-test-users');
  private readonly files = new Map<string, FileProblems>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents a command read that do not have a fixtures file's name: followed too, until closed. */
  private readonly adopted = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: FixtureDiagnosticsDeps) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document, 0)),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0) this.check(document, EDIT_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
    // Files already open when the extension activated.
    for (const document of vscode.workspace.textDocuments) this.check(document, 0);
  }

  private follows(document: vscode.TextDocument): boolean {
    return document.uri.scheme !== 'output' && (isFixturesFile(document.uri.path) || this.adopted.has(document.uri.toString()));
  }

  /** Reads the document again after `delayMs` (an edit cancels the read before it). */
  private check(document: vscode.TextDocument, delayMs: number): void {
    if (!this.follows(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.read(document);
    }, delayMs));
  }

  private async read(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    try {
      const { problems } = await this.deps.parse(document.getText(), fixtureFormatOf(document.uri.path, document.languageId));
      // A newer edit's read is on its way, or the document was closed meanwhile.
      if (document.isClosed || document.version !== version) return;
      this.showFileProblems(document, problems);
    } catch (err) {
      this.deps.log(`Could not check ${document.uri.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * The file's own problems, found in the document as it is now (a command reads it too). A file
   * without a fixtures name is followed from then on.
   */
  showFileProblems(document: vscode.TextDocument, problems: readonly FixtureProblem[]): void {
    const key = document.uri.toString();
    if (!isFixturesFile(document.uri.path)) this.adopted.add(key);
    const entry = this.entry(document.uri);
    if (entry.version !== document.version) {
      entry.plan = [];
      entry.apply.clear();
    }
    entry.version = document.version;
    entry.file = [...problems];
    this.render(document.uri);
  }

  /** A plan's problems, in place of the last plan's; `orgLabel` says which org they are about. */
  showPlanProblems(uri: vscode.Uri, orgLabel: string, problems: readonly FixtureProblem[]): void {
    this.entry(uri).plan = problems.map((problem) => ({ ...problem, message: `${orgLabel}: ${problem.message}` }));
    this.render(uri);
  }

  /** How a user's apply ended: a problem at its line while it failed, nothing once it was done. */
  showApplyOutcome(uri: vscode.Uri, login: string, problem: FixtureProblem | undefined): void {
    const { apply } = this.entry(uri);
    if (problem) apply.set(login.toLowerCase(), problem);
    else apply.delete(login.toLowerCase());
    this.render(uri);
  }

  private entry(uri: vscode.Uri): FileProblems {
    const key = uri.toString();
    let entry = this.files.get(key);
    if (!entry) {
      entry = { file: [], plan: [], apply: new Map() };
      this.files.set(key, entry);
    }
    return entry;
  }

  private render(uri: vscode.Uri): void {
    const entry = this.files.get(uri.toString());
    const problems = entry ? [...entry.file, ...entry.plan, ...entry.apply.values()] : [];
    this.collection.set(uri, problems.map(diagnosticOf));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.files.delete(key);
    this.adopted.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}

function diagnosticOf(problem: FixtureProblem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line, problem.column, problem.endLine, problem.endColumn);
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = FIXTURE_DIAGNOSTICS_SOURCE;
  return diagnostic;
}
