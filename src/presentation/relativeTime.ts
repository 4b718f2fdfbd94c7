// "3 days ago": how long ago an ISO time was, for tooltips and details. No `vscode`.

const UNITS: Array<[string, number]> = [['year', 365 * 86_400], ['month', 30 * 86_400], ['day', 86_400], ['hour', 3600], ['minute', 60]];

export function timeAgo(iso: string, nowMs: number = Date.now()): string | undefined {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const seconds = Math.round((nowMs - then) / 1000);
  if (seconds < 60) return seconds < -60 ? 'in the future' : 'just now';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}
