/**
 * Checks an output flag (`--out`) before a command starts anything: the folder can be made,
 * is a folder, and takes a file. A path that cannot is a UsageError (exit 2) naming the flag,
 * the path and why, so no command fails with an unexpected error (exit 70) after a long run,
 * or hangs with an embedded shop left open.
 */
import { mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'it is on a read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path loops through symbolic links',
  EINVAL: 'the path is not valid here',
};

/** The first part of `path` that exists (the folder a new path would be made in). */
async function firstExisting(path: string): Promise<{ path: string; isDirectory: boolean } | null> {
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      const info = await stat(at);
      return { path: at, isDirectory: info.isDirectory() };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') continue;
      if (code !== 'ENOENT') return null;
    }
    if (dirname(at) === at) return null;
  }
}

function refuse(flag: string, path: string, reason: string, culprit?: string): never {
  const where = culprit && resolve(culprit) !== resolve(path) ? ` (${culprit})` : '';
  throw new UsageError('cli.bad-out', `${flag} ${path}: cannot write there: ${reason}${where}`, [
    `pass ${flag} a folder you can write to`,
  ]);
}

/** Why an fs error stopped a write to `path`, as a refusal (disk full is the environment's, exit 3). */
function refuseForError(flag: string, path: string, error: unknown, culprit?: string): never {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    throw new EnvironmentError(
      'cli.disk-full',
      `${flag} ${path}: the disk is full (${code}); free some space or write elsewhere`,
    );
  }
  refuse(flag, path, REASONS[code] ?? (code || (error as Error).message), culprit);
}

/**
 * Proves a run folder (or a file) can be made in `dir` without making anything that stays: the
 * folder itself, or the nearest folder above it that exists, takes a new entry. Refuses (exit
 * 2): an existing file, a path through a file, a read-only or forbidden folder; a full disk is
 * exit 3. Returns `dir`, which the command makes when it writes (a refused run leaves nothing).
 */
export async function prepareOutDir(flag: string, dir: string): Promise<string> {
  if (dir.trim() === '') refuse(flag, JSON.stringify(dir), 'the path is empty');
  const existing = await firstExisting(dir);
  if (existing === null) refuse(flag, dir, 'no part of the path exists');
  if (!existing.isDirectory)
    refuse(flag, dir, resolve(existing.path) === resolve(dir) ? REASONS.EEXIST! : REASONS.ENOTDIR!, existing.path);
  await probe(flag, dir, existing.path);
  return dir;
}

/** Makes and removes an empty folder in `folder`: the one sure test that writing works (root ignores modes). */
async function probe(flag: string, path: string, folder: string): Promise<void> {
  try {
    await rmdir(await mkdtemp(join(folder, '.saleready-write-check-')));
  } catch (error) {
    refuseForError(flag, path, error, folder);
  }
}

/**
 * For a flag naming a file (`users --out pool.json`, `history --out index.html`): refuses a
 * folder where the file should be, and a folder the file cannot be written in.
 */
export async function prepareOutFile(flag: string, file: string): Promise<string> {
  if (file.trim() === '') refuse(flag, JSON.stringify(file), 'the path is empty');
  try {
    if ((await stat(file)).isDirectory()) refuse(flag, file, 'it is a folder; name a file');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') refuseForError(flag, file, error);
  }
  try {
    await prepareOutDir(flag, dirname(file));
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(
        error.code,
        error.message.replace(`${flag} ${dirname(file)}:`, `${flag} ${file}:`),
        error.hints,
      );
    throw error;
  }
  return file;
}
