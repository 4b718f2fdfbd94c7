// Keeping a secret (an API token, a private key) out of the messages the registry shows and the
// errors it keeps as causes.
import { inspect } from 'node:util';

/** Removes the token from text, whatever produced it: defence in depth for every message we show. */
export function redactToken(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join('[redacted]') : text;
}

/**
 * What to keep as the `cause` of an error wrapping `error`: the error itself when the token is
 * nowhere in it (the client's errors, normally); otherwise (a keychain failure repeating it, an
 * unexpected throw) only its scrubbed message.
 */
export function scrubbedCause(error: unknown, token: string): unknown {
  if (token.length >= 4 && !inspect(error, { depth: 10, showHidden: true }).includes(token)) return error;
  return new Error(redactToken(error instanceof Error ? error.message : String(error), token));
}
