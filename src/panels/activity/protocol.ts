// The MFA Activity panel's part of the message protocol (shared pieces: ../shared/protocol.ts).
// The webview only asks for the newest events again or for older ones: the org, the user and the
// log's next link stay on the host. Both sides import these types; only the host imports the parser.
// No `vscode` import here.
import type { ActivityEntry } from '../../changes/activityEntry';
import { messageParser, requestId } from '../shared/messageValidation';
import type { ErrorMessage, ErrorView, ReadyMessage, ReplyMessage } from '../shared/protocol';

export type { ActivityEntry };

/** What the host is reading: the newest page (on open and Refresh), or the page after the last. */
export type ActivityLoad = 'newest' | 'older';

export interface ActivityState {
  type: 'state';
  /** The user's login. */
  userLabel: string;
  orgLabel: string;
  /** Newest first, every page read so far. */
  entries: ActivityEntry[];
  /** Set while a read is out. */
  loading?: ActivityLoad;
  /** The log has older events than the ones listed (Load older follows its link). */
  hasOlder: boolean;
  /** How far back Okta keeps events. */
  retentionDays: number;
  /** When the newest page was read (ISO), once it was. */
  readAt?: string;
  /** Entries the last Load older added. */
  added?: number;
  /** Why the last read failed; the entries already listed stay. */
  error?: ErrorView;
}

export type ActivityHostMessage = ActivityState | ReplyMessage | ErrorMessage;

export type ActivityWebviewMessage =
  | ReadyMessage
  | { type: 'refresh'; requestId: number }
  | { type: 'loadOlder'; requestId: number };

export const parseActivityMessage = messageParser<ActivityWebviewMessage>({
  ready: {},
  refresh: { requestId },
  loadOlder: { requestId },
});
