// Element ids of the MFA Activity panel, shared by its markup, its browser app and the end-to-end
// tests (../shared/elementIds.ts has the header, status line and error box). Plain TypeScript: no DOM, no `vscode`.
export const ACTIVITY_IDS = {
  refresh: 'refresh',
  list: 'activity-list',
  empty: 'activity-empty',
  loadOlder: 'load-older',
  retention: 'retention',
} as const;
