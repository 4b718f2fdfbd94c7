// The token prompt and the progress around the credentials check, shared by okta.addOrg and okta.updateToken.
import { tokenProblem, withoutScheme } from '../../okta/auth/credentialRules';
import vscode = require('vscode');
import type { OktaUser } from '../../okta/models';
import { userDisplayName } from '../../factors/names';

export function askForToken(title: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => tokenProblem(withoutScheme(value).token),
  });
}

/** Runs the registry's credentials check under a cancellable progress notification. */
export function withTokenCheck<T>(host: string, check: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the connection to ${host}...`, cancellable: true },
    (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      return check(abort.signal);
    },
  );
}

/** "Ann Lee <ann@example.com>" */
export function describeOwner(owner: OktaUser): string {
  const name = userDisplayName(owner);
  return name === owner.profile.login ? name : `${name} <${owner.profile.login}>`;
}
