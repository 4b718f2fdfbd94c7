// The Factor Matrix panel of an org (or of its tree filter): shows the matrix saved last time at
// once, then loads every matching user's factors through the factor service and streams the rows to
// the webview in batches, each replacing the user's saved row, with progress and Cancel; follows
// factor changes user by user; saves the matrix after each load and (at most every few seconds)
// after each change; runs a cell's own actions and the bulk actions through their commands; exports
// the matrix as shown (its filter and sort) to a file the user picks.
import vscode = require('vscode');
import { viewRows, type MatrixView } from '../../factors/factorMatrix';
import { matrixCsv, matrixJson } from '../../factors/matrixExport';
import { loadFactorMatrix, type MatrixProgress } from '../../factors/matrixLoader';
import { MatrixRows, type ReadUser } from '../../factors/matrixRows';
import type { FactorTarget, UserTarget } from '../../factors/targets';
import { FeedUnavailable, type FeedCursor } from '../../changes/changeFeed';
import { refreshFromLog } from '../../changes/quickRefresh';
import { isCancellation } from '../../okta/errors';
import type { OktaUser, UserFactor } from '../../okta/models';
import { adviseOnError } from '../../presentation/errorAdvice';
import { PanelInputError } from '../shared/errorView';
import { isUserShown, usersQueryFor } from '../../presentation/userQuery';
import type { CommandId } from '../../commandIds';
import type { MatrixPanelServices } from '../shared/panelServices';
import { PanelRegistry } from '../shared/panelRegistry';
import {
  parseMatrixMessage, type MatrixBulkAction, type MatrixExportFormat, type MatrixFactorAction, type MatrixHostMessage, type MatrixProgressView, type MatrixState,
  type MatrixWebviewMessage,
} from './protocol';
import { MATRIX_BODY } from './matrixMarkup';
import { WebviewPanelBase } from '../shared/webviewPanelBase';
import { ThrottledTask } from '../../util/throttledTask';

/** Rows are posted at most this often while loading (one message per row would flood the webview). */
const FLUSH_MS = 150;
/** Changes after a load (a user's factors read again) are saved at most this often: a few MB each time. */
const SAVE_INTERVAL_MS = 5000;

/**
 * How a load reads the org: `full` lists every user and reads each one's factors; `changes` follows
 * the System Log from the saved matrix's cursor and reads only the users it names (falling back to
 * `full`, with the reason shown, when the log cannot serve).
 */
export type MatrixLoadMode = 'full' | 'changes';


/** The bulk commands, called with (undefined, targets) as they expect. */
const BULK_COMMANDS: Record<MatrixBulkAction, CommandId> = {
  unenrollFactors: 'okta.unenrollFactors',
  resetFactors: 'okta.resetFactors',
  enrollFactorOnUsers: 'okta.enrollFactorOnUsers',
};

const FACTOR_COMMANDS: Record<MatrixFactorAction, CommandId> = { verify: 'okta.verifyFactor', unenroll: 'okta.unenrollFactor', details: 'okta.showFactorDetails' };

/** What the panel does outside itself: run commands, ask where to export, write the file (tests stand in). */
export interface MatrixEffects {
  executeCommand(id: CommandId, ...args: unknown[]): Thenable<unknown>;
  pickTarget(defaultName: string, format: MatrixExportFormat): Promise<vscode.Uri | undefined>;
  write(uri: vscode.Uri, text: string): Promise<void>;
}

type QuickRefresh = { kind: 'done'; read: number; note: string } | { kind: 'fallback'; note?: string };

/** The saved cursor (opaque to the cache) as the feed wrote it; anything else is no cursor. */
function feedCursorOf(text: string | undefined): FeedCursor | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    const { next, openedAt } = (value ?? {}) as Partial<FeedCursor>;
    return typeof next === 'string' && typeof openedAt === 'string' ? { next, openedAt } : undefined;
  } catch {
    return undefined;
  }
}

const vscodeEffects: MatrixEffects = {
  executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  pickTarget: (defaultName, format) => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return Promise.resolve(vscode.window.showSaveDialog({
      title: 'Export the factor matrix',
      saveLabel: 'Export',
      defaultUri: folder && vscode.Uri.joinPath(folder, defaultName),
      filters: format === 'csv' ? { 'CSV': ['csv'] } : { 'JSON': ['json'] },
    }));
  },
  write: (uri, text) => Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text))),
};

export class MatrixPanel extends WebviewPanelBase<MatrixWebviewMessage, MatrixHostMessage> {
  private readonly rows = new MatrixRows();
  /** The load's own progress; the saved rows still shown are added when it is posted. */
  private progress: Omit<MatrixProgressView, 'cached'> = { phase: 'loading', loaded: 0 };
  /** Why this load reads every user although a quick refresh was asked for (shown while it runs). */
  private loadNote?: string;
  private load?: AbortController;
  private readonly pending = new Set<string>();
  /** Users whose rows the webview is to drop (no longer listed), sent with the next update. */
  private removed: string[] = [];
  private flushTimer?: NodeJS.Timeout;
  /** The saved matrix, in the rows before the first load reads anything or the webview gets its state. */
  private readonly restored: Promise<void>;
  private readonly saver = new ThrottledTask(() => this.saveCache(), SAVE_INTERVAL_MS);
  /** `rows.changes` as last saved (or restored): an unchanged matrix is not written again. */
  private savedChanges = 0;
  /** Resolves when the current load ends and its matrix is saved (tests and the bench wait on it). */
  loading: Promise<void> = Promise.resolve();

  constructor(private readonly deps: MatrixPanelServices, orgId: string, private readonly userFilter: string | undefined, private readonly effects: MatrixEffects = vscodeEffects) {
    const orgLabel = deps.registry.get(orgId)?.label ?? 'Okta org';
    super(deps, orgId, {
      viewType: 'okta.factorMatrix',
      title: `Factor Matrix: ${orgLabel}${userFilter !== undefined ? ' (filtered)' : ''}`,
      script: 'matrix',
      body: MATRIX_BODY,
      parse: parseMatrixMessage,
    });
    const changes = this.deps.factors.onDidChange(({ orgId: changedOrg, userId }) => {
      if (changedOrg === this.orgId) void this.reloadUser(userId);
    });
    this.onDidDispose(() => {
      changes.dispose();
      this.load?.abort();
      clearTimeout(this.flushTimer);
      void this.saver.flush();
    });
    this.restored = this.restoreCache();
    this.startLoad('changes');
  }

  protected async snapshot(): Promise<MatrixState> {
    // The saved matrix is in the webview's first state: drawn before any factor is read.
    await this.restored;
    return {
      type: 'state',
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      userFilter: this.userFilter,
      columns: this.rows.columns(),
      rows: this.rows.rows(),
      progress: this.progressView(),
    };
  }

  protected async handle(message: Exclude<MatrixWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'cancelLoad':
        return this.answer(message.requestId, 'Cancel', [], async () => this.load?.abort());
      case 'reload':
        return this.answer(message.requestId, 'Reload', [], async () => this.startLoad(message.mode));
      case 'factorAction':
        return this.answer(message.requestId, 'Factor action', [], async () => {
          const read = await this.userOf(message.userId);
          await this.effects.executeCommand(FACTOR_COMMANDS[message.action], this.factorTarget(read, message.factorId));
        });
      case 'bulk':
        return this.answer(message.requestId, 'Bulk action', [], () => this.runBulk(message.action, message.userIds, message.factors));
      case 'export':
        return this.answer(message.requestId, 'Export', [], () => this.export(message.format, message.view));
    }
  }

  private progressView(): MatrixProgressView {
    const cached = this.rows.savedMark();
    const progress = this.loadNote !== undefined && this.progress.note === undefined ? { ...this.progress, note: this.loadNote } : this.progress;
    return cached ? { ...progress, cached } : progress;
  }

  /** The matrix saved last time, if any: its rows are shown until their users are read again. */
  private async restoreCache(): Promise<void> {
    const cache = await this.deps.matrixCaches.read(this.orgId, this.userFilter).catch(() => undefined);
    if (!cache) return;
    this.rows.restore(cache);
    this.savedChanges = this.rows.changes;
  }

  /**
   * Reads the org (again) while the rows on screen stay, each replaced as its user is read. Every
   * load starts here (on open, on Reload), so another `mode` of reading can sit beside `full`.
   */
  startLoad(mode: MatrixLoadMode = 'full'): void {
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    this.progress = { phase: 'loading', loaded: 0 };
    const signal = AbortSignal.any([this.signal, load.signal]);
    this.loading = (async () => {
      await this.restored;
      if (this.load !== load) return;
      this.rows.beginLoad(new Date().toISOString());
      this.flush(); // the load (re)starts: progress from zero, the rows shown marked as saved
      try {
        this.loadNote = undefined;
        const quick = mode === 'changes' ? await this.readChanges(load, signal) : undefined;
        if (this.load !== load) return; // replaced by a reload just as it ended: the rows shown are the new load's to settle
        if (quick && quick.kind === 'done') {
          this.progress = { phase: 'done', loaded: quick.read, total: this.rows.size, note: quick.note };
          this.rows.confirmSaved(new Date().toISOString());
        } else {
          this.loadNote = quick?.note;
          const result = await this.readEveryUser(load, signal);
          if (this.load !== load) return;
          this.progress = { phase: 'done', ...result };
          this.removed.push(...this.rows.completeLoad());
        }
      } catch (err) {
        if (this.load !== load) return; // replaced by a reload
        const { loaded } = this.progress;
        this.progress = isCancellation(err) ? { phase: 'cancelled', loaded }
          : { phase: 'failed', loaded, message: adviseOnError('Load the factor matrix', err).message };
      }
      if (this.load !== load) return;
      this.flush();
      await this.saver.now();
    })();
  }

  /** Custom HOTP columns are named after their factor profile; without the names they show the id. */
  private async readProfileNames(signal: AbortSignal): Promise<void> {
    this.rows.profileNames = new Map((await this.deps.factors.customTotpProfiles(this.orgId, signal).catch(() => []))
      .map((profile) => [profile.id, profile.name] as [string, string]));
  }

  /**
   * Reads only the users the System Log names since the saved matrix's cursor. `fallback` (with the
   * reason, shown beside the full read that follows) when the log cannot stand in for a full read.
   */
  private async readChanges(load: AbortController, signal: AbortSignal): Promise<QuickRefresh> {
    const cursor = feedCursorOf(this.rows.cursor);
    const saved = this.rows.savedMark();
    // First time (nothing saved): the full read needs no excuse.
    if (!saved) return { kind: 'fallback' };
    if (!cursor || !saved.complete) return { kind: 'fallback', note: 'Read every user: the saved matrix has no complete read and System Log cursor to bring up to date.' };
    if (this.load === load) {
      this.progress = { phase: 'loading', loaded: 0, fromLog: true };
      this.flush();
    }
    await this.readProfileNames(signal);
    let result;
    try {
      result = await refreshFromLog(this.deps, {
        orgId: this.orgId, cursor, signal,
        shownUser: (userId) => this.rows.shownUser(userId),
        isShown: (user) => isUserShown(user, this.deps.config.showDeprovisioned()),
        // A new user may or may not match the tree's filter, which only Okta's listing can tell.
        accept: (changes) => this.userFilter === undefined || changes.every((change) => this.rows.row(change.userId) !== undefined),
        onUser: (user, factors, known) => {
          if (known && this.rows.isSaved(user.id)) {
            this.rows.putFactors(user.id, factors);
            this.pending.add(user.id);
            this.scheduleFlush();
          } else {
            this.store(user, factors);
          }
        },
        onRemoved: (userId) => {
          if (this.rows.remove(userId)) this.removed.push(userId);
        },
        onProgress: (read, total) => {
          if (this.load !== load) return;
          this.progress = { phase: 'loading', loaded: read, total, fromLog: true };
          this.scheduleFlush();
        },
      });
    } catch (err) {
      if (!(err instanceof FeedUnavailable)) throw err;
      this.rows.cursor = undefined;
      return { kind: 'fallback', note: `Read every user: ${err.message}` };
    }
    if (result.kind === 'not-accepted') {
      return { kind: 'fallback', note: 'Read every user: users were created since, and a filtered matrix lists its users again to see which match.' };
    }
    this.rows.cursor = JSON.stringify(result.cursor);
    const changed = result.changed === 0 ? 'no user changed' : `${result.changed === 1 ? '1 user' : `${result.changed} users`} changed`;
    return {
      kind: 'done', read: result.changed,
      note: `Brought up to date from the System Log: ${changed} since the last look. Enrollments still pending activation leave no log event: Read all users shows them.`,
    };
  }

  /** Lists every user of the filter and reads each one's factors; the log's cursor is taken first, so the next look misses nothing. */
  private async readEveryUser(load: AbortController, signal: AbortSignal): Promise<MatrixProgress> {
    const { factors, users, config } = this.deps;
    const showDeprovisioned = config.showDeprovisioned();
    await this.readProfileNames(signal);
    this.rows.cursor = await this.deps.feed.open(this.orgId, signal).then((cursor) => JSON.stringify(cursor), (err: unknown) => {
      if (isCancellation(err)) throw err;
      // No quick refresh next time; the full read goes on, and says why Refresh will read everyone.
      const why = err instanceof Error ? err.message : String(err);
      this.loadNote = `Refresh will read every user: the System Log cannot be followed (${why}).`;
      this.deps.log.appendLine(`[${this.services.registry.get(this.orgId)?.label ?? 'Okta org'}] Factor matrix: the System Log cannot be followed (${why}); a refresh reads every user.`);
      return undefined;
    });
    return loadFactorMatrix({ users, factors }, {
      orgId: this.orgId,
      query: usersQueryFor(this.userFilter, showDeprovisioned),
      include: (user) => isUserShown(user, showDeprovisioned),
      signal,
      // A read that lands after a Reload replaced this load is a row as good as any: kept.
      onUser: (user, listed, error) => this.store(user, listed, error),
      onProgress: (progress) => {
        if (this.load !== load) return;
        this.progress = { phase: 'loading', ...progress };
        this.scheduleFlush();
      },
    });
  }

  private store(user: OktaUser, factors: readonly UserFactor[], error?: unknown): void {
    this.rows.put(user, factors, error === undefined ? undefined : adviseOnError('Read the factors', error).message);
    this.pending.add(user.id);
    this.scheduleFlush();
  }

  /** Writes the matrix unless nothing changed since it was last written or read. */
  private async saveCache(): Promise<void> {
    const changes = this.rows.changes;
    if (changes === this.savedChanges) return;
    const cache = this.rows.toCache(this.orgId, this.userFilter, new Date().toISOString());
    if (cache) await this.deps.matrixCaches.write(cache);
    this.savedChanges = changes;
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const rows = [...this.pending].flatMap((id) => this.rows.row(id) ?? []);
    this.pending.clear();
    const removed = this.removed.splice(0);
    this.post({ type: 'update', columns: this.rows.columns(), rows, ...(removed.length > 0 ? { removed } : {}), progress: this.progressView() });
  }

  /** A factor of this user changed (here or from another surface): read the user's factors again. */
  private async reloadUser(userId: string): Promise<void> {
    const known = this.rows.get(userId);
    try {
      if (known) this.store(known.user, await this.deps.factors.listFactors({ orgId: this.orgId, user: known.user }, this.signal));
      else if (this.rows.isSaved(userId)) await this.readSavedUser(userId);
      else return;
    } catch (err) {
      if (isCancellation(err)) return;
      // A saved row whose user cannot be read now stays as it was; the load will get to it.
      if (known) this.store(known.user, [], err);
    }
    this.saver.schedule();
  }

  /** A user of the matrix with the factors as read: a row from the saved matrix is read again first. */
  private async userOf(userId: string): Promise<ReadUser> {
    const known = this.rows.get(userId);
    if (known) return known;
    if (!this.rows.isSaved(userId)) throw new PanelInputError('That user is not in the matrix (reload it).');
    return this.readSavedUser(userId);
  }

  /** Reads the user of a saved row and their factors: an action needs them as they are, not as saved. */
  private async readSavedUser(userId: string): Promise<ReadUser> {
    // Okta also finds a user by login: only the user with this very id is the row's.
    const user = await this.deps.users.find(this.orgId, userId, this.signal);
    if (user?.id !== userId) throw new PanelInputError('That user is no longer in the org (reload the matrix).');
    this.store(user, await this.deps.factors.listFactors({ orgId: this.orgId, user }, this.signal));
    this.saver.schedule();
    return this.rows.get(userId)!;
  }

  /** The users of these rows, read ones as they are and saved ones read again (the client paces the reads). */
  private async usersOf(userIds: readonly string[]): Promise<ReadUser[]> {
    return Promise.all([...new Set(userIds)].map((id) => this.userOf(id)));
  }

  private factorTarget({ user, factors }: ReadUser, factorId: string): FactorTarget {
    const factor = factors.find((f) => f.id === factorId);
    if (!factor) throw new PanelInputError(`That factor of ${user.profile.login} is no longer in the matrix (reload it).`);
    return { kind: 'factor', orgId: this.orgId, user, factor };
  }

  private async runBulk(action: MatrixBulkAction, userIds: readonly string[], factors: ReadonlyArray<{ userId: string; factorId: string }>): Promise<void> {
    if (action === 'unenrollFactors') {
      if (factors.length === 0) throw new PanelInputError('Select the factors to unenroll first.');
      const read = new Map((await this.usersOf(factors.map((f) => f.userId))).map((u) => [u.user.id, u]));
      const targets = factors.map((f) => this.factorTarget(read.get(f.userId)!, f.factorId));
      await this.effects.executeCommand(BULK_COMMANDS[action], undefined, targets);
      return;
    }
    if (userIds.length === 0) throw new PanelInputError('Select users (or their cells) first.');
    const targets: UserTarget[] = (await this.usersOf(userIds)).map(({ user }) => ({ kind: 'user', orgId: this.orgId, user }));
    await this.effects.executeCommand(BULK_COMMANDS[action], undefined, targets);
  }

  private async export(format: MatrixExportFormat, view: MatrixView): Promise<void> {
    const org = this.services.registry.get(this.orgId)?.label ?? 'Okta org';
    const uri = await this.effects.pickTarget(`factor-matrix-${org.replace(/[^\w.-]+/g, '-')}.${format}`, format);
    const columns = this.rows.columns();
    // The webview names columns the host listed to it; anything else is a tampered message.
    const unknown = view.filter.has.find((key) => !columns.some((column) => column.key === key));
    if (unknown !== undefined) throw new PanelInputError(`The matrix has no column "${unknown}" to filter by.`);
    if (!uri) return;
    const rows = viewRows(this.rows.rows(), view);
    const text = format === 'csv' ? matrixCsv(rows, columns)
      : matrixJson(rows, columns, { org, userFilter: this.userFilter, exportedAt: new Date().toISOString() });
    await this.effects.write(uri, text);
    void vscode.window.showInformationMessage(`Exported ${rows.length} users to ${uri.scheme === 'file' ? uri.fsPath : uri.toString(true)}.`);
  }
}

const matrixPanels = new PanelRegistry<MatrixPanel>();

/** Opens (or reveals) the Factor Matrix of an org under a user filter (undefined: every user). */
export function openMatrixPanel(services: MatrixPanelServices, orgId: string, userFilter: string | undefined, effects?: MatrixEffects): MatrixPanel {
  const { panel, created } = matrixPanels.getOrCreate(`${orgId}\n${userFilter ?? ''}`, () => new MatrixPanel(services, orgId, userFilter, effects));
  if (!created) panel.reveal();
  return panel;
}
