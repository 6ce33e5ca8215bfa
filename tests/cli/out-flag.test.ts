/**
 * `--out` pointing where nothing can be written (issue 12, High 2 and Medium 5): an existing
 * file where a folder is wanted, a path through a file, a folder on a read-only file system.
 * Every command refuses with exit 2 naming the flag and the path, before it starts anything
 * (the embedded shop of `capacity` included, which used to keep the process alive for ever),
 * and without a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCapacity } from '../../harness/cli/capacity-run.ts';
import { UsageError } from '../../harness/errors.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('out');
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const throughFile = join(aFile, 'reports');
const aFolder = join(dir, 'a-folder');
mkdirSync(aFolder);

// A small read-only file system: root can write anywhere else, so chmod would not do.
const readOnly = join(dir, 'read-only');
let mounted = false;
let whyNot = '';
beforeAll(() => {
  mkdirSync(readOnly);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', readOnly], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    whyNot = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [readOnly]);
});

const smoke = join(repoRoot, 'scenarios', 'smoke.ts');
const k6Output = join(repoRoot, 'fixtures', 'results', 'small-sale.json.gz');
const planFile = join(repoRoot, 'scenarios', 'mint-sale.plan.yaml');

/** Each command with --out at `path` (a folder flag unless said otherwise). */
const commands: { name: string; args: (path: string) => string[]; file?: boolean }[] = [
  { name: 'run', args: (path) => ['run', smoke, '--out', path] },
  { name: 'gate', args: (path) => ['gate', '--scenario', smoke, '--out', path] },
  { name: 'capacity', args: (path) => ['capacity', '--loads', '1,2,4', '--step-seconds', '1', '--out', path] },
  { name: 'analyze', args: (path) => ['analyze', k6Output, '--out', path] },
  { name: 'compare', args: (path) => ['compare', join(dir, 'run-a'), join(dir, 'run-b'), '--out', path] },
  { name: 'plan', args: (path) => ['plan', planFile, '--out', path] },
  { name: 'users', args: (path) => ['users', '--people', '10', '--out', join(path, 'pool.json')], file: true },
  { name: 'history', args: (path) => ['history', aFolder, '--out', join(path, 'index.html')], file: true },
];

function expectRefused(result: { code: number; stderr: string; stdout: string }, path: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain('--out');
  expect(result.stderr).toContain(path);
  expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /);
}

describe('--out where nothing can be written: exit 2 naming the flag and the path', () => {
  for (const command of commands) {
    it(`${command.name}: an existing file where a folder is wanted, and a path through a file`, async () => {
      // For file flags the file's folder is the existing file; for folder flags, the file itself.
      const atFile = await runCli(command.file ? command.args(aFile) : command.args(aFile), { timeoutMs: 30_000 });
      expectRefused(atFile, aFile);
      const through = await runCli(command.args(throughFile), { timeoutMs: 30_000 });
      expectRefused(through, aFile);
    });

    it(`${command.name}: a folder on a read-only file system`, async (context) => {
      if (!mounted) context.skip(`cannot mount a read-only tmpfs here: ${whyNot}`);
      const result = await runCli(command.args(join(readOnly, 'reports')), { timeoutMs: 30_000 });
      expectRefused(result, readOnly);
      expect(result.stderr).toMatch(/read-only/);
    });
  }

  it('runCapacity itself makes the run folder before starting its embedded shop: a refused folder leaves no server open', async () => {
    const servers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
    const before = servers();
    const run = runCapacity({
      journey: ['product'],
      loads: [1, 2, 4],
      stepSeconds: 1,
      targets: { latencyP95Ms: 500, maxErrorRate: 0.01 },
      outDir: aFile,
      lang: 'en',
    });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(`--out ${aFile}: cannot make a run folder there: it is a file, not a folder`);
    expect(servers()).toBe(before);
  });

  it('users and history still write to a file path whose folder exists (the flags name files)', async () => {
    const users = await runCli(['users', '--people', '3', '--out', join(aFolder, 'pool.json')]);
    expect(users.code, users.stderr).toBe(0);
    const history = await runCli(['history', aFolder, '--out', join(aFolder, 'index.html')]);
    expect(history.code, history.stderr).toBe(0);
  });

  it('plan and compare check their default folder too (reports/ in the working folder), before any work', async () => {
    const here = join(dir, 'reports-is-a-file');
    mkdirSync(here);
    writeFileSync(join(here, 'reports'), 'not a folder\n');
    for (const args of [
      ['plan', planFile],
      ['compare', join(dir, 'run-a'), join(dir, 'run-b')],
    ]) {
      const result = await runCli(args, { cwd: here });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain('--out reports: cannot write there: it is a file, not a folder');
      expect(result.stdout).toBe(''); // nothing simulated or compared
    }
  });
});
