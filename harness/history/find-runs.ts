import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { parseRunSummary, type RunSummary } from '../report/index.ts';

/** One run folder with a readable summary.json. */
export interface HistoryRun {
  /** The folder, as found under the root. */
  readonly dir: string;
  readonly summary: RunSummary;
  /** Its report.html, when there is one. */
  readonly reportFile: string | null;
}

/** A folder that was passed over, and why (for a note on the page). */
export interface SkippedFolder {
  readonly dir: string;
  readonly reason: string;
}

export interface FoundRuns {
  /** Oldest first (by startedAt). */
  readonly runs: HistoryRun[];
  readonly skipped: SkippedFolder[];
}

/**
 * Finds every run folder (a folder holding summary.json) under `rootDir`, down to `maxDepth`
 * levels. A summary that is not JSON or does not match the schema, and a leaf folder without
 * one, is skipped with a note — never an error: one broken folder must not hide the rest.
 * A missing root is a UsageError.
 */
export async function findRuns(rootDir: string, maxDepth = 3): Promise<FoundRuns> {
  const info = await stat(rootDir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UsageError('history.no-folder', `${rootDir} is not a folder of runs`, [
      'run `saleready run …` or `saleready analyze …` first, or name the folder the runs are in',
    ]);
  }
  const runs: HistoryRun[] = [];
  const skipped: SkippedFolder[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ dir, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    if (entries.some((entry) => entry.isFile() && entry.name === 'summary.json')) {
      const run = await readRun(dir);
      if ('reason' in run) skipped.push(run);
      else runs.push(run);
      return;
    }
    const folders = entries.filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules',
    );
    if (folders.length === 0) {
      if (depth > 0) skipped.push({ dir, reason: 'no summary.json (an unfinished run, or not a run folder)' });
      return;
    }
    if (depth >= maxDepth) return;
    for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name)))
      await visit(join(dir, folder.name), depth + 1);
  };
  await visit(rootDir, 0);
  runs.sort((a, b) => a.summary.startedAt.localeCompare(b.summary.startedAt) || a.dir.localeCompare(b.dir));
  return { runs, skipped };
}

async function readRun(dir: string): Promise<HistoryRun | SkippedFolder> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'));
  } catch (error) {
    return { dir, reason: `summary.json is not readable JSON (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    const summary = parseRunSummary(json, 'summary.json');
    const report = join(dir, 'report.html');
    return { dir, summary, reportFile: existsSync(report) ? report : null };
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    return { dir, reason: `${lines[0]} ${lines.slice(1, 3).join(' ')}${lines.length > 3 ? ' …' : ''}`.trim() };
  }
}
