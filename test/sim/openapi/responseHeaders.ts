// Headers every Okta API response carries (core API docs, rate-limit docs), checked the way the
// official SDKs consume them: the Node/Go/Python retry logic needs `Date` (RFC 1123, GMT) and a
// single integer epoch-seconds `X-Rate-Limit-Reset`, also on 429s.

export interface HeaderReader {
  get(name: string): string | null;
}

const RFC_1123_GMT = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const NON_NEGATIVE_INT = /^\d+$/;

/** Problems with the standard headers; empty when all are present and consistent. */
export function standardHeaderProblems(headers: HeaderReader, options: { hasBody: boolean }): string[] {
  const problems: string[] = [];
  const date = headers.get('date');
  if (!date || !RFC_1123_GMT.test(date)) problems.push(`Date is not an RFC 1123 GMT date: ${date}`);
  const requestId = headers.get('x-okta-request-id');
  if (!requestId || requestId.includes(',')) problems.push(`X-Okta-Request-Id is missing or repeated: ${requestId}`);

  const rate: Record<string, string | null> = {
    'X-Rate-Limit-Limit': headers.get('x-rate-limit-limit'),
    'X-Rate-Limit-Remaining': headers.get('x-rate-limit-remaining'),
    'X-Rate-Limit-Reset': headers.get('x-rate-limit-reset'),
  };
  for (const [name, value] of Object.entries(rate)) {
    if (value === null || !NON_NEGATIVE_INT.test(value)) problems.push(`${name} is not one non-negative integer: ${value}`);
  }
  const limit = Number(rate['X-Rate-Limit-Limit']);
  const remaining = Number(rate['X-Rate-Limit-Remaining']);
  if (remaining > limit) problems.push(`X-Rate-Limit-Remaining ${remaining} exceeds X-Rate-Limit-Limit ${limit}`);
  if (date && rate['X-Rate-Limit-Reset']) {
    const dateSeconds = Math.floor(Date.parse(date) / 1000);
    const reset = Number(rate['X-Rate-Limit-Reset']);
    // Reset is when the rolling window frees up: not in the past, not absurdly far (a day).
    if (reset < dateSeconds || reset > dateSeconds + 86_400) {
      problems.push(`X-Rate-Limit-Reset ${reset} is not within a day after Date (${dateSeconds})`);
    }
  }
  if (options.hasBody) {
    const type = headers.get('content-type') ?? '';
    if (!/^application\/json\b/.test(type)) problems.push(`Content-Type is not application/json: ${type}`);
  }
  return problems;
}

/**
 * RFC 8288 Link header(s) as `rel -> URL`. fetch joins repeated headers with ", "; Okta sends
 * `self` and `next` as separate headers.
 */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const part of value.split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>\s*;\s*rel="?([^";]+)"?\s*$/.exec(part.trim());
    if (!match) throw new Error(`Unparsable Link header part: ${part}`);
    for (const rel of match[2].split(/\s+/)) links[rel] = match[1];
  }
  return links;
}
