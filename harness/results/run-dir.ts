import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `2026-11-25T19-52-51Z`: a UTC timestamp that is safe in a folder name on every OS. */
export function formatRunTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
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

/**
 * Creates `<baseDir>/<scenario>-<UTC timestamp>/` and returns its path. An existing folder is
 * never reused: when the name is taken (two runs in the same second), `-2`, `-3`, … is added.
 */
export async function createRunDir(baseDir: string, scenarioName: string, now: Date = new Date()): Promise<string> {
  await mkdir(baseDir, { recursive: true });
  const stem = `${runDirSlug(scenarioName)}-${formatRunTimestamp(now)}`;
  for (let attempt = 1; ; attempt += 1) {
    const dir = join(baseDir, attempt === 1 ? stem : `${stem}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
