// Targets judged on a real Artillery report (fixtures/results/artillery-crowd.json): k6 names
// map to Artillery's figures, Artillery's own names work, every measured value is the report's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateArtilleryTargets, parseTargetsFile } from '../../harness/analyze/index.ts';
import { readArtilleryReport, type ArtilleryReport } from '../../harness/results/index.ts';

const path = join(import.meta.dirname, '..', '..', 'fixtures', 'results', 'artillery-crowd.json');
const raw = JSON.parse(readFileSync(path, 'utf8')) as {
  aggregate: {
    counters: Record<string, number>;
    summaries: Record<string, Record<string, number>>;
    firstMetricAt: number;
    lastMetricAt: number;
  };
};
const { counters, summaries } = raw.aggregate;
let report: ArtilleryReport;
const judge = async (yaml: string) => {
  report ??= await readArtilleryReport(path);
  return evaluateArtilleryTargets(report, parseTargetsFile(yaml, 'targets.yaml'));
};

describe('targets on an Artillery report', () => {
  it('reads percentiles from the report’s summaries: k6 and Artillery names, whole run and per endpoint', async () => {
    const verdicts = await judge(
      [
        '- "http_req_duration: p(95)<12"',
        '- "http.response_time{name:/api/login (login)}: p(99)<20"',
        '- "vusers.session_length: p(99.9)<200"',
        '- { metric: http.response_time, stat: p75, op: "<=", threshold: 4 }',
        '- "http_req_duration: max<100"',
        '- "http_req_duration: avg<10"',
      ].join('\n'),
    );
    expect(
      verdicts.map((verdict) => [verdict.measured, verdict.verdict, verdict.unit, verdict.samples, verdict.interval]),
    ).toEqual([
      [summaries['http.response_time']!.p95, 'pass', 'ms', summaries['http.response_time']!.count, null],
      [summaries['plugins.metrics-by-endpoint.response_time./api/login (login)']!.p99, 'fail', 'ms', 285, null],
      // 352 sessions are too few for a p99.9 (at least 1,000): measured, not judged.
      [summaries['vusers.session_length']!.p999, 'inconclusive', 'ms', summaries['vusers.session_length']!.count, null],
      [summaries['http.response_time']!.p75, 'pass', 'ms', 1529, null],
      [91, 'pass', 'ms', 1529, null],
      // k6's avg is saleready's of.mean, which is Artillery's `mean`
      [summaries['http.response_time']!.mean, 'pass', 'ms', 1529, null],
    ]);
    expect(verdicts[5]!.measured).toBeGreaterThan(0);
    expect(verdicts[1]!.measured).toBe(24.8);
  });

  it('counts requests, failures, codes, errors and virtual users exactly, with Wilson and Poisson intervals', async () => {
    const verdicts = await judge(
      [
        '- "http_req_failed: rate<0.3"',
        '- { id: nowhere, metric: "http_req_failed{name:/api/nowhere}", stat: rate, op: "<", threshold: 0.5 }',
        '- "http_reqs{status:500}: count>=36"',
        '- "http_reqs{name:/api/login (login),status:ETIMEDOUT}: count==53"',
        '- "http_reqs: rate>50"',
        '- "vusers.failed: count<100"',
        '- { id: failed-share, metric: vusers.failed, stat: share, of: vusers.created, op: "<", threshold: 0.1 }',
        '- "errors.ECONNREFUSED: count==0"',
      ].join('\n'),
    );
    const byId = Object.fromEntries(verdicts.map((verdict) => [verdict.id, verdict]));
    expect(byId['http_req_failed.rate']).toMatchObject({
      measured: 426 / 1582,
      verdict: 'pass',
      unit: 'ratio',
      samples: 1582,
    });
    expect(byId['http_req_failed.rate']!.interval![0]).toBeLessThan(426 / 1582);
    expect(byId.nowhere).toMatchObject({ measured: 1, verdict: 'fail', samples: counters['http.codes.404'] });
    expect(byId['http_reqs{status:500}.count']).toMatchObject({
      measured: counters['http.codes.500'],
      verdict: 'pass',
      unit: 'count',
    });
    expect(byId['http_reqs{name:/api/login (login),status:ETIMEDOUT}.count']).toMatchObject({
      measured: 53,
      verdict: 'pass',
    });
    const seconds = (raw.aggregate.lastMetricAt - raw.aggregate.firstMetricAt) / 1000;
    expect(byId['http_reqs.rate']).toMatchObject({
      measured: counters['http.requests']! / seconds,
      verdict: 'pass',
      unit: '/s',
    });
    expect(byId['vusers.failed.count']).toMatchObject({ measured: 73, verdict: 'pass' });
    expect(byId['failed-share']).toMatchObject({ measured: 73 / 425, verdict: 'fail', unit: 'ratio', samples: 425 });
    // No connection was refused: Artillery writes no errors.ECONNREFUSED, which means 0.
    expect(byId['errors.ECONNREFUSED.count']).toMatchObject({ measured: 0, verdict: 'pass' });
  });

  it('refuses a metric, endpoint, tag or percentile the report does not have, naming the target', async () => {
    await expect(judge('- "checkout_duration: p(95)<800"')).rejects.toThrow(
      /^target checkout_duration\.p95 matches no metric of the Artillery report .*artillery-crowd\.json: checkout_duration$/,
    );
    await expect(judge('- "http_req_duration{name:/nope}: p(95)<800"')).rejects.toThrow(
      'target http_req_duration{name:/nope}.p95: http_req_duration{name:/nope}: the Artillery report has no endpoint "/nope"',
    );
    await expect(judge('- "http_req_duration{status:200}: p(95)<800"')).rejects.toThrow(
      'filters on tag "status", which an Artillery report does not have for http_req_duration',
    );
    await expect(judge('- "http_req_duration: p(97)<800"')).rejects.toThrow(
      'statistic "p97" is not available for http_req_duration: an Artillery summary holds p50, p75, p90, p95, p99, p99.9, min, max, mean and count',
    );
  });
});
