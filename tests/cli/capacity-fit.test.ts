// `saleready capacity fit` end to end: the real bin on real CSV files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('fit');
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('saleready capacity fit', () => {
  it('prints the raytracer rows 1–6 fit as JSON (smoeding/usl: σ 0.02444, κ 0.00163, λ 20.85605; ±5e-5)', async () => {
    const path = csv('raytracer-6.csv', 'processors,throughput\n1,20\n4,78\n8,130\n12,170\n16,190\n20,200\n');
    const result = await runCli(['capacity', 'fit', path, '--json']);
    expect(result.code).toBe(0);
    const fit = JSON.parse(result.stdout) as Record<string, number | null>;
    expect(fit.sigma).toBeCloseTo(0.02444, 4);
    expect(fit.kappa).toBeCloseTo(0.00163, 4);
    expect(fit.lambda).toBeCloseTo(20.85605, 3);
    // N* = √((1−σ)/κ) from the fitted values.
    expect(fit.peakLoad).toBeCloseTo(Math.sqrt((1 - fit.sigma!) / fit.kappa!), 6);
    expect(fit.peakThroughput).toBeGreaterThan(200);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it('says "no peak (contention only)" for all 11 raytracer rows, where κ clamps to 0', async () => {
    const result = await runCli(['capacity', 'fit', join('fixtures', 'capacity', 'raytracer.csv')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no peak (contention only)');
    expect(result.stdout).toMatch(/κ coherency\s+0\s/);
  });

  it('exits 2 naming the row and column of a non-numeric value, without a stack trace', async () => {
    const path = csv('bad.csv', 'load,rps\n1,10\n2,abc\n4,30\n');
    const result = await runCli(['capacity', 'fit', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.csv');
    expect(result.stderr).toMatch(/rps/);
    expect(result.stderr).toContain('abc');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for fewer than 3 points and for a missing file', async () => {
    const few = await runCli(['capacity', 'fit', csv('few.csv', 'load,throughput\n1,10\n2,19\n')]);
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/3/);
    const missing = await runCli(['capacity', 'fit', join(dir, 'absent.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.csv: no such file');
  });
});
