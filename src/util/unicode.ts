// Text that cannot be put into a URL or an HTTP message as is.

/** An unpaired UTF-16 surrogate: encodeURIComponent throws on it, URLSearchParams silently alters it. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
