import { beforeAll, describe, expect, it } from 'vitest';
import {
  blockSecondsFor,
  ingestK6Output,
  measure,
  measureOverTime,
  runDurationSeconds,
  trendBlocks,
  type IngestResult,
} from '../../harness/results/index.ts';
import { rawJsonGz, readK6Summary } from './fixture.ts';

// Reference values: k6's --summary-export of the recorded run (fixtures/results).
const k6 = readK6Summary();
let ingest: IngestResult;
beforeAll(async () => {
  ingest = await ingestK6Output(rawJsonGz);
});

describe('measure', () => {
  it('filters by several tags: person + bot checkouts add up to all checkouts', () => {
    const person = measure(ingest, 'http_req_duration{step:checkout,actor:person}', 'count')?.value ?? NaN;
    const bot = measure(ingest, 'http_req_duration{ actor:bot , step:checkout }', 'count')?.value ?? NaN;
    expect(person).toBeGreaterThan(0);
    expect(bot).toBeGreaterThan(0);
    expect(person + bot).toBe(k6['http_req_duration{step:checkout}']?.count);
  });

  it('gives a percentile with a confidence interval around it', () => {
    const p95 = measure(ingest, 'http_req_duration{step:join}', 'p95');
    expect(p95?.samples).toBe(k6['http_req_duration{step:join}']?.count);
    const [lower, upper] = p95?.interval ?? [NaN, NaN];
    expect(lower).toBeLessThanOrEqual(p95?.value ?? NaN);
    expect(upper).toBeGreaterThanOrEqual(p95?.value ?? NaN);
  });

  it('share: bought people / arrivals, with a Wilson interval', () => {
    const share = measure(ingest, 'sr_outcome{outcome:bought}', 'share', 'sr_arrivals');
    const bought = k6['sr_outcome{outcome:bought}']?.count as number;
    const arrivals = k6.sr_arrivals?.count as number;
    expect(share?.value).toBeCloseTo(bought / arrivals, 12);
    expect(share?.samples).toBe(arrivals);
    expect(share?.interval?.[0]).toBeLessThan(bought / arrivals);
  });

  it('rate: failed checkouts as a share of checkout requests', () => {
    expect(measure(ingest, 'http_req_failed{step:checkout}', 'rate')?.value).toBeCloseTo(
      k6['http_req_failed{step:checkout}']?.value as number,
      12,
    );
  });

  it('rate of a Counter is events per second of the run', () => {
    const rate = measure(ingest, 'http_reqs', 'rate')?.value ?? NaN;
    // k6 divides by the whole test duration (a little longer than first→last sample).
    expect(rate).toBeGreaterThan((k6.http_reqs?.rate as number) * 0.9);
    expect(rate).toBeLessThan((k6.http_reqs?.rate as number) * 1.3);
  });

  it('returns null for a metric that was never recorded', () => {
    expect(measure(ingest, 'http_req_durration', 'p95')).toBeNull();
  });

  it('counts a declared journey Counter that never fired as zero, and matching tags that never occurred as zero', () => {
    expect(measure(ingest, 'sr_reentries', 'count')).toEqual({ value: 0, interval: null, samples: ingest.samples });
    expect(measure(ingest, 'sr_outcome{outcome:gave_up}', 'count')?.value).toBe(0);
    expect(measure(ingest, 'http_req_duration{step:probe}', 'p95')).toEqual({
      value: null,
      interval: null,
      samples: 0,
    });
  });

  it('refuses a tag ingest did not keep, and a statistic the metric type lacks', () => {
    expect(() => measure(ingest, 'http_req_duration{url:http://x}', 'p95')).toThrow(
      /tag "url", which ingest did not keep/,
    );
    expect(() => measure(ingest, 'http_reqs', 'p95')).toThrow(/"p95" is not available for http_reqs \(a counter\)/);
    expect(() => measure(ingest, 'sr_outcome', 'share')).toThrow(/needs "of"/);
    expect(() => measure(ingest, 'sr_outcome{outcome:bougth}', 'count')).toThrow(/no sample carries outcome:bougth/);
    expect(() => measure(ingest, 'http_req_duration{step', 'p95')).toThrow(/not a metric selector/);
  });

  it('over time: per-second counts add up to the total', () => {
    const points = measureOverTime(ingest, 'sr_arrivals', 'count');
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(points.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBe(k6.sr_arrivals?.count);
    expect(points.map((point) => point.timeMs)).toEqual([...points.map((point) => point.timeMs)].sort((a, b) => a - b));
    expect(measureOverTime(ingest, 'no_such_metric', 'count')).toEqual([]);
  });

  it('in blocks of time: the blocks hold every value of the run once, in blocks as long as the run asks', () => {
    const selector = 'http_req_duration{step:join}';
    const blocked = trendBlocks(ingest, selector)!;
    expect(blocked.blockSeconds).toBe(blockSecondsFor(runDurationSeconds(ingest)));
    expect(blocked.blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocked.blocks.reduce((sum, block) => sum + block.count, 0)).toBe(k6[selector]?.count);
    expect(blocked.total.count).toBe(k6[selector]?.count);
    expect(blocked.blocks.every((block) => block.count > 0)).toBe(true);
    expect(trendBlocks(ingest, 'sr_arrivals')).toBeNull(); // a Counter, not a Trend
    expect(trendBlocks(ingest, 'no_such_metric')).toBeNull();
  });

  it('block length: ⌈∛S⌉ s for a run of S s, at least 10 blocks where the run allows, never under 1 s', () => {
    expect([0, 5, 11, 30, 60, 600, 1200, 3600].map(blockSecondsFor)).toEqual([1, 1, 1, 3, 4, 9, 11, 16]);
  });
});
