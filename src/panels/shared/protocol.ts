// The part of the host <-> webview message protocol every panel shares; each panel's own messages
// and parser are in its folder (src/panels/<panel>/protocol.ts).
//
// Shape (after vscode-pull-request-github's WebviewBase and GitLens' IPC):
// - the webview says `ready` once its script runs; the host answers with a full `state` snapshot
//   (and sends it again if the webview ever reloads), and queues anything else until then;
// - every webview action carries a `requestId`; the host answers each with exactly one `reply`
//   (with an `error` when it failed), and sends data as typed notifications;
// - the webview never names an org: the panel already knows which one it serves. Only the matrix
//   names users and factors, and only ones the host listed to it (it looks each one up again).
// Both sides import these types; only the host imports the parsers. No `vscode` import here.

/** An error as the panel shows it: one sentence, Okta's causes, and per-field messages. */
export interface ErrorView {
  message: string;
  errorCode?: string;
  /** Okta's `errorCauses[].errorSummary`, shown as a list next to the form. */
  causes: string[];
  /** Field name (as in EnrollForm / the verify inputs) -> message shown under that field. */
  fields: Record<string, string>;
}

/** The webview's first message: its script runs, so the host may send the state snapshot. */
export interface ReadyMessage {
  type: 'ready';
}

/** Completion of one webview request. */
export interface ReplyMessage {
  type: 'reply';
  requestId: number;
  error?: ErrorView;
}

/** Something failed outside a request (e.g. loading the catalog): shown in the error box. */
export interface ErrorMessage {
  type: 'error';
  error: ErrorView;
}
