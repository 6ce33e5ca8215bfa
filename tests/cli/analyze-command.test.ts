// `saleready analyze`, run as a user runs it (the real bin):
// - on real k6 output recorded before saleready stopped running k6 (fixtures/results/small-sale.*):
//   counts equal k6's own summary exactly, percentiles within ±1% (the histograms' bound), CSV
//   the same, two instances merged exactly, targets and exit codes;
// - on Artillery's own report of plain Artillery tests against the reference shop (recorded:
//   fixtures/results/artillery-*.json; and one run live here): counts equal the report's counters
//   exactly, percentiles are the report's own, targets, exit codes, and compare and the gate's
//   decision on two analyzed runs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import {
  compareRuns,
  decideGate,
  findLatestBaseline,
  loadRun,
  type RunComparison,
} from '../../harness/compare/index.ts';
import { parseRunSummary, type RunSummary } from '../../harness/report/index.ts';
import { endpointsScript, runArtillery } from '../analyze/artillery-runs.ts';
import { closeTo, rawCsvGz, rawJsonGz, readK6Summary } from '../results/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('analyze');

async function analyze(
  args: readonly string[],
  out: string,
): Promise<{ code: number; stdout: string; stderr: string; runDir: string | null; summary: RunSummary | null }> {
  const result = await runCli(['analyze', ...args, '--out', out, '--lang', 'en']);
  const dirs = existsSync(out) ? readdirSync(out) : [];
  const runDir = dirs.length === 1 ? join(out, dirs[0] as string) : null;
  const summaryPath = runDir === null ? null : join(runDir, 'summary.json');
  const summary =
    summaryPath !== null && existsSync(summaryPath)
      ? parseRunSummary(JSON.parse(readFileSync(summaryPath, 'utf8')))
      : null;
  return { ...result, runDir, summary };
}

describe('saleready analyze on recorded k6 output', () => {
  const k6 = readK6Summary();
  const STATS = [
    ['med', 'p50'],
    ['p(90)', 'p90'],
    ['p(95)', 'p95'],
    ['p(99)', 'p99'],
  ] as const;

  function expectEqualsK6Summary(summary: RunSummary): void {
    expect(summary.requests.total).toBe(k6.http_reqs!.count);
    expect(summary.requests.failed).toBe(k6.http_req_failed!.passes);
    expect(summary.groups!.rows.reduce((sum, row) => sum + row.requests, 0)).toBe(k6.http_reqs!.count);
    for (const step of ['join', 'checkout']) {
      const row = summary.latencyByStep.find((candidate) => candidate.step === step)!;
      const own = k6[`http_req_duration{step:${step}}`]!;
      expect(row.count).toBe(own.count);
      for (const [k6Stat, stat] of STATS)
        expect(closeTo(row[stat], own[k6Stat]!), `${step} ${stat}: ${row[stat]} vs k6 ${own[k6Stat]}`).toBe(true);
    }
  }

  it('JSON output: request counts equal k6’s summary exactly, percentiles within 1%, a complete run folder', async () => {
    const result = await analyze([rawJsonGz, '--name', 'small-sale'], join(work, 'json'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('INCONCLUSIVE · small-sale');
    const { summary, runDir } = result;
    expectEqualsK6Summary(summary!);
    expect(summary!.groups!.by).toEqual(['scenario', 'name']);
    expect(runDir).toMatch(/small-sale-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    for (const file of ['summary.json', 'report.html', 'report.md', 'junit.xml', 'k6-raw.json.gz'])
      expect(existsSync(join(runDir!, file)), file).toBe(true);
    const html = readFileSync(join(runDir!, 'report.html'), 'utf8');
    expect(html).toContain('id="groups"');
    expect(html).not.toContain('id="method"');
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(1 + summary!.groups!.rows.length);
    // The kept raw output reads back to the same run.
    const again = await analyze([join(runDir!, 'k6-raw.json.gz'), '--name', 'again'], join(work, 'again'));
    expect(again.summary!.requests).toEqual(summary!.requests);
  });

  it('CSV output of the same run gives the same counts and percentiles', async () => {
    const result = await analyze([rawCsvGz, '--name', 'small-sale-csv'], join(work, 'csv'));
    expect(result.code).toBe(0);
    expectEqualsK6Summary(result.summary!);
    expect(existsSync(join(result.runDir!, 'k6-raw.csv.gz'))).toBe(true);
  });

  it('two k6 instances merge exactly: the lines of one output split in two give the same counts and percentiles', async () => {
    const lines = gunzipSync(readFileSync(rawJsonGz)).toString('utf8').split('\n').filter(Boolean);
    const metricLines = lines.filter((line) => line.includes('"type":"Metric"'));
    const points = lines.filter((line) => !line.includes('"type":"Metric"'));
    const halves = [0, 1].map((half) => {
      const path = join(work, `half-${half + 1}.json.gz`);
      writeFileSync(
        path,
        gzipSync(`${[...metricLines, ...points.filter((_, index) => index % 2 === half)].join('\n')}\n`),
      );
      return path;
    });
    const whole = await analyze([rawJsonGz, '--name', 'whole'], join(work, 'whole'));
    const merged = await analyze([...halves, '--name', 'two-instances'], join(work, 'two'));
    expect(merged.code).toBe(0);
    expect(merged.summary!.ingest.sources).toHaveLength(2);
    expect(merged.summary!.requests).toEqual(whole.summary!.requests);
    // Histograms merge exactly, so every percentile is the same; a mean is a float sum, added in another order.
    const withoutMean = <T extends { latency: { mean: number | null } }>(rows: readonly T[]) =>
      rows.map((row) => ({ ...row, latency: { ...row.latency, mean: null } }));
    expect(withoutMean(merged.summary!.groups!.rows)).toEqual(withoutMean(whole.summary!.groups!.rows));
    merged.summary!.groups!.rows.forEach((row, index) =>
      expect(row.latency.mean).toBeCloseTo(whole.summary!.groups!.rows[index]!.latency.mean!, 9),
    );
    expect(merged.summary!.latencyByStep.map(({ mean: _mean, ...rest }) => rest)).toEqual(
      whole.summary!.latencyByStep.map(({ mean: _mean, ...rest }) => rest),
    );
  });

  it('judges targets from a file (TargetSpec-like and k6 threshold strings): a missed one exits 1 and JUnit names it', async () => {
    const targets = join(work, 'targets.yaml');
    writeFileSync(
      targets,
      [
        '- "http_req_duration{name:checkout}: p(95)<5000"',
        '- { id: checkout-errors, metric: "http_req_failed{name:checkout}", stat: rate, op: "<", threshold: 0.01 }',
        '- http_reqs{name:queue-join}: count>10',
      ].join('\n'),
    );
    const result = await analyze([rawJsonGz, '--targets', targets, '--name', 'judged'], join(work, 'judged'));
    expect(result.code).toBe(1);
    const verdicts = Object.fromEntries(result.summary!.targets.map((target) => [target.id, target]));
    expect(verdicts['http_req_duration{name:checkout}.p95']).toMatchObject({
      verdict: 'pass',
      unit: 'ms',
      op: '<',
      threshold: 5000,
    });
    expect(verdicts['checkout-errors']).toMatchObject({ verdict: 'fail', unit: 'ratio' });
    expect(verdicts['checkout-errors']!.measured).toBeCloseTo(k6['http_req_failed{step:checkout}']!.value!, 12);
    expect(verdicts['http_reqs{name:queue-join}.count']).toMatchObject({ verdict: 'pass', unit: 'count' });
    const junit = readFileSync(join(result.runDir!, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="target checkout-errors missed/);
  });

  it('a bad targets file exits 2 naming the entry; so does a target matching no recorded metric', async () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(
      bad,
      '- http_req_duration{name:checkout}: p(95)<800\n- { metric: http_req_duration, stat: p95, op: "<<", threshold: 800 }\n',
    );
    const badResult = await analyze([rawJsonGz, '--targets', bad], join(work, 'bad'));
    expect(badResult.code).toBe(2);
    expect(badResult.stderr).toMatch(/targets file .*bad\.yaml, entry 2 \(http_req_duration\): .*op/);
    expect(badResult.runDir).toBeNull();

    const k6Style = join(work, 'bad-threshold.json');
    writeFileSync(k6Style, JSON.stringify({ thresholds: { http_req_duration: ['p(95)<800', 'p95 under 800'] } }));
    const k6Result = await analyze([rawJsonGz, '--targets', k6Style], join(work, 'bad-threshold'));
    expect(k6Result.code).toBe(2);
    expect(k6Result.stderr).toContain(
      'thresholds (http_req_duration): "p95 under 800" is not a k6 threshold expression',
    );

    const missing = join(work, 'missing.yaml');
    writeFileSync(missing, '- "checkout_duration{name:checkout}: p(95)<800"\n');
    const missingResult = await analyze([rawJsonGz, '--targets', missing], join(work, 'missing'));
    expect(missingResult.code).toBe(2);
    expect(missingResult.stderr).toContain('target checkout_duration{name:checkout}.p95 matches no recorded metric');
  });
});

describe('saleready analyze on an Artillery report', () => {
  const fixture = (name: string): string =>
    join(import.meta.dirname, '..', '..', 'fixtures', 'results', `artillery-${name}.json`);
  type RawReport = {
    aggregate: { counters: Record<string, number>; summaries: Record<string, Record<string, number>> };
  };
  const rawOf = (path: string): RawReport => JSON.parse(readFileSync(path, 'utf8')) as RawReport;
  let shop: RunningShop | undefined;
  afterAll(async () => {
    await shop?.close();
  });

  /** The run folder's figures against the report's own counters and summaries: counts exactly, p95 as Artillery wrote it. */
  function expectEqualsReport(summary: RunSummary, report: RawReport): void {
    const { counters, summaries } = report.aggregate;
    expect(summary.requests.total).toBe(counters['http.requests']);
    const notOk = Object.entries(counters)
      .filter(([name]) => /^http\.codes\.[^23]\d\d$/.test(name))
      .reduce((sum, [, n]) => sum + n, 0);
    const requestErrors = Object.entries(counters)
      .filter(([name]) => /^errors\.E[A-Z0-9_]+$/.test(name))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(summary.requests.failed).toBe(notOk + requestErrors);
    const artillery = summary.scenario.artillery as {
      responseTimeMs: { p95: number; count: number };
      vusers: Record<string, number>;
    };
    expect(artillery.responseTimeMs.p95).toBe(summaries['http.response_time']!.p95);
    expect(artillery.responseTimeMs.count).toBe(summaries['http.response_time']!.count);
    expect(artillery.vusers).toMatchObject({
      created: counters['vusers.created'],
      completed: counters['vusers.completed'],
      failed: counters['vusers.failed'] ?? 0,
    });
    for (const row of summary.groups!.rows) {
      const endpoint = summaries[`plugins.metrics-by-endpoint.response_time.${row.tags.name}`]!;
      expect(row.latency.p95, row.key).toBe(endpoint.p95);
      expect(row.latency.count, row.key).toBe(endpoint.count);
      const codes = Object.entries(counters).filter(([name]) =>
        name.startsWith(`plugins.metrics-by-endpoint.${row.tags.name}.codes.`),
      );
      expect(
        row.requests -
          Object.entries(row.statuses)
            .filter(([status]) => !/^\d+$/.test(status))
            .reduce((sum, [, n]) => sum + n, 0),
        row.key,
      ).toBe(codes.reduce((sum, [, n]) => sum + n, 0));
    }
    expect(summary.groups!.rows.reduce((sum, row) => sum + row.requests, 0)).toBe(counters['http.requests']);
  }

  it('a recorded report becomes a run folder: counts equal the report’s counters exactly, p95 is the aggregate’s, the method is stated', async () => {
    const result = await analyze([fixture('endpoints'), '--name', 'shop-endpoints'], join(work, 'artillery'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('INCONCLUSIVE · shop-endpoints · 2066 requests');
    expectEqualsReport(result.summary!, rawOf(fixture('endpoints')));
    expect(result.summary!.groups!.rows.find((row) => row.tags.name === '/api/login (login)')!.latency.p95).toBe(7);
    const runDir = result.runDir!;
    for (const file of [
      'summary.json',
      'report.html',
      'report.md',
      'junit.xml',
      'artillery-report.json.gz',
      'records/artillery-report.ndjson.gz',
    ]) {
      expect(existsSync(join(runDir, file)), file).toBe(true);
    }
    const json = readFileSync(join(runDir, 'summary.json'), 'utf8');
    expect(json).toContain('merged DDSketch, 1% relative accuracy');
    expect(json).toContain('only 10-second periods');
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    expect(html).toContain('<h1>Artillery run: shop-endpoints</h1>');
    expect(html).toMatch(
      /<h2>How this was measured<\/h2><p id="method">Percentiles are Artillery’s own, not exact merges of samples/,
    );
    expect(readFileSync(join(runDir, 'report.md'), 'utf8')).toContain('### How this was measured');
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(1 + result.summary!.groups!.rows.length);
    // The kept report reads back to the same run.
    const again = await analyze(
      [join(runDir, 'artillery-report.json.gz'), '--name', 'again'],
      join(work, 'artillery-again'),
    );
    expect(again.summary!.requests).toEqual(result.summary!.requests);
    expect(again.summary!.groups).toEqual(result.summary!.groups);
  });

  it('a targets file the run meets exits 0; one it misses exits 1 and JUnit names the targets missed', async () => {
    const met = join(work, 'artillery-met.yaml');
    writeFileSync(
      met,
      [
        '- "http_req_duration: p(95)<50"',
        '- "http_req_failed{name:/healthz}: rate<0.01"',
        '- "vusers.completed: count>300"',
      ].join('\n'),
    );
    const pass = await analyze([fixture('crowd'), '--targets', met, '--name', 'met'], join(work, 'artillery-met'));
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('PASS · met');
    expect(pass.summary!.targets.map((target) => [target.id, target.measured, target.verdict])).toEqual([
      ['http_req_duration.p95', 10.1, 'pass'],
      ['http_req_failed{name:/healthz}.rate', 0, 'pass'],
      ['vusers.completed.count', 352, 'pass'],
    ]);

    const missed = join(work, 'artillery-missed.yaml');
    writeFileSync(
      missed,
      [
        '- "http_req_duration{name:/api/login (login)}: p(99)<20"',
        '- { id: errors, metric: http_req_failed, stat: rate, op: "<", threshold: 0.05 }',
      ].join('\n'),
    );
    const fail = await analyze(
      [fixture('crowd'), '--targets', missed, '--name', 'missed'],
      join(work, 'artillery-missed'),
    );
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('FAIL · missed');
    expect(fail.summary!.targets.map((target) => [target.id, target.measured, target.verdict])).toEqual([
      ['http_req_duration{name:/api/login (login)}.p99', 24.8, 'fail'],
      ['errors', 426 / 1582, 'fail'],
    ]);
    const junit = readFileSync(join(fail.runDir!, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="target errors missed/);
  });

  it('a corrupt or foreign report exits 2 naming the file, without a stack trace or a run folder', async () => {
    const text = readFileSync(fixture('crowd'), 'utf8');
    const cut = join(work, 'cut-report.json');
    writeFileSync(cut, text.slice(0, 5000));
    const corrupt = await analyze([cut], join(work, 'artillery-cut'));
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toContain(`${cut} is not a readable Artillery report`);
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);
    expect(corrupt.runDir).toBeNull();

    const foreign = join(work, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ aggregate: { counters: {} }, phases: [] }, null, 2));
    const notReport = await analyze([foreign], join(work, 'artillery-foreign'));
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toContain(
      `${foreign} is not an Artillery report: it has no top-level "aggregate" and "intermediate"`,
    );
    expect(notReport.stderr).not.toMatch(/\n\s+at /);

    const unknown = join(work, 'unknown-metric.yaml');
    writeFileSync(unknown, '- "checkout_duration: p(95)<800"\n');
    const noMetric = await analyze([fixture('crowd'), '--targets', unknown], join(work, 'artillery-unknown'));
    expect(noMetric.code).toBe(2);
    expect(noMetric.stderr).toContain('target checkout_duration.p95 matches no metric of the Artillery report');
  });

  it('compare and the gate’s decision work on two analyzed Artillery runs: the worse shop’s error rate is a regression', async () => {
    const out = join(work, 'artillery-compare');
    const targets = join(work, 'artillery-compare.yaml');
    writeFileSync(targets, ['- "http_req_duration: p(95)<100"', '- "http_req_failed: rate<0.5"'].join('\n'));
    const a = await analyze([fixture('endpoints'), '--targets', targets, '--name', 'shop'], out);
    expect(a.code).toBe(0);
    const b = await runCli([
      'analyze',
      fixture('endpoints-worse'),
      '--targets',
      targets,
      '--name',
      'shop',
      '--out',
      out,
    ]);
    expect(b.code).toBe(0);
    const [dirA, dirB] = readdirSync(out)
      .sort()
      .map((name) => join(out, name)) as [string, string];
    const compared = await runCli(['compare', dirA, dirB, '--json', '--out', join(work, 'compare-out')]);
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
    const comparison = JSON.parse(compared.stdout) as RunComparison;
    const figure = (id: string) => comparison.figures.find((candidate) => candidate.id === id)!;
    const [summaryA, summaryB] = [dirA, dirB].map((dir) =>
      parseRunSummary(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))),
    );
    expect(figure('errors.rate')).toMatchObject({
      test: 'two-proportion',
      verdict: 'regressed',
      a: summaryA!.requests.errorRate,
      b: summaryB!.requests.errorRate,
      samplesA: 2066,
      samplesB: 1771,
    });
    expect(figure('throughput.requests').test).toBe('poisson-rate');
    // Requests per second over the records' span, within half a second at either end of the report's own.
    expect(figure('throughput.requests').a! / (2066 / (summaryA!.durationMs / 1000))).toBeCloseTo(1, 1);
    // A report holds no samples: its percentiles cannot be bootstrapped, and compare says so.
    expect(figure('target.http_req_duration.p95')).toMatchObject({ verdict: 'not compared' });

    // The gate's way: the newest earlier passing run of the same name is the baseline; a regression fails the gate.
    expect(findLatestBaseline(out, { dir: dirB, summary: summaryB! })).toBe(dirA);
    const decision = decideGate(summaryB!, 0, compareRuns(await loadRun(dirA), await loadRun(dirB)));
    expect(decision.exitCode).toBe(1);
    expect(decision.reasons.some((reason) => reason.startsWith('regression vs baseline: errors.rate'))).toBe(true);
  });

  it('a live Artillery run against the reference shop, analyzed end to end: counts equal its report’s, p95 is its aggregate’s', async () => {
    shop = await startShop({ service: { s0Ms: 2 }, faults: { errorRate: 0.05 } });
    const report = join(work, 'live-report.json');
    await runArtillery(endpointsScript(shop.url, 10, 10), report, { timeoutMs: 60_000 });
    const raw = rawOf(report);
    expect(raw.aggregate.counters['http.requests']).toBeGreaterThan(100);
    const result = await analyze([report, '--name', 'live'], join(work, 'artillery-live'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectEqualsReport(result.summary!, raw);
    // The shop answered every request Artillery counted.
    expect(shop.stats().requestsTotal).toBe(raw.aggregate.counters['http.requests']);
  }, 60_000);
});
