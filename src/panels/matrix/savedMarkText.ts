// The words of the saved-matrix marker in the load bar: while rows saved earlier are on screen, how
// old they are and that they are being read again (or that the load stopped before it got to them);
// "Up to date." once a load read every user. Plain TypeScript (no DOM, no `vscode`): the browser app
// shows it, the unit tests read it.
import { timeAgo } from '../../presentation/relativeTime';
import type { MatrixProgressView } from './protocol';

const count = new Intl.NumberFormat('en');

/** The marker's words, or undefined while it has nothing to say (a first load still running, or stopped). */
export function savedMarkText(progress: MatrixProgressView, nowMs = Date.now()): string | undefined {
  const { cached, phase } = progress;
  if (!cached) return phase === 'done' ? 'Up to date.' : undefined;
  const left = `${count.format(cached.rows)} ${cached.rows === 1 ? 'row' : 'rows'}`;
  const state = phase === 'loading' ? `refreshing… ${left} not read again yet.`
    : `${left} not read again (${phase === 'cancelled' ? 'the load was cancelled' : 'the load stopped'}).`;
  const partial = cached.complete ? '' : ' The saved matrix did not have every user.';
  return `Saved ${timeAgo(cached.savedAt, nowMs) ?? 'earlier'} — ${state}${partial}`;
}
