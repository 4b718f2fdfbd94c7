// The Factor Matrix panel of an org (or of its tree filter): loads every matching user's factors
// through the factor service and streams the rows to the webview in batches, with progress and
// Cancel; follows factor changes user by user; runs a cell's own actions and the bulk actions
// through their commands; exports the matrix as shown (its filter and sort) to a file the user picks.
import vscode = require('vscode');
import { columnKeyOf, columnLabelOf, matrixRow, sortColumns, viewRows, type MatrixColumn, type MatrixRow, type MatrixView } from '../../factors/factorMatrix';
import { matrixCsv, matrixJson } from '../../factors/matrixExport';
import { loadFactorMatrix } from '../../factors/matrixLoader';
import type { FactorTarget, UserTarget } from '../../factors/targets';
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

/** Rows are posted at most this often while loading (one message per row would flood the webview). */
const FLUSH_MS = 150;

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

interface LoadedUser {
  user: OktaUser;
  factors: readonly UserFactor[];
  row: MatrixRow;
}

export class MatrixPanel extends WebviewPanelBase<MatrixWebviewMessage, MatrixHostMessage> {
  private readonly loaded = new Map<string, LoadedUser>();
  private readonly columns = new Map<string, MatrixColumn>();
  private profileNames = new Map<string, string>();
  private progress: MatrixProgressView = { phase: 'loading', loaded: 0 };
  private load?: AbortController;
  private pending = new Set<string>();
  private flushTimer?: NodeJS.Timeout;
  /** Resolves when the current load ends (tests and the bench wait on it). */
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
    });
    this.startLoad();
  }

  protected async snapshot(): Promise<MatrixState> {
    return {
      type: 'state',
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      userFilter: this.userFilter,
      columns: this.columnList(),
      rows: [...this.loaded.values()].map((u) => u.row),
      progress: this.progress,
    };
  }

  protected async handle(message: Exclude<MatrixWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'cancelLoad':
        return this.answer(message.requestId, 'Cancel', [], async () => this.load?.abort());
      case 'reload':
        return this.answer(message.requestId, 'Reload', [], async () => {
          this.post({ type: 'reset' });
          this.startLoad();
        });
      case 'factorAction':
        return this.answer(message.requestId, 'Factor action', [], async () => {
          await this.effects.executeCommand(FACTOR_COMMANDS[message.action], this.factorTarget(message.userId, message.factorId));
        });
      case 'bulk':
        return this.answer(message.requestId, 'Bulk action', [], () => this.runBulk(message.action, message.userIds, message.factors));
      case 'export':
        return this.answer(message.requestId, 'Export', [], () => this.export(message.format, message.view));
    }
  }

  private columnList(): MatrixColumn[] {
    return sortColumns(this.columns.values());
  }

  private startLoad(): void {
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    this.loaded.clear();
    this.columns.clear();
    this.pending.clear();
    this.progress = { phase: 'loading', loaded: 0 };
    const signal = AbortSignal.any([this.signal, load.signal]);
    const { factors, users, config } = this.deps;
    const showDeprovisioned = config.showDeprovisioned();
    this.loading = (async () => {
      try {
        // Custom HOTP columns are named after their factor profile; without the names they show the id.
        this.profileNames = new Map((await factors.customTotpProfiles(this.orgId, signal).catch(() => []))
          .map((profile) => [profile.id, profile.name] as [string, string]));
        const result = await loadFactorMatrix({ users, factors }, {
          orgId: this.orgId,
          query: usersQueryFor(this.userFilter, showDeprovisioned),
          include: (user) => isUserShown(user, showDeprovisioned),
          signal,
          onUser: (user, listed, error) => this.store(user, listed, error),
          onProgress: (progress) => {
            this.progress = { phase: 'loading', ...progress };
            this.scheduleFlush();
          },
        });
        this.progress = { phase: 'done', ...result };
      } catch (err) {
        if (this.load !== load) return; // replaced by a reload
        const loaded = this.loaded.size;
        this.progress = isCancellation(err) ? { phase: 'cancelled', loaded }
          : { phase: 'failed', loaded, message: adviseOnError('Load the factor matrix', err).message };
      }
      if (this.load === load) this.flush();
    })();
  }

  private store(user: OktaUser, factors: readonly UserFactor[], error?: unknown): void {
    for (const factor of factors) {
      const key = columnKeyOf(factor);
      if (!this.columns.has(key)) this.columns.set(key, { key, label: columnLabelOf(factor, this.profileNames) });
    }
    const reason = error === undefined ? undefined : adviseOnError('Read the factors', error).message;
    this.loaded.set(user.id, { user, factors, row: matrixRow(user, factors, reason) });
    this.pending.add(user.id);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const rows = [...this.pending].flatMap((id) => this.loaded.get(id)?.row ?? []);
    this.pending.clear();
    this.post({ type: 'update', columns: this.columnList(), rows, progress: this.progress });
  }

  /** A factor of this user changed (here or from another surface): read the user's factors again. */
  private async reloadUser(userId: string): Promise<void> {
    const known = this.loaded.get(userId);
    if (!known) return;
    try {
      this.store(known.user, await this.deps.factors.listFactors({ orgId: this.orgId, user: known.user }, this.signal));
    } catch (err) {
      if (!isCancellation(err)) this.store(known.user, [], err);
    }
  }

  private userOf(userId: string): LoadedUser {
    const known = this.loaded.get(userId);
    if (!known) throw new PanelInputError('That user is not in the matrix (reload it).');
    return known;
  }

  private factorTarget(userId: string, factorId: string): FactorTarget {
    const { user, factors } = this.userOf(userId);
    const factor = factors.find((f) => f.id === factorId);
    if (!factor) throw new PanelInputError(`That factor of ${user.profile.login} is no longer in the matrix (reload it).`);
    return { kind: 'factor', orgId: this.orgId, user, factor };
  }

  private async runBulk(action: MatrixBulkAction, userIds: readonly string[], factors: ReadonlyArray<{ userId: string; factorId: string }>): Promise<void> {
    if (action === 'unenrollFactors') {
      if (factors.length === 0) throw new PanelInputError('Select the factors to unenroll first.');
      const targets = factors.map((f) => this.factorTarget(f.userId, f.factorId));
      await this.effects.executeCommand(BULK_COMMANDS[action], undefined, targets);
      return;
    }
    const unique = [...new Set(userIds)];
    if (unique.length === 0) throw new PanelInputError('Select users (or their cells) first.');
    const targets: UserTarget[] = unique.map((id) => ({ kind: 'user', orgId: this.orgId, user: this.userOf(id).user }));
    await this.effects.executeCommand(BULK_COMMANDS[action], undefined, targets);
  }

  private async export(format: MatrixExportFormat, view: MatrixView): Promise<void> {
    const org = this.services.registry.get(this.orgId)?.label ?? 'Okta org';
    const uri = await this.effects.pickTarget(`factor-matrix-${org.replace(/[^\w.-]+/g, '-')}.${format}`, format);
    const columns = this.columnList();
    // The webview names columns the host listed to it; anything else is a tampered message.
    const unknown = view.filter.has.find((key) => !columns.some((column) => column.key === key));
    if (unknown !== undefined) throw new PanelInputError(`The matrix has no column "${unknown}" to filter by.`);
    if (!uri) return;
    const rows = viewRows([...this.loaded.values()].map((u) => u.row), view);
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
