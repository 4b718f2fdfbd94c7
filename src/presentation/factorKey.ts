/** One string per factor across orgs, for per-factor state kept in memory (cooldowns, transactions). */
export function factorKey(orgId: string, userId: string, factorId: string): string {
  return `${orgId}/${userId}/${factorId}`;
}
