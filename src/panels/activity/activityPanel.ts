// The MFA Activity panel of one user: the user's recent factor events and verifications from the
// org's System Log, newest first, read on open, on Refresh and when the panel is opened again; Load
// older appends the next page by the log's own link (which stays here, never in the webview). A read
// that fails leaves the events already listed and says why in the panel, with what to do (no
// notification: the panel is where the person looks).
import { RETENTION_DAYS } from '../../changes/userActivity';
import type { OktaUser } from '../../okta/models';
import { toErrorView } from '../shared/errorView';
import { PanelRegistry } from '../shared/panelRegistry';
import type { ActivityPanelServices } from '../shared/panelServices';
import type { ErrorView } from '../shared/protocol';
import { WebviewPanelBase } from '../shared/webviewPanelBase';
import { ACTIVITY_BODY } from './activityMarkup';
import {
  parseActivityMessage, type ActivityEntry, type ActivityHostMessage, type ActivityLoad, type ActivityState, type ActivityWebviewMessage,
} from './protocol';

export interface ActivityTarget {
  orgId: string;
  user: OktaUser;
}

const ACTION = 'Read the MFA activity';

export class ActivityPanel extends WebviewPanelBase<ActivityWebviewMessage, ActivityHostMessage> {
  private entries: ActivityEntry[] = [];
  /** The log's link to the older events, when there are any. */
  private next?: string;
  private reading?: { what: ActivityLoad; controller: AbortController };
  private readAt?: string;
  private added?: number;
  private error?: ErrorView;
  /** Resolves when the read in progress ends and its state is posted (tests wait on it). */
  loading: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ActivityPanelServices, private readonly target: ActivityTarget) {
    super(deps, target.orgId, {
      viewType: 'okta.mfaActivity',
      title: `MFA Activity: ${target.user.profile.login}`,
      script: 'activity',
      body: ACTIVITY_BODY,
      parse: parseActivityMessage,
    });
    void this.refresh();
  }

  /** Reads the newest events again (what happened just now), replacing the list. */
  refresh(): Promise<void> {
    return this.track('newest', (signal) => this.deps.activity.recent(this.orgId, this.target.user.id, { signal }), (page) => {
      this.entries = page.entries;
      this.next = page.next;
      this.readAt = new Date().toISOString();
      this.added = undefined;
    });
  }

  /** Appends the next older page; nothing to do when the log has none, or while the newest page is read again. */
  private loadOlder(): Promise<void> {
    const next = this.next;
    if (!next || this.reading?.what === 'newest') return this.loading;
    return this.track('older', (signal) => this.deps.activity.older(this.orgId, next, signal), (page) => {
      // Pages follow the log's link, so they should not overlap; an event listed twice would confuse.
      const listed = new Set(this.entries.map((e) => e.id));
      const added = page.entries.filter((e) => !listed.has(e.id));
      this.entries = [...this.entries, ...added];
      this.next = page.next;
      this.added = added.length;
    });
  }

  protected async snapshot(): Promise<ActivityState> {
    return {
      type: 'state',
      userLabel: this.target.user.profile.login,
      orgLabel: this.services.registry.get(this.orgId)?.label ?? 'Okta org',
      entries: this.entries,
      ...(this.reading ? { loading: this.reading.what } : {}),
      hasOlder: this.next !== undefined,
      retentionDays: RETENTION_DAYS,
      ...(this.readAt ? { readAt: this.readAt } : {}),
      ...(this.added !== undefined ? { added: this.added } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  protected async handle(message: Exclude<ActivityWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'refresh':
        return this.answer(message.requestId, 'Refresh', [], () => this.refresh());
      case 'loadOlder':
        return this.answer(message.requestId, 'Load older events', [], () => this.loadOlder());
    }
  }

  /**
   * Runs one read, stopping the one before (a Refresh wins over a Load older still out), and posts
   * the state as it starts and once it ended. Only the latest read changes what is listed.
   */
  private track<P>(what: ActivityLoad, read: (signal: AbortSignal) => Promise<P>, apply: (page: P) => void): Promise<void> {
    this.reading?.controller.abort();
    const reading = { what, controller: new AbortController() };
    this.reading = reading;
    this.error = undefined;
    const signal = AbortSignal.any([this.signal, reading.controller.signal]);
    this.loading = (async () => {
      await this.refreshView();
      const stale = () => this.reading !== reading || this.signal.aborted;
      let error: ErrorView | undefined;
      let page: P | undefined;
      try {
        page = await read(signal);
      } catch (err) {
        // Replaced by a newer read or closed: its cancellation is no failure to report.
        if (stale()) return;
        error = this.readError(err);
      }
      if (stale()) return;
      if (error) this.error = error;
      else apply(page as P);
      this.reading = undefined;
      await this.refreshView();
    })();
    return this.loading;
  }

  /** The panel's view of a failed read, also written to the output channel. */
  private readError(err: unknown): ErrorView {
    const view = toErrorView(ACTION, err);
    this.services.log.error(view.message);
    return view;
  }

  /** What a command's caller gets when it serializes the result (the palette does): no services, no webview. */
  toJSON(): { viewType: string } {
    return { viewType: 'okta.mfaActivity' };
  }
}

const activityPanels = new PanelRegistry<ActivityPanel>();

/** Opens the MFA Activity panel of a user, or reveals the open one and reads its newest events again. */
export function openActivityPanel(services: ActivityPanelServices, target: ActivityTarget): ActivityPanel {
  const key = `${target.orgId}/${target.user.id}`;
  const { panel, created } = activityPanels.getOrCreate(key, () => new ActivityPanel(services, target));
  if (!created) {
    panel.reveal();
    void panel.refresh();
  }
  return panel;
}
