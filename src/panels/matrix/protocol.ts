// The Factor Matrix panel's part of the message protocol (shared pieces: ../shared/protocol.ts).
// Both sides import these types; only the host imports the parser. No `vscode` import here.
import type { MatrixColumn, MatrixRow, MatrixView } from '../../factors/factorMatrix';
import type { SavedRowsMark } from '../../factors/matrixRows';
import { boolean, list, messageParser, oneOf, requestId, shape, SHORT_TEXT, text } from '../shared/messageValidation';
import type { ErrorMessage, ReadyMessage, ReplyMessage } from '../shared/protocol';

export interface MatrixProgressView {
  phase: 'loading' | 'done' | 'cancelled' | 'failed';
  loaded: number;
  /** Known once every user page is in. */
  total?: number;
  /** Why the load failed. */
  message?: string;
  /** How a finished (or falling-back) load got its rows: from the System Log, or why every user is read. */
  note?: string;
  /** A quick refresh is running: `loaded` of `total` are the users the System Log named. */
  fromLog?: boolean;
  /**
   * Set while rows from the matrix saved earlier are shown, their users not read again yet: when it
   * was saved, how many such rows, whether it had every user. Gone once the load read them all.
   */
  cached?: SavedRowsMark;
}

export interface MatrixState {
  type: 'state';
  orgLabel: string;
  /** The org's user filter in the tree, when the matrix is limited to it. */
  userFilter?: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  progress: MatrixProgressView;
}

export type MatrixFactorAction = 'verify' | 'unenroll' | 'details';
export type MatrixBulkAction = 'unenrollFactors' | 'resetFactors' | 'enrollFactorOnUsers';
export type MatrixExportFormat = 'csv' | 'json';

export type MatrixHostMessage =
  | MatrixState
  | ReplyMessage
  | ErrorMessage
  /**
   * Rows added or replaced (by user id: sending a row twice is harmless), rows of users no longer
   * listed, the columns as they now are, and the progress.
   */
  | { type: 'update'; columns: MatrixColumn[]; rows: MatrixRow[]; removed?: string[]; progress: MatrixProgressView };

export type MatrixWebviewMessage =
  | ReadyMessage
  | { type: 'cancelLoad'; requestId: number }
  /** `changes`: follow the System Log; `full`: read every user. */
  | { type: 'reload'; requestId: number; mode: 'changes' | 'full' }
  | { type: 'factorAction'; requestId: number; action: MatrixFactorAction; userId: string; factorId: string }
  | { type: 'bulk'; requestId: number; action: MatrixBulkAction; userIds: string[]; factors: Array<{ userId: string; factorId: string }> }
  | { type: 'export'; requestId: number; format: MatrixExportFormat; view: MatrixView };

const ID = text(100);
/** More than any org's users a matrix loads at once. */
const MAX_SELECTED = 100_000;

export const parseMatrixMessage = messageParser<MatrixWebviewMessage>({
  ready: {},
  cancelLoad: { requestId },
  reload: { requestId, mode: oneOf('changes', 'full') },
  factorAction: { requestId, action: oneOf('verify', 'unenroll', 'details'), userId: ID, factorId: ID },
  bulk: {
    requestId, action: oneOf('unenrollFactors', 'resetFactors', 'enrollFactorOnUsers'),
    userIds: list(ID, MAX_SELECTED), factors: list(shape({ userId: ID, factorId: ID }), MAX_SELECTED),
  },
  export: {
    requestId, format: oneOf('csv', 'json'),
    view: shape({
      filter: shape({ text: text(SHORT_TEXT), pending: boolean, noMfa: boolean, has: list(text(SHORT_TEXT), 200) }),
      sort: shape({ by: text(SHORT_TEXT), descending: boolean }),
    }),
  },
});
