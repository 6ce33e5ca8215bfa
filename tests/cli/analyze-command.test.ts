// `saleready analyze` on the raw output of a plain k6 script (not saleready's), run for real
// against the reference shop: counts equal k6's own summary exactly, percentiles within ±1%
// (the histograms' bound, docs/SUMMARY-SCHEMA.md); also CSV output and two k6 instances merged.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../fixtures/shop/index.ts';
import { requireK6 } from '../../harness/k6/index.ts';
import { parseRunSummary, type RunSummary } from '../../harness/report/index.ts';
import { percentile7, rawDurations, type K6Figures, readSummaryExport, runPlainK6, type K6Outputs } from '../analyze/k6-runs.ts';
import { runCli } from '../helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'saleready-analyze-'));
let shop: RunningShop;
let single: K6Outputs;
let halves: [K6Outputs, K6Outputs];

beforeAll(async () => {
  const k6 = await requireK6();
  shop = await startShop({ service: { s0Ms: 2 } });
  single = await runPlainK6(k6.path, shop.url, work, 'single');
  halves = await Promise.all([
    runPlainK6(k6.path, shop.url, work, 'half-1', '0:1/2'),
    runPlainK6(k6.path, shop.url, work, 'half-2', '1/2:1'),
  ]);
}, 120_000);
afterAll(async () => {
  await shop?.close();
});

async function analyze(args: readonly string[], out: string): Promise<{ code: number; stdout: string; stderr: string; runDir: string | null; summary: RunSummary | null }> {
  const result = await runCli(['analyze', ...args, '--out', out, '--lang', 'en']);
  const dirs = existsSync(out) ? readdirSync(out) : [];
  const runDir = dirs.length === 1 ? join(out, dirs[0] as string) : null;
  const summaryPath = runDir === null ? null : join(runDir, 'summary.json');
  const summary = summaryPath !== null && existsSync(summaryPath) ? parseRunSummary(JSON.parse(readFileSync(summaryPath, 'utf8'))) : null;
  return { ...result, runDir, summary };
}

const within1Percent = (actual: number | null | undefined, expected: number | undefined): void => {
  expect(actual).not.toBeNull();
  expect(expected).toBeDefined();
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(0.01 * (expected as number) + 1e-9);
};

function rowOf(summary: RunSummary, name: string) {
  const row = summary.groups?.rows.find((group) => group.tags.name === name);
  expect(row, `group with name ${name}`).toBeDefined();
  return row!;
}

function expectEqualsK6Summary(summary: RunSummary, k6: Record<string, K6Figures>): void {
  expect(summary.requests.total).toBe(k6.http_reqs!.count);
  expect(summary.requests.failed).toBe(k6.http_req_failed!.passes);
  for (const stat of ['med', 'p(90)', 'p(95)', 'p(99)'] as const) {
    const key = ({ med: 'p50', 'p(90)': 'p90', 'p(95)': 'p95', 'p(99)': 'p99' } as const)[stat];
    for (const name of ['health', 'login', 'product']) {
      const row = rowOf(summary, name);
      expect(row.requests, `requests of ${name}`).toBe(k6[`http_reqs{name:${name}}`]!.count);
      expect(row.latency.count).toBe(k6[`http_req_duration{name:${name}}`]!.count);
      within1Percent(row.latency[key], k6[`http_req_duration{name:${name}}`]![stat]);
    }
  }
  const product = rowOf(summary, 'product');
  expect(product.errorRate).toBeCloseTo(k6['http_req_failed{name:product}']!.value, 12);
  expect(product.errorRate).toBe(1);
  expect(rowOf(summary, 'login').tags.group).toBe('::sign in');
  expect(rowOf(summary, 'login').p95Interval).not.toBeNull();
}

describe('saleready analyze on a plain k6 run against the reference shop', () => {
  it('JSON output: request counts equal k6’s summary exactly, percentiles within 1%, a complete run folder', async () => {
    const out = join(work, 'json');
    const result = await analyze([single.json, '--name', 'plain-shop'], out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('INCONCLUSIVE · plain-shop');
    const { summary, runDir } = result;
    expectEqualsK6Summary(summary!, readSummaryExport(single.summary));
    expect(summary!.groups!.by).toEqual(['group', 'name']);
    expect(runDir).toMatch(/plain-shop-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    for (const file of ['summary.json', 'report.html', 'report.md', 'junit.xml', 'k6-raw.json.gz']) expect(existsSync(join(runDir!, file)), file).toBe(true);
    const html = readFileSync(join(runDir!, 'report.html'), 'utf8');
    expect(html).toContain('id="groups"');
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(1 + summary!.groups!.rows.length);
    // The kept raw output reads back to the same run.
    const again = await analyze([join(runDir!, 'k6-raw.json.gz'), '--name', 'again'], join(work, 'again'));
    expect(again.summary!.requests).toEqual(summary!.requests);
  });

  it('CSV output of the same run gives the same counts and percentiles', async () => {
    const result = await analyze([single.csv!, '--name', 'plain-shop-csv'], join(work, 'csv'));
    expect(result.code).toBe(0);
    expectEqualsK6Summary(result.summary!, readSummaryExport(single.summary));
    expect(existsSync(join(result.runDir!, 'k6-raw.csv.gz'))).toBe(true);
  });

  it('two k6 instances (execution segments) merge exactly: counts add up, percentiles equal the raw samples’ own (±1%)', async () => {
    const result = await analyze([halves[0].json, halves[1].json, '--name', 'two-instances'], join(work, 'two'));
    expect(result.code).toBe(0);
    const summary = result.summary!;
    const a = readSummaryExport(halves[0].summary);
    const b = readSummaryExport(halves[1].summary);
    expect(summary.requests.total).toBe(a.http_reqs!.count + b.http_reqs!.count);
    expect(summary.ingest.sources).toHaveLength(2);
    for (const name of ['health', 'login', 'product']) {
      expect(rowOf(summary, name).requests).toBe(a[`http_reqs{name:${name}}`]!.count + b[`http_reqs{name:${name}}`]!.count);
      const samples = [...(await rawDurations(halves[0].json, { name })), ...(await rawDurations(halves[1].json, { name }))];
      expect(rowOf(summary, name).latency.count).toBe(samples.length);
      for (const [key, p] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const) within1Percent(rowOf(summary, name).latency[key], percentile7(samples, p));
    }
  });

  it('judges targets from a file (TargetSpec-like and k6 threshold strings): a missed one exits 1 and JUnit names it', async () => {
    const targets = join(work, 'targets.yaml');
    writeFileSync(
      targets,
      [
        '- "http_req_duration{name:login}: p(95)<5000"',
        '- { id: product-errors, metric: "http_req_failed{name:product}", stat: rate, op: "<", threshold: 0.01 }',
        '- http_reqs{name:health}: count>10',
      ].join('\n'),
    );
    const result = await analyze([single.json, '--targets', targets, '--name', 'judged'], join(work, 'judged'));
    expect(result.code).toBe(1);
    const verdicts = Object.fromEntries(result.summary!.targets.map((target) => [target.id, target]));
    expect(verdicts['http_req_duration{name:login}.p95']).toMatchObject({ verdict: 'pass', unit: 'ms', op: '<', threshold: 5000 });
    expect(verdicts['product-errors']).toMatchObject({ verdict: 'fail', unit: 'ratio', measured: 1 });
    expect(verdicts['http_reqs{name:health}.count']).toMatchObject({ verdict: 'pass', unit: 'count' });
    const junit = readFileSync(join(result.runDir!, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="target product-errors missed/);
  });

  it('a bad targets file exits 2 naming the entry; so does a target matching no recorded metric', async () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, '- http_req_duration{name:login}: p(95)<800\n- { metric: http_req_duration, stat: p95, op: "<<", threshold: 800 }\n');
    const badResult = await analyze([single.json, '--targets', bad], join(work, 'bad'));
    expect(badResult.code).toBe(2);
    expect(badResult.stderr).toMatch(/targets file .*bad\.yaml, entry 2 \(http_req_duration\): .*op/);
    expect(badResult.runDir).toBeNull();

    const k6Style = join(work, 'bad-threshold.json');
    writeFileSync(k6Style, JSON.stringify({ thresholds: { http_req_duration: ['p(95)<800', 'p95 under 800'] } }));
    const k6Result = await analyze([single.json, '--targets', k6Style], join(work, 'bad-threshold'));
    expect(k6Result.code).toBe(2);
    expect(k6Result.stderr).toContain('thresholds (http_req_duration): "p95 under 800" is not a k6 threshold expression');

    const missing = join(work, 'missing.yaml');
    writeFileSync(missing, '- "checkout_duration{name:checkout}: p(95)<800"\n');
    const missingResult = await analyze([single.json, '--targets', missing], join(work, 'missing'));
    expect(missingResult.code).toBe(2);
    expect(missingResult.stderr).toContain('target checkout_duration{name:checkout}.p95 matches no recorded metric');
  });
});
