// The command line as a user meets it: the real bin, real processes, exit codes.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.ts';

const execFileAsync = promisify(execFile);

describe('saleready command line', () => {
  it('prints the package version with --version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('0.1.0');
  });

  it('lists its commands in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['setup', 'doctor', 'shop']) expect(result.stdout).toContain(command);
  });

  it('exits 2 on an unknown command without a stack trace', async () => {
    const result = await runCli(['launch-rockets']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'launch-rockets'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('doctor exits 0 and prints the k6 and Chromium versions when both are there', async () => {
    const result = await runCli(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ k6\s+v\d+\.\d+\.\d+/);
    expect(result.stdout).toMatch(/✔ chromium\s+\d+\.\d+/);
  });

  it('doctor exits 3 and names k6 when K6_BIN points nowhere', async () => {
    const result = await runCli(['doctor'], { env: { ...process.env, K6_BIN: '/nonexistent/k6' } });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('✖ k6');
    expect(result.stderr).toContain('missing or unusable: k6');
  });

  it('setup run a second time finds everything and takes under 10 s', async () => {
    const started = Date.now();
    const { stdout } = await execFileAsync(process.execPath, [join(repoRoot, 'scripts', 'setup.mjs')], { timeout: 60_000 });
    expect(stdout).toContain('npm       packages up to date');
    expect(stdout).toMatch(/k6\s+v\d+.*found via/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
