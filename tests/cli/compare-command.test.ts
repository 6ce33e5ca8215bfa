// `saleready compare` end to end: real shop, real Artillery with saleready's person engine, real
// run folders, the real bin, real Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, loadRun, type FigureComparison, type RunComparison } from '../../harness/compare/index.ts';
import { expectChartsDrawn, useChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { GENEROUS_TARGETS, writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('compare');
const chromium = useChromium();

/** 1,200 people for 1,200 units at k = 10: about 11 s of run per run folder, ~120 requests per step (enough for p95). */
function tinyScenario(name: string): string {
  return writeTinyScenario(work, name, { people: 1200, stock: 1200, targets: GENEROUS_TARGETS });
}

async function run(scenario: string, out: string, extra: string[] = []): Promise<string> {
  const result = await runCli(['run', scenario, '--out', out, '--lang', 'en', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  const match = /report: (.+)\/report\.html/.exec(result.stdout);
  expect(match, result.stdout).not.toBeNull();
  return join(process.cwd(), match![1]!);
}

const same: string[] = [];
let slowed = '';
let other = '';
const scenario = tinyScenario('tiny-compare');

beforeAll(async () => {
  for (let index = 0; index < 5; index++) same.push(await run(scenario, join(work, 'same')));
  // The shop's service-time law made slower: every request takes s0 = 40 ms more (docs/SHOP-API.md),
  // twice the latency floor of 20 ms; these two side by side: +40 ms is far beyond what sharing the cores adds
  [slowed, other] = await Promise.all([
    run(scenario, join(work, 'slowed'), ['--set', 'service.s0Ms=40']),
    run(tinyScenario('tiny-other'), join(work, 'other')),
  ]);
}, 240_000);

const latency = (comparison: RunComparison): FigureComparison[] =>
  comparison.figures.filter((figure) => figure.kind === 'latency' && figure.test !== 'none');

describe('saleready compare', () => {
  it('says regressed for latency when the shop was made slower, with B − A > 0 and an interval above zero', async () => {
    const out = join(work, 'cmp-slowed');
    const result = await runCli(['compare', same[0]!, slowed, '--json', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    expect(comparison.overall).toBe('worse');
    const checkout = comparison.figures.find((figure) => figure.id === 'latency.checkout.p95')!;
    expect(checkout.verdict).toBe('regressed');
    expect(checkout.targetIds).toContain('latency.checkout.p95');
    // The law adds ~40 ms to every request: the change is positive and its interval excludes zero.
    for (const figure of latency(comparison).filter((candidate) => candidate.stat === 'p50')) {
      expect(figure.verdict, figure.id).toBe('regressed');
      expect(figure.change!, figure.id).toBeGreaterThan(20);
      expect(figure.interval![0], figure.id).toBeGreaterThan(0);
    }
    expect(comparison.method).toMatchObject({ correction: 'holm-bonferroni', alpha: 0.05 });

    const text = await runCli(['compare', same[0]!, slowed, '--out', out, '--lang', 'en']);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^B is worse than A: 95% of checkouts [\d.]+ ms slower .*\[[\d.]+ … [\d.]+ ms\]/,
    );
    expect(text.stdout).toContain('Holm–Bonferroni');
    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toContain('| 🔴 |');
  });

  it('with --min-latency-ms 100, counts the slowed shop’s +40 ms as no significant change, and says so in the method', async () => {
    const result = await runCli([
      'compare',
      same[0]!,
      slowed,
      '--json',
      '--min-latency-ms',
      '100',
      '--out',
      join(work, 'cmp-floor'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    expect(comparison.method.minimumEffect.latency).toEqual({ absoluteMs: 100, relative: 0.1 });
    const p50s = latency(comparison).filter((figure) => figure.stat === 'p50');
    expect(p50s.length).toBeGreaterThan(3);
    for (const figure of p50s) {
      // significant (its interval excludes 0) but under the floor: not a regression
      expect(figure.interval![0], figure.id).toBeGreaterThan(0);
      expect(figure.change!, figure.id).toBeLessThan(100);
      expect(figure.verdict, figure.id).toBe('no significant change');
    }
  });

  it('finds no significant change between any two of five runs of the same configuration', async () => {
    // Bootstrap seed 1 (the default), family-wise α = 5% per comparison (Holm–Bonferroni over
    // its ~21 tested figures, valid under any dependence). A false verdict needs a Holm-adjusted
    // p ≤ 0.05 AND |B − A| ≥ the minimum effect (latency max(20 ms, 10%), queue wait max(1 s
    // sale time, 10%), shares max(0.5 points, 10%), throughput 5%). Percentiles resample whole
    // seconds (block bootstrap), so a pause of the machine that delays one second's requests
    // widens the interval instead of looking like a change; a busy neighbour that slows a whole
    // run is what the 20 ms latency floor is for. Before those, a CI run and a clean-clone run
    // (a type check beside it) failed here: one run of five was slower at every step (p95 up to
    // 6.3 ms slower, adjusted p 0.0105; then 6–13 ms).
    // Measured in development (docs/COMPARE.md): 8 runs of this scenario while their processes
    // were stopped for 0.2 s every 4–9 s: value-by-value resampling raised alarms in 2 of 28
    // pairs (poll p95 2.1 → 9.8 ms), blocks of time in none.
    const runs = await Promise.all(same.map((dir) => loadRun(dir)));
    const alarms: string[] = [];
    const overall: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const comparison = compareRuns(runs[i]!, runs[j]!, { seed: 1 });
        expect(comparison.method.family).toBeGreaterThan(10);
        for (const figure of comparison.figures) {
          if (figure.verdict === 'regressed' || figure.verdict === 'improved')
            alarms.push(`${i}↔${j} ${figure.id} ${figure.change} p ${figure.adjustedPValue}`);
        }
        overall.push(comparison.overall);
      }
    }
    // every false alarm of the ten pairs at once, then the verdicts
    expect(alarms).toEqual([]);
    expect(overall).toEqual(Array(10).fill('same'));
  });

  it('refuses runs of different scenarios with exit 2 naming the difference, and compares them with --force', async () => {
    const refused = await runCli(['compare', same[0]!, other, '--out', join(work, 'cmp-refused')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('scenario: A has "tiny-compare", B has "tiny-other"');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const forced = await runCli(['compare', same[0]!, other, '--force', '--out', join(work, 'cmp-forced')]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('Compared with --force although the runs differ: scenario');
  });

  it('exits 2 for a folder that is not a run', async () => {
    const result = await runCli(['compare', work, same[0]!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no summary.json');
  });

  it('writes compare.html that renders every overlaid chart in Chromium with no console error and no request', async () => {
    const out = join(work, 'cmp-html');
    expect((await runCli(['compare', same[0]!, slowed, '--out', out, '--lang', 'ko'])).code).toBe(0);
    const { page, problems, requests } = await chromium.openFile(join(out, 'compare.html'));
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(4);
    await expectChartsDrawn(page, ['latency-p95', 'queue-length', 'requests', 'queue-wait-p95']);
    expect(await page.locator('#verdict').innerText()).toContain('B가 A보다 나빠졌습니다');
    expect(await page.locator('tr[data-figure="latency.checkout.p95"]').getAttribute('data-verdict')).toBe('regressed');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });
});
