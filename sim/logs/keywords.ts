// The System Log's `q`: up to 10 keywords of up to 40 characters (the contract), each matched
// exactly and case-insensitively against the words of the event's values (docs: "All supplied
// keywords must be matched exactly"). A value counts whole, word by word (split on white space) and,
// as the docs describe for hyphens, part by part ("XOxBw-2JIRn" matches XOxBw, 2JIRn or the whole).
import { oktaErrors } from '../errors';
import type { LogEventJson } from './logEvent';

const MAX_KEYWORDS = 10;
const MAX_KEYWORD_LENGTH = 40;

/** Lower-cased keywords; none for an absent or empty `q`. */
export function parseKeywords(q: string | null): string[] {
  const keywords = (q ?? '').split(/\s+/).filter(Boolean);
  if (keywords.some((k) => [...k].length > MAX_KEYWORD_LENGTH)) {
    // Okta's wording (docs, "A free-form query that's too long").
    throw oktaErrors.validation(`'q': Freeform search cannot contain items longer than ${MAX_KEYWORD_LENGTH} characters. ` +
      'Please shorten the items in your search or use an advanced filter to query by specific fields.');
  }
  if (keywords.length > MAX_KEYWORDS) {
    // The same pattern for the other documented limit (no recording of it).
    throw oktaErrors.validation(`'q': Freeform search cannot contain more than ${MAX_KEYWORDS} items. ` +
      'Please remove items from your search or use an advanced filter to query by specific fields.');
  }
  return keywords.map((k) => k.toLowerCase());
}

function collectWords(value: unknown, words: Set<string>): void {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).toLowerCase();
    words.add(text);
    for (const word of text.split(/\s+/)) {
      words.add(word);
      for (const part of word.split('-')) words.add(part);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectWords(item, words);
  }
}

export function matchesKeywords(event: LogEventJson, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return true;
  const words = new Set<string>();
  collectWords(event, words);
  return keywords.every((k) => words.has(k));
}
