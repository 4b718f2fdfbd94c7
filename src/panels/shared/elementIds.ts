// Element ids every panel's page has: its header, the status line and the error box the shared
// browser code fills (app/dom.ts). Markup, scripts and the end-to-end tests all take them from here,
// so a renamed id cannot leave one of them behind. Plain TypeScript: no DOM, no `vscode`.
export const SHARED_IDS = {
  title: 'title',
  subtitle: 'subtitle',
  status: 'status',
  error: 'error',
  errorMessage: 'error-message',
  errorCauses: 'error-causes',
} as const;

/** The slot under an input for the error Okta (or the host) attached to that field (ErrorView.fields). */
export const fieldErrorId = (field: string): string => `error-${field}`;
