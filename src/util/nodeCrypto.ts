// node:crypto (with the streams it pulls in) takes milliseconds to load in a fresh extension host,
// and activation needs none of it: modules that activation loads reach it through this function,
// so it loads on first use (Node caches it).
import type * as NodeCrypto from 'node:crypto';

export function nodeCrypto(): typeof NodeCrypto {
  return process.getBuiltinModule('node:crypto');
}
