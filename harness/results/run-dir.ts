import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';

/** `2026-11-25T19-52-51Z`: a UTC timestamp that is safe in a folder name on every OS. */
export function formatRunTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** Lower-case letters, digits and dashes only, so the folder name needs no quoting. */
export function runDirSlug(scenarioName: string): string {
  const slug = scenarioName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'run';
}

const CANNOT: Record<string, string> = {
  EEXIST: 'it is a file, not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'it is on a read-only file system',
};

/**
 * Creates `<baseDir>/<scenario>-<UTC timestamp>/` and returns its path. An existing folder is
 * never reused: when the name is taken (two runs in the same second), `-2`, `-3`, … is added.
 * A base that cannot take a folder is a UsageError naming `flag` (the option that named it)
 * and the path; a full disk an EnvironmentError.
 */
export async function createRunDir(
  baseDir: string,
  scenarioName: string,
  now: Date = new Date(),
  flag = 'the run folder',
): Promise<string> {
  const stem = `${runDirSlug(scenarioName)}-${formatRunTimestamp(now)}`;
  try {
    await mkdir(baseDir, { recursive: true });
    for (let attempt = 1; ; attempt += 1) {
      const dir = join(baseDir, attempt === 1 ? stem : `${stem}-${attempt}`);
      try {
        await mkdir(dir);
        return dir;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // EEXIST on a base that is a file says nothing more: stop instead of counting for ever
        if (attempt > 1000) throw error;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new EnvironmentError('results.disk-full', `${flag} ${baseDir}: the disk is full (${code})`);
    const reason = CANNOT[code];
    if (reason)
      throw new UsageError('results.bad-run-folder', `${flag} ${baseDir}: cannot make a run folder there: ${reason}`);
    throw error;
  }
}
