/**
 * `saleready capacity fit` on the inputs people really have (issue 12, Medium 8 and Low 23):
 * long files (one row per second of a long run), several runs at the same load, values far
 * from 1. Each ends in a fit or in exit 2 naming the file and line, never exit 70 or "NaN".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('fit-inputs');
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** X(N) = λN / (1 + σ(N−1) + κN(N−1)) with λ 100, σ 0.02, κ 0.0005 (N* = √(0.98/0.0005) ≈ 44.3). */
const usl = (load: number, scale = 1): number =>
  (scale * 100 * load) / (1 + 0.02 * (load - 1) + 0.0005 * load * (load - 1));

describe('saleready capacity fit: long files, repeated loads, extreme values', () => {
  it('fits 130,000 rows (loads 1–64 repeated) without running out of stack, and recovers σ, κ, λ', async () => {
    const rows = ['load,throughput'];
    for (let i = 0; i < 130_000; i++) {
      const load = 1 + (i % 64);
      rows.push(`${load},${(usl(load) * (1 + 0.01 * Math.sin(i))).toFixed(4)}`);
    }
    const result = await runCli(['capacity', 'fit', csv('long.csv', `${rows.join('\n')}\n`), '--json']);
    expect(result.stderr).not.toMatch(/stack|unexpected failure/i);
    expect(result.code).toBe(0);
    const fit = JSON.parse(result.stdout) as {
      sigma: number;
      kappa: number;
      lambda: number;
      points: number;
      loads: number;
      r2: number;
    };
    expect(fit.points).toBe(130_000);
    expect(fit.loads).toBe(64);
    // The generating values, within the ±1% ripple added to each row.
    expect(fit.sigma).toBeCloseTo(0.02, 2);
    expect(fit.kappa).toBeCloseTo(0.0005, 4);
    expect(fit.lambda).toBeCloseTo(100, 0);
    expect(fit.r2).toBeGreaterThan(0.99);
  }, 60_000);

  it('takes several runs per load: the fit uses every row, the knee the mean at each load, and it says so', async () => {
    const rows = ['load,throughput'];
    for (const load of [1, 2, 4, 8, 16, 32, 64])
      for (const ripple of [0.98, 1, 1.02]) rows.push(`${load},${(usl(load) * ripple).toFixed(3)}`);
    const result = await runCli(['capacity', 'fit', csv('repeats.csv', `${rows.join('\n')}\n`)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(21 points)');
    expect(result.stdout).toMatch(/7 loads measured 3 times each/);
    expect(result.stdout).toMatch(/knee of the measured curve at load \d+/);
  });

  it('values far from 1 (1e-300, 1e9 per second): no "NaN", and the fit is the same as at scale 1', async () => {
    const loads = [1, 2, 4, 8, 16, 32, 64];
    const at = (scale: number): string =>
      `load,throughput\n${loads.map((load) => `${load},${usl(load, scale)}`).join('\n')}\n`;
    const reference = JSON.parse((await runCli(['capacity', 'fit', csv('unit.csv', at(1)), '--json'])).stdout) as {
      sigma: number;
      kappa: number;
      lambda: number;
    };
    for (const scale of [1e-300, 1e9]) {
      const result = await runCli(['capacity', 'fit', csv(`scale-${scale}.csv`, at(scale))]);
      expect(result.code, `scale ${scale}: ${result.stderr}`).toBe(0);
      expect(result.stdout, `scale ${scale}`).not.toMatch(/NaN|Infinity|undefined/);
      const json = JSON.parse(
        (await runCli(['capacity', 'fit', csv(`scale-${scale}-json.csv`, at(scale)), '--json'])).stdout,
      ) as { sigma: number; kappa: number; lambda: number; r2: number };
      expect(json.sigma).toBeCloseTo(reference.sigma, 6);
      expect(json.kappa).toBeCloseTo(reference.kappa, 8);
      expect(json.lambda / scale).toBeCloseTo(reference.lambda, 4);
      expect(json.r2).toBeGreaterThan(0.999);
    }
  });

  it('refuses what cannot be a measurement, naming the file and line: a load of 1e200, a throughput of 1e308, every row at one load', async () => {
    const huge = await runCli(['capacity', 'fit', csv('huge-load.csv', 'load,throughput\n1,10\n2,19\n1e200,5\n')]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/huge-load\.csv line 4 .*"load".*at most/);
    const hugeRate = await runCli(['capacity', 'fit', csv('huge-rate.csv', 'load,throughput\n1,10\n2,19\n4,1e308\n')]);
    expect(hugeRate.code).toBe(2);
    expect(hugeRate.stderr).toMatch(/huge-rate\.csv line 4 .*"throughput".*at most 1e15/);
    const one = await runCli(['capacity', 'fit', csv('one-load.csv', 'load,throughput\n8,10\n8,11\n8,12\n8,13\n')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/one-load\.csv: .*3 or more different loads, got 1 \(load 8 on lines 2–5\)/);
    const zero = await runCli(['capacity', 'fit', csv('zero.csv', 'load,throughput\n1,0\n2,0\n4,0\n')]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/zero\.csv: every throughput is 0/);
  });
});
