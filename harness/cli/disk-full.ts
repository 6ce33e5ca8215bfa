/**
 * A full disk under the run folder (ENOSPC, or a quota: EDQUOT), in the run's three writing
 * stages: the engine's records (its worker stops: Artillery says ENOSPC), their compression,
 * and the report files. What was measured is kept where it already is — the records written
 * before the disk filled stay uncompressed, the figures go to the screen — and no report file
 * is left half-written. The run ends with exit 3 (the environment), naming the disk.
 */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** True when Artillery's output shows the engine failing to write for lack of space. */
export function engineHitFullDisk(outputTail: string): boolean {
  return /\b(ENOSPC|EDQUOT)\b/.test(outputTail);
}

/** "the disk holding the run folder X is full (ENOSPC)": the start of every message about it. */
export function fullDiskWords(runDir: string, code = 'ENOSPC'): string {
  return `the disk holding the run folder ${runDir} is full (${code})`;
}

/**
 * Compresses the records; on a full disk keeps them as they are (removing half-made .gz
 * copies) and returns a sentence saying so, else null.
 */
export async function compressRecordsOrKeep(recordsDir: string, runDir: string): Promise<string | null> {
  try {
    const { compressRecords } = await import('../engine/index.ts');
    await compressRecords(recordsDir);
    return null;
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    const names = await readdir(recordsDir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.ndjson.gz') && names.includes(name.slice(0, -3)))
        await rm(join(recordsDir, name), { force: true });
    }
    return `${fullDiskWords(runDir, (error as NodeJS.ErrnoException).code)}: the records were kept uncompressed`;
  }
}

/** The report files a run writes; on a full disk the ones written in part are removed. */
export const REPORT_FILES = ['summary.json', 'report.html', 'report.md', 'junit.xml'] as const;

/** Runs `write`; on a full disk removes the report files (none may look whole when cut) and returns a sentence, else null. */
export async function writeReportOrSay(runDir: string, write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    for (const file of REPORT_FILES) await rm(join(runDir, file), { force: true });
    return `${fullDiskWords(runDir, (error as NodeJS.ErrnoException).code)}: the report files could not be written (the figures above are the run's)`;
  }
}

/**
 * Writes `text` to `path` whole or not at all: into `path.partial` first, then renamed over
 * `path` (a rename needs no space). On any failure — a full disk above all — the partial file is
 * removed, `path` keeps what it held, and the error is thrown on. For files a CI reads
 * (junit.xml, gate.json), where a cut file could be read as a whole one.
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
