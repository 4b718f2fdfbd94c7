import vscode = require('vscode');

/**
 * Runs slow service-layer work under a notification with a Cancel button; cancelling aborts the
 * HTTP request through the AbortSignal the client accepts.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return task(controller.signal, progress).finally(() => { subscription.dispose(); });
    },
  );
}
