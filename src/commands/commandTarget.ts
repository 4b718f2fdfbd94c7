// Checks what arrives as a command argument from outside the tree (another command, a test, a
// keybinding's args) before a handler trusts it as a CommandTarget.
import type { CommandTarget } from '../factors/targets';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const hasId = (value: unknown): boolean => isObject(value) && typeof value.id === 'string';

export function isCommandTarget(value: unknown): value is CommandTarget {
  if (!isObject(value) || typeof value.orgId !== 'string') return false;
  switch (value.kind) {
    case 'org':
      return true;
    case 'user':
      return hasId(value.user) && isObject((value.user as { profile?: unknown }).profile);
    case 'factor':
      return hasId(value.user) && hasId(value.factor);
    case 'catalogEntry':
      return hasId(value.user) && isObject(value.entry);
    default:
      return false;
  }
}
