// Runs one request of a panel script the same way everywhere: errors cleared, buttons disabled
// while it is out, its error (if any) shown afterwards. Runs in the webview (browser) only.
import type { ErrorView } from '../protocol';
import { clearErrors, setBusy, showError } from './dom';

/** Sends `request` with the panel busy; resolves with its error (undefined on success) once shown. */
export async function runRequest(request: () => Promise<ErrorView | undefined>): Promise<ErrorView | undefined> {
  clearErrors();
  setBusy(true);
  let error: ErrorView | undefined;
  try {
    error = await request();
  } finally {
    setBusy(false);
  }
  if (error) showError(error);
  return error;
}
