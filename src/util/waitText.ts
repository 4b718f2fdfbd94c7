// How long a wait is, in words for a message: "in 42 s", "in about 3 min". A clock time alone
// ("until 6:51 PM") hides the day and reads wrong across time zones.

export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in about ${minutes} min`;
  return `in about ${Math.round(minutes / 60)} h`;
}
