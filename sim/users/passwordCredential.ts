// `credentials.password` of POST /users: a clear-text `value` (provider OKTA) or an imported `hash`
// (provider IMPORT, api-reference §8.1). Neither is kept: nobody signs in to the simulator.
import { oktaErrors } from '../errors';
import { bodyObject, stringField } from '../http';
import type { CredentialsProvider } from '../model';

/** The contract's `PasswordCredentialHashAlgorithm`. */
const HASH_ALGORITHMS = ['BCRYPT', 'MD5', 'PBKDF2', 'SHA-1', 'SHA-256', 'SHA-512'];

const invalidPassword = (cause: string) => oktaErrors.validation('password', `password: ${cause}`);

/**
 * The provider the new user's password gives it, or undefined without a password. A hash that could
 * not be imported is refused rather than read as "no password" (the wording is a guess, see README).
 */
export function passwordProvider(credentials: Record<string, unknown>): CredentialsProvider | undefined {
  const password = bodyObject(credentials.password);
  const hasValue = stringField(password, 'value') !== undefined;
  if (password.hash === undefined) return hasValue ? 'OKTA' : undefined;
  if (hasValue) throw invalidPassword('Specify either a password value or a hash, not both.');
  const hash = bodyObject(password.hash);
  if (!HASH_ALGORITHMS.includes(stringField(hash, 'algorithm') ?? '')) {
    throw invalidPassword(`hash.algorithm must be one of ${HASH_ALGORITHMS.join(', ')}.`);
  }
  if (!stringField(hash, 'value')) throw invalidPassword('hash.value: The field cannot be left blank.');
  return 'IMPORT';
}
