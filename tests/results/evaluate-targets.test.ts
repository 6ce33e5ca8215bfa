import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { evaluateTargets, ingestK6Output, measure, type IngestResult } from '../../harness/results/index.ts';
import type { TargetSpec } from '../../harness/stats/index.ts';
import { rawJsonGz } from './fixture.ts';

let ingest: IngestResult;
beforeAll(async () => {
  ingest = await ingestK6Output(rawJsonGz);
});

const target = (spec: Partial<TargetSpec> & Pick<TargetSpec, 'id' | 'metric' | 'stat'>): TargetSpec => ({
  op: '<',
  threshold: 1000,
  unit: 'ms',
  ...spec,
});

describe('evaluateTargets', () => {
  it('judges latency, error rate and share targets on the run', () => {
    const [latency, errors, bought] = evaluateTargets(ingest, [
      target({ id: 'latency.checkout.p95', metric: 'http_req_duration{step:checkout}', stat: 'p95', threshold: 5000 }),
      target({
        id: 'errors.checkout',
        metric: 'http_req_failed{step:checkout}',
        stat: 'rate',
        threshold: 0.001,
        unit: 'ratio',
      }),
      target({
        id: 'bought.share',
        metric: 'sr_outcome{outcome:bought}',
        stat: 'share',
        of: 'sr_arrivals',
        op: '>=',
        threshold: 0.9,
        unit: 'ratio',
      }),
    ]);
    expect(latency?.verdict).toBe('pass');
    expect(errors?.verdict).toBe('fail');
    expect(errors?.measured).toBeCloseTo(8 / 249, 12);
    expect(bought?.verdict).toBe('fail');
  });

  it('scales the measured value and its interval (time scale k)', () => {
    const raw = measure(ingest, 'sr_queue_wait{actor:person}', 'p95');
    const [verdict] = evaluateTargets(ingest, [
      target({ id: 'wait.p95', metric: 'sr_queue_wait{actor:person}', stat: 'p95', scale: 60, threshold: 1e9 }),
    ]);
    expect(verdict?.measured).toBeCloseTo((raw?.value ?? NaN) * 60, 9);
    expect(verdict?.interval?.[1]).toBeCloseTo((raw?.interval?.[1] ?? NaN) * 60, 9);
  });

  it('throws a UsageError naming the target when the selector matches no recorded metric', () => {
    const call = () =>
      evaluateTargets(ingest, [
        target({ id: 'latency.typo', metric: 'http_req_durations{step:checkout}', stat: 'p95' }),
      ]);
    expect(call).toThrow(UsageError);
    expect(call).toThrow('target latency.typo matches no recorded metric http_req_durations{step:checkout}');
    expect(() =>
      evaluateTargets(ingest, [target({ id: 'share.typo', metric: 'sr_outcome', stat: 'share', of: 'sr_arival' })]),
    ).toThrow(/target share\.typo matches no recorded metric sr_outcome \(of sr_arival\)/);
  });

  it('names the target when its statistic does not fit the metric', () => {
    expect(() => evaluateTargets(ingest, [target({ id: 'reqs.p95', metric: 'http_reqs', stat: 'p95' })])).toThrow(
      /^target reqs\.p95: /,
    );
  });

  it('is inconclusive, never a pass, when a known metric recorded nothing for the tags', () => {
    const [verdict] = evaluateTargets(ingest, [
      target({ id: 'nothing', metric: 'http_req_duration{step:probe}', stat: 'p95' }),
    ]);
    expect(verdict?.verdict).toBe('inconclusive');
  });

  it('passes "no re-entries" when the journey Counter never fired', () => {
    const [verdict] = evaluateTargets(ingest, [
      target({ id: 'reentries', metric: 'sr_reentries', stat: 'count', op: '==', threshold: 0, unit: 'count' }),
    ]);
    expect(verdict?.verdict).toBe('pass');
    expect(verdict?.measured).toBe(0);
  });
});
