// `saleready history` over several run folders (one real, from `saleready analyze` of a recorded
// k6 run; the rest variants of a real summary with chosen trends; two broken ones), opened in
// real Chromium: every chart is an SVG, nothing is logged, nothing is fetched.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSummary } from '../report/fixture-summary.ts';
import { rawJsonGz } from '../results/fixture.ts';
import { summaryVariant, writeRunFolder } from '../history/history-runs.ts';
import { expectChartsDrawn, useChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = useTempDir('history');
const reports = join(root, 'reports');
const chromium = useChromium();

beforeAll(async () => {
  const base = await buildFixtureSummary();
  // flash-sale: checkout p95 rises 80 ms a run towards its 800 ms target; errors stay flat.
  [400, 480, 560, 640, 720].forEach((checkoutP95, day) =>
    writeRunFolder(
      reports,
      summaryVariant(base, { scenario: 'flash-sale', day, checkoutP95, errorRate: 0.002 + (day % 2) * 0.0002 }),
    ),
  );
  // steady: flat, far from its targets.
  [300, 310, 295, 305].forEach((checkoutP95, day) =>
    writeRunFolder(reports, summaryVariant(base, { scenario: 'steady', day, checkoutP95, errorRate: 0.002 })),
  );
  const broken = join(reports, 'broken-2026-01-09T00-00-00Z');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'summary.json'), '{ not json');
  const wrong = join(reports, 'wrong-2026-01-10T00-00-00Z');
  mkdirSync(wrong, { recursive: true });
  writeFileSync(join(wrong, 'summary.json'), JSON.stringify({ schemaVersion: 1, tool: { name: 'saleready' } }));
  // One real run folder: a recorded k6 run analyzed by the real bin.
  const analyzed = await runCli(['analyze', rawJsonGz, '--out', reports, '--name', 'recorded-k6']);
  expect(analyzed.code).toBe(0);
}, 120_000);

describe('saleready history', () => {
  it('writes an index of every run with trend charts, warns for the rising trend only, skips broken folders with a note', async () => {
    const result = await runCli(['history', reports]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10 runs of 3 scenarios');
    expect(result.stdout).toMatch(/⚠ flash-sale: latency\.checkout\.p95/);
    expect(result.stdout).not.toMatch(/⚠ steady/);
    expect(result.stdout).not.toMatch(/errors\.checkout.*crosses/);
    expect(result.stderr).toMatch(/skipped .*broken-2026-01-09T00-00-00Z: summary\.json is not readable JSON/);
    expect(result.stderr).toMatch(
      /skipped .*wrong-2026-01-10T00-00-00Z: summary\.json does not match schema version 2/,
    );

    const { page, problems, requests } = await chromium.openFile(join(reports, 'index.html'));
    const charts = await page.locator('figure.chart').count();
    // flash-sale and steady: latency, errors, queue wait, stock sold; flash-sale: one projection;
    // recorded-k6 (a plain k6 script that records sr_queue_wait, but sells no known stock): latency, errors, queue wait.
    expect(charts).toBe(4 + 4 + 1 + 3);
    expect(await page.locator('figure.chart > svg').count()).toBe(charts);
    await expectChartsDrawn(page, [
      'flash-sale-latency',
      'flash-sale-errors',
      'flash-sale-queue-wait',
      'flash-sale-stock-sold',
      'flash-sale-trend-latency-checkout-p95',
      'steady-latency',
      'recorded-k6-latency',
    ]);
    // The latency chart draws the 800 ms target as a rule.
    expect(await page.locator('#chart-flash-sale-latency svg .role-mark line').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-warning]').count()).toBe(1);
    expect(await page.locator('[data-warning="flash-sale/latency.checkout.p95"]').innerText()).toMatch(
      /in about 1 run/,
    );
    expect(await page.locator('#method').innerText()).toMatch(/least-squares line .* 5 more runs/);
    expect(await page.locator('#runs tbody tr').count()).toBe(10);
    expect(await page.locator('#skipped li').count()).toBe(2);
    const link = page.locator('#runs a', { hasText: 'report' });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toMatch(/^recorded-k6-[^/]+\/report\.html$/);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('the analyzed run’s own report renders every chart offline too', async () => {
    const dir = readdirSync(reports).find((name) => name.startsWith('recorded-k6-'))!;
    const { page, problems, requests } = await chromium.openFile(join(reports, dir, 'report.html'));
    const charts = await page.locator('figure.chart').count();
    expect(charts).toBe(1 + (await page.locator('#groups tbody tr').count()));
    expect(await page.locator('figure.chart > svg').count()).toBe(charts);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('refuses both horizons at once, and a folder that does not exist (exit 2)', async () => {
    const both = await runCli(['history', reports, '--horizon-runs', '3', '--horizon-days', '7']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    const missing = await runCli(['history', join(root, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/is not a folder of runs/);
  });

  it('with --horizon-days 1 the rising trend (80 ms a day, 80 ms short of its target) warns in about a day; --out writes elsewhere', async () => {
    const out = join(root, 'trend.html');
    const result = await runCli(['history', reports, '--horizon-days', '1', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/⚠ flash-sale: latency\.checkout\.p95/);
    expect(result.stdout).toContain(`index: ${out}`);
  });
});
