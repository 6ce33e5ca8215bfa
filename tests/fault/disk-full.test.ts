/**
 * Fault: the disk holding the run folder fills up (issue 12, fault tests). `--out` is a small
 * tmpfs mounted for the test (as root; skipped, saying why, where mounting is impossible).
 * Two sizes: one fills while the engine writes its records, one while the report is written.
 * Either way the run ends with exit 3 (the environment) naming the full disk and the folder,
 * the figures measured reach the screen, the records written before the disk filled are kept
 * and readable, and no half-written report file is left behind looking whole.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestEngineRecords, listRecordFiles, measure } from '../../harness/results/index.ts';
import { writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { startRun } from './fault-run.ts';
import { writeWhole } from '../../harness/cli/disk-full.ts';
import { rejectionOf } from '../helpers/thrown.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('fault-disk');
const mounts: string[] = [];
// unmounted before the folder is removed: after-hooks run in reverse order
afterAll(() => {
  for (const mount of mounts) execFileSync('umount', [mount]);
});

/** A tmpfs of `size` at a new folder, or the reason it cannot be mounted. */
function smallDisk(name: string, size: string): { path: string } | { whyNot: string } {
  const path = join(work, name);
  mkdirSync(path);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'pipe' });
    mounts.push(path);
    return { path };
  } catch (error) {
    return { whyNot: (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message };
  }
}

describe('fault: the disk of the run folder is full', () => {
  for (const [size, when] of [
    ['32k', 'while the engine writes its records'],
    ['96k', 'while the report is written'],
  ] as const) {
    it(`${size} (${when}): exit 3 naming the full disk, figures on screen, records kept, no half-written report`, async (context) => {
      const disk = smallDisk(`disk-${size}`, size);
      if ('whyNot' in disk) return context.skip(`cannot mount a ${size} tmpfs here (needs root): ${disk.whyNot}`);
      const scenario = writeTinyScenario(work, `full-${size}`, { people: 400, stock: 40, targets: '  oversold: 0' });
      const out = join(disk.path, 'reports');
      const run = startRun(['run', scenario, '--out', out, '--lang', 'en']);
      const { code, stdout, stderr } = await run.ended;
      expect(code, stdout + stderr).toBe(3);
      expect(stderr).toMatch(/disk .* is full \(ENOSPC\)/);
      expect(stderr).not.toMatch(/unexpected failure|\n\s+at /);
      const [name] = readdirSync(out);
      const runDir = join(out, name!);
      expect(stderr).toContain(runDir);
      // The figures measured reach the screen.
      const shown = /Requests ([\d,]+)/.exec(stdout);
      expect(shown, stdout).not.toBeNull();
      // The records written before the disk filled are kept and read back.
      const records = await listRecordFiles(join(runDir, 'records'));
      expect(records.length).toBeGreaterThan(0);
      for (const path of records) expect(statSync(path).size, path).toBeGreaterThan(0);
      const kept = await ingestEngineRecords(records);
      expect(measure(kept.result, 'http_reqs', 'count')?.value ?? 0).toBeGreaterThan(0);
      // No report file is left half-written: each one there is whole.
      for (const file of ['summary.json', 'report.md', 'junit.xml', 'report.html']) {
        const path = join(runDir, file);
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        if (file === 'summary.json') expect(() => JSON.parse(text), file).not.toThrow();
        if (file === 'junit.xml') expect(text, file).toMatch(/<\/testsuites>\s*$/);
        if (file === 'report.html') expect(text, file).toMatch(/<\/html>\s*$/);
        if (file === 'report.md') expect(text.length, file).toBeGreaterThan(0);
      }
    });
  }

  it('gate’s junit.xml and gate.json are written whole or not at all: a full disk keeps the file as it was', async (context) => {
    const disk = smallDisk('disk-whole', '16k');
    if ('whyNot' in disk) return context.skip(`cannot mount a 16k tmpfs here (needs root): ${disk.whyNot}`);
    const junit = join(disk.path, 'junit.xml');
    const before = '<?xml version="1.0"?>\n<testsuites></testsuites>\n';
    await writeWhole(junit, before);
    // 64 KB cannot fit on a 16 KB disk: the write fails part way
    const error = await rejectionOf(
      () => writeWhole(junit, `<testsuites>${'x'.repeat(64 * 1024)}</testsuites>\n`),
      Error,
    );
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(readFileSync(junit, 'utf8')).toBe(before);
    expect(readdirSync(disk.path)).toEqual(['junit.xml']); // no junit.xml.partial left behind
  });
});
