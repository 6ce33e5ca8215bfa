// Artillery's own report (`artillery run --output`), recorded from real Artillery 2.0.34 runs
// against the reference shop (fixtures/results/artillery-*.json, tests/analyze/record-artillery-fixtures.ts):
// read and checked, its counts exact, its records read back as compare reads them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import {
  artilleryReportRecords,
  artilleryReportToIngest,
  ingestEngineRecords,
  measure,
  parseArtilleryReport,
  readArtilleryReport,
  runDurationSeconds,
} from '../../harness/results/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixture = (name: string): string =>
  join(import.meta.dirname, '..', '..', 'fixtures', 'results', `artillery-${name}.json`);
const work = useTempDir('artillery-report');

interface RawPeriod {
  period: number | string;
  firstMetricAt: number;
  lastMetricAt: number;
  counters: Record<string, number>;
  summaries: Record<string, Record<string, number>>;
}
/** The report as JSON.parse reads it: the reference every figure is checked against. */
function raw(name: string): { aggregate: RawPeriod; intermediate: RawPeriod[] } {
  return JSON.parse(readFileSync(fixture(name), 'utf8')) as { aggregate: RawPeriod; intermediate: RawPeriod[] };
}
/** A raw summary as saleready reads it: `median` is Artillery's copy of p50 (kept for compatibility). */
function summaryOf(period: RawPeriod, name: string): Record<string, number> {
  const { median: _median, ...rest } = period.summaries[name]!;
  return rest;
}
const sumOf = (counters: Record<string, number>, test: (name: string) => boolean): number =>
  Object.entries(counters)
    .filter(([name]) => test(name))
    .reduce((sum, [, count]) => sum + count, 0);

describe('reading an Artillery report', () => {
  it('counts requests, failures and request errors exactly as the report’s counters say (crowd: 1,582 requests, 426 failed)', async () => {
    const report = await readArtilleryReport(fixture('crowd'));
    const { counters } = raw('crowd').aggregate;
    const http = report.aggregate.http;
    expect(http.sent).toBe(counters['http.requests']);
    expect(http.sent).toBe(1582);
    // Every request ended in a response or a request error (ETIMEDOUT: the shop was slowed down past the 0.25 s timeout).
    expect(http.errors).toEqual({ ETIMEDOUT: counters['errors.ETIMEDOUT'] });
    expect(http.requests).toBe(counters['http.responses']! + counters['errors.ETIMEDOUT']!);
    expect(http.requests).toBe(http.sent);
    // Failed: responses other than 2xx/3xx (403, 404, 500) plus the timeouts; a failed capture follows a 500 already counted.
    const notOk = sumOf(counters, (name) => /^http\.codes\.[^23]\d\d$/.test(name));
    expect(http.failed).toBe(notOk + counters['errors.ETIMEDOUT']!);
    expect(http.failed).toBe(426);
    expect(counters['errors.Failed capture or match']).toBe(20);
    expect(report.aggregate.summaries['http.response_time']).toEqual(
      summaryOf(raw('crowd').aggregate, 'http.response_time'),
    );
    expect(report.aggregate.http.responseTime!.p95).toBe(10.1);
  });

  it('reads the metrics-by-endpoint plugin’s figures per endpoint (Artillery 2 adds the plugin to every http test)', async () => {
    const report = await readArtilleryReport(fixture('crowd'));
    const { counters } = raw('crowd').aggregate;
    expect(report.hasEndpoints).toBe(true);
    expect([...report.aggregate.endpoints.keys()]).toEqual([
      '/api/login (login)',
      '/api/nowhere',
      '/api/product',
      '/api/queue/join',
      '/api/queue/status',
      '/healthz',
    ]);
    const login = report.aggregate.endpoints.get('/api/login (login)')!;
    expect(login.codes).toEqual({
      200: counters['plugins.metrics-by-endpoint./api/login (login).codes.200'],
      500: counters['plugins.metrics-by-endpoint./api/login (login).codes.500'],
    });
    expect(login.errors).toEqual({
      ETIMEDOUT: counters['plugins.metrics-by-endpoint./api/login (login).errors.ETIMEDOUT'],
    });
    // Each visit logs in once: its requests are the visits' virtual users.
    expect(login.requests).toBe(counters['vusers.created_by_name.visit']);
    expect(login.responseTime).toEqual(
      summaryOf(raw('crowd').aggregate, 'plugins.metrics-by-endpoint.response_time./api/login (login)'),
    );
    const endpoints = [...report.aggregate.endpoints.values()];
    expect(endpoints.reduce((sum, endpoint) => sum + endpoint.requests, 0)).toBe(report.aggregate.http.requests);
    expect(endpoints.reduce((sum, endpoint) => sum + endpoint.failed, 0)).toBe(report.aggregate.http.failed);
    // The explicitly configured plugin keeps query strings in endpoint names.
    const explicit = await readArtilleryReport(fixture('endpoints'));
    expect(explicit.aggregate.endpoints.has('/api/queue/status?ticket={{ ticket }}')).toBe(true);
  });

  it('has 10-second periods whose counters add up to the aggregate’s (Artillery’s own property of the report)', async () => {
    for (const name of ['crowd', 'endpoints', 'endpoints-worse']) {
      const report = await readArtilleryReport(fixture(name));
      expect(report.intermediate.length).toBeGreaterThanOrEqual(2);
      for (const period of report.intermediate) expect(period.startMs % 10_000).toBe(0);
      for (const [a, b] of report.intermediate
        .slice(1)
        .map((period, index) => [report.intermediate[index]!, period] as const))
        expect(b.startMs - a.startMs).toBe(10_000);
      for (const [counter, total] of Object.entries(report.aggregate.counters)) {
        expect(
          report.intermediate.reduce((sum, period) => sum + (period.counters[counter] ?? 0), 0),
          counter,
        ).toBe(total);
      }
      expect(report.intermediate.reduce((sum, period) => sum + period.http.failed, 0)).toBe(
        report.aggregate.http.failed,
      );
      expect(report.aggregate.startMs).toBe(report.intermediate[0]!.startMs);
    }
  });

  it('turns the counts into saleready records that read back exactly (compare reads run folders this way)', async () => {
    const report = await readArtilleryReport(fixture('crowd'));
    const ingest = artilleryReportToIngest(report);
    expect(measure(ingest, 'http_reqs', 'count')!.value).toBe(1582);
    expect(measure(ingest, 'http_req_failed', 'count')!.value).toBe(426);
    expect(measure(ingest, 'http_req_failed', 'rate')!.value).toBeCloseTo(426 / 1582, 12);
    expect(measure(ingest, 'http_reqs{name:/api/login (login)}', 'count')!.value).toBe(338);
    expect(measure(ingest, 'http_reqs{status:ETIMEDOUT}', 'count')!.value).toBe(53);
    expect(measure(ingest, 'vusers.failed', 'count')!.value).toBe(raw('crowd').aggregate.counters['vusers.failed']);
    // The records span the run within half a second at either end (they name seconds).
    const span = (report.aggregate.lastMetricMs! - report.aggregate.firstMetricMs!) / 1000;
    expect(Math.abs(runDurationSeconds(ingest) - span)).toBeLessThanOrEqual(1);
    // Per-period buckets add up to the run's totals.
    const requests = [...ingest.series.values()].filter((series) => series.metric === 'http_reqs');
    expect(
      requests.reduce(
        (sum, series) =>
          sum +
          [...series.perSecond.values()].reduce((n, bucket) => n + (bucket.kind === 'counter' ? bucket.sum : 0), 0),
        0,
      ),
    ).toBe(1582);
    const file = join(work, 'records.ndjson.gz');
    writeFileSync(file, gzipSync(`${artilleryReportRecords(report).join('\n')}\n`));
    const again = await ingestEngineRecords(file);
    expect(again.result.badLines).toBe(0);
    expect(again.filesEnded).toBe(1);
    expect(measure(again.result, 'http_reqs', 'count')!.value).toBe(1582);
    expect(measure(again.result, 'http_req_failed', 'rate')!.value).toBe(
      measure(ingest, 'http_req_failed', 'rate')!.value,
    );
  });

  it('reads a gzipped report the same', async () => {
    const gz = join(work, 'endpoints.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('endpoints'))));
    const plain = await readArtilleryReport(fixture('endpoints'));
    const zipped = await readArtilleryReport(gz);
    expect(zipped.aggregate.http).toEqual(plain.aggregate.http);
    expect(zipped.intermediate.map((period) => period.http.sent)).toEqual(
      plain.intermediate.map((period) => period.http.sent),
    );
  });

  it('refuses a cut-short, a foreign or a malformed report with a UsageError naming the file and the field', async () => {
    const text = readFileSync(fixture('crowd'), 'utf8');
    const cut = join(work, 'cut.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    await expect(readArtilleryReport(cut)).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof UsageError &&
        error.exitCode === 2 &&
        error.message.startsWith(`${cut} is not a readable Artillery report`),
    );
    await expect(readArtilleryReport(join(work, 'absent.json'))).rejects.toThrow(
      /absent\.json is not a readable Artillery report: no such file/,
    );
    expect(() => parseArtilleryReport({ aggregate: {} }, 'only-aggregate.json')).toThrow(
      'only-aggregate.json is not an Artillery report: it has no top-level "aggregate" and "intermediate"',
    );
    const document = JSON.parse(text) as { aggregate: RawPeriod };
    document.aggregate.summaries['http.response_time']!.p95 = 'fast' as unknown as number;
    expect(() => parseArtilleryReport(document, 'bad.json')).toThrow(
      /bad\.json is not a valid Artillery report:\n✖ .* → at aggregate\.summaries\.http\.response_time\.p95/,
    );
    expect(() => parseArtilleryReport({ aggregate: { counters: {} }, intermediate: [] }, 'empty.json')).toThrow(
      'the Artillery report empty.json holds no metrics',
    );
  });
});
