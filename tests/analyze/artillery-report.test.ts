// An Artillery report (recorded from real Artillery runs against the reference shop,
// fixtures/results/artillery-*.json) as a saleready run summary: detected by its top-level keys,
// counts equal the report's counters, percentiles are the report's own, groups by endpoint.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeArtilleryReport, analyzeK6Run, detectOutputFormat } from '../../harness/analyze/index.ts';
import { parseRunSummary } from '../../harness/report/index.ts';
import { rawCsvGz, rawJsonGz } from '../results/fixture.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixture = (name: string): string =>
  join(import.meta.dirname, '..', '..', 'fixtures', 'results', `artillery-${name}.json`);
const work = useTempDir('analyze-artillery');
type Raw = {
  aggregate: { counters: Record<string, number>; summaries: Record<string, Record<string, number>> };
  intermediate: { counters: Record<string, number> }[];
};
const raw = (name: string): Raw => JSON.parse(readFileSync(fixture(name), 'utf8')) as Raw;

describe('telling an Artillery report from k6 output', () => {
  it('recognises a report by its top-level aggregate and intermediate, pretty or not, gzipped or not', async () => {
    expect(await detectOutputFormat(fixture('crowd'))).toBe('artillery');
    const minified = join(work, 'minified.json.gz');
    writeFileSync(minified, gzipSync(JSON.stringify(raw('endpoints'))));
    expect(await detectOutputFormat(minified)).toBe('artillery');
    expect(await detectOutputFormat(rawJsonGz)).toBe('json');
    expect(await detectOutputFormat(rawCsvGz)).toBe('csv');
    const other = join(work, 'other.txt');
    writeFileSync(other, 'hello\n');
    await expect(detectOutputFormat(other)).rejects.toThrow(
      `${other} is neither k6 output (JSON or CSV) nor an Artillery report (it starts with "hello")`,
    );
  });

  it('refuses mixing a report with k6 output, and several reports (summaries cannot be merged)', async () => {
    await expect(analyzeK6Run({ paths: [fixture('crowd'), rawJsonGz], toolVersion: 't' })).rejects.toThrow(
      `${rawJsonGz} is k6 json output but ${fixture('crowd')} is an Artillery report`,
    );
    await expect(
      analyzeK6Run({ paths: [fixture('endpoints'), fixture('endpoints-worse')], toolVersion: 't' }),
    ).rejects.toThrow('2 Artillery reports given: a report holds summaries, which cannot be merged exactly');
  });
});

describe('an Artillery report as a run summary', () => {
  it('counts equal the report’s counters exactly; the whole run’s and each endpoint’s p95 are the aggregate’s', async () => {
    const { summary } = await analyzeArtilleryReport({ path: fixture('crowd'), name: 'crowd', toolVersion: 'test' });
    const { counters, summaries } = raw('crowd').aggregate;
    expect(() => parseRunSummary(summary)).not.toThrow();
    expect(summary.requests.total).toBe(counters['http.requests']);
    const notOk = Object.entries(counters)
      .filter(([name]) => /^http\.codes\.[^23]\d\d$/.test(name))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(summary.requests.failed).toBe(notOk + counters['errors.ETIMEDOUT']!);
    expect(summary.requests.errorRate).toBeCloseTo(426 / 1582, 12);
    expect(summary.engine).toEqual({ name: 'artillery', version: null, exitCode: null, personEngine: null });
    expect(summary.startedAt).toBe(new Date(1796043613088).toISOString());
    const artillery = summary.scenario.artillery as Record<string, unknown>;
    expect(artillery.responseTimeMs).toMatchObject({
      count: summaries['http.response_time']!.count,
      p95: summaries['http.response_time']!.p95,
    });
    expect(artillery.vusers).toEqual({
      created: counters['vusers.created'],
      completed: counters['vusers.completed'],
      failed: counters['vusers.failed'],
      byScenario: { 'health check': 87, visit: 338 },
    });
    expect(artillery.errors).toEqual({ ETIMEDOUT: 53, 'Failed capture or match': 20 });
    expect(artillery.requestErrors).toEqual(['ETIMEDOUT']);
    expect(artillery.percentiles).toMatch(
      /Artillery’s aggregate \(its merged DDSketch, 1% relative accuracy\).*10-second period’s from that period’s summary.*rounded to 0\.1 ms.*no per-second time series: only 10-second periods/,
    );

    const groups = summary.groups!;
    expect(groups.by).toEqual(['name']);
    expect(groups.rows.reduce((sum, row) => sum + row.requests, 0)).toBe(counters['http.requests']);
    expect(groups.rows.reduce((sum, row) => sum + row.failed, 0)).toBe(summary.requests.failed);
    const login = groups.rows.find((row) => row.tags.name === '/api/login (login)')!;
    const loginSummary = summaries['plugins.metrics-by-endpoint.response_time./api/login (login)']!;
    expect(login.latency).toEqual({
      count: loginSummary.count,
      mean: loginSummary.mean,
      p50: loginSummary.p50,
      p90: loginSummary.p90,
      p95: loginSummary.p95,
      p99: loginSummary.p99,
      max: loginSummary.max,
    });
    expect(login.latency.p95).toBe(10.9);
    expect(login.p95Interval).toBeNull();
    expect(login.statuses).toEqual({ 200: 275, 500: 10, ETIMEDOUT: 53 });
    expect(login.requests).toBe(338);
    expect(login.failed).toBe(63);
    expect(login.errorRateInterval![0]).toBeLessThan(63 / 338);
  });

  it('has a timeline of 10-second periods whose counts add up to the run’s', async () => {
    const { summary } = await analyzeArtilleryReport({
      path: fixture('endpoints'),
      name: 'endpoints',
      toolVersion: 'test',
    });
    const periods = raw('endpoints').intermediate;
    expect(summary.timelineBucketSeconds).toBe(10);
    expect(summary.timeline.map((point) => point.t)).toEqual(periods.map((_, index) => index * 10));
    expect(summary.timeline.map((point) => point.requests)).toEqual(
      periods.map((period) => period.counters['http.requests']),
    );
    expect(summary.timeline.map((point) => point.arrivals)).toEqual(
      periods.map((period) => period.counters['vusers.created']),
    );
    expect(summary.timeline.reduce((sum, point) => sum + point.failedRequests, 0)).toBe(summary.requests.failed);
    for (const row of summary.groups!.rows) {
      const points = summary.groups!.timeline.filter((point) => point.key === row.key);
      expect(
        points.reduce((sum, point) => sum + point.requests, 0),
        row.key,
      ).toBe(row.requests);
      expect(points.every((point) => point.t % 10 === 0)).toBe(true);
    }
  });

  it('groups everything in one row from http.response_time when asked (and refuses tags a report does not have)', async () => {
    const { summary } = await analyzeArtilleryReport({
      path: fixture('crowd'),
      name: 'crowd',
      groupBy: [],
      toolVersion: 'test',
    });
    expect(summary.groups!.rows).toHaveLength(1);
    const [all] = summary.groups!.rows;
    expect(all!.key).toBe('all requests');
    expect(all!.requests).toBe(1582);
    expect(all!.latency.p95).toBe(raw('crowd').aggregate.summaries['http.response_time']!.p95);
    expect(all!.statuses).toEqual({ 200: 1156, 403: 250, 404: 87, 500: 36, ETIMEDOUT: 53 });
    await expect(
      analyzeArtilleryReport({ path: fixture('crowd'), name: 'crowd', groupBy: ['method'], toolVersion: 'test' }),
    ).rejects.toThrow(
      "--group-by method: an Artillery report's requests can be grouped by name (the endpoint) only, not by method",
    );
  });
});
