// Path segments built from ids: refused when they could change the path, URL-encoded otherwise.
import { OktaInputError } from '../errors';
import { hasLoneSurrogate } from '../../util/unicode';

/**
 * Encodes an id (or a login, for getUser) as one path segment. Refuses, before any request, values
 * that are empty, contain `/`, control characters or a lone surrogate, or are `.`/`..` (which URL
 * parsers collapse).
 * `redact` scrubs the value where the message repeats it.
 */
export function pathSegment(value: unknown, what: string, redact: (text: string) => string = (t) => t): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new OktaInputError(`The ${what} is empty.`);
  }
  if (value.includes('/')) {
    throw new OktaInputError(`The ${what} "${redact(value)}" contains "/", which Okta cannot address in a URL path.`);
  }
  if (/[\u0000-\u001f\u007f]/.test(value) || value === '.' || value === '..') {
    throw new OktaInputError(`The ${what} ${redact(JSON.stringify(value))} is not a valid id.`);
  }
  if (hasLoneSurrogate(value)) {
    throw new OktaInputError(`The ${what} ${redact(JSON.stringify(value))} is not a valid id (it contains a broken Unicode character).`);
  }
  return encodeURIComponent(value);
}
