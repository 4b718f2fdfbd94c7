// Writing a file whole or not at all: a temp file beside the target (created, never reused), then
// renamed over it. A failure says which folder could not be written and why, in words, not as a
// Node error code with the name of a temp file the person never chose.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  NoPermissions: 'permission denied',
  ENOENT: 'the folder does not exist',
  FileNotFound: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder of that name is in the way',
  EEXIST: 'a file of that name is in the way',
};

export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
}

/** The error of a failed write of `target`, naming its folder and the reason in words. */
export function fileWriteError(target: string, error: unknown): FileWriteError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = (typeof code === 'string' && REASONS[code]) || (error instanceof Error ? error.message.split('\n')[0] : String(error));
  return new FileWriteError(`Could not write ${basename(target)} in ${dirname(target)}: ${reason}. Nothing was written.`, { cause: error });
}

/** A temp file's name beside `target`. */
export function tempPathFor(target: string): string {
  return `${target}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Writes `text` to `path` whole (mode 600: readable by its owner only), or throws a FileWriteError and leaves nothing. */
export async function writeFileWhole(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, text, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw fileWriteError(path, error);
  }
}
