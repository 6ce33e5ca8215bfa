import { describe, expect, it } from 'vitest';
import { defaultMinSamples, percentileOfStat } from '../../harness/stats/target-spec.ts';

describe('percentileOfStat / defaultMinSamples', () => {
  it('reads p95, p99.9 and k6-style p(95) as fractions; other stats as null', () => {
    expect(percentileOfStat('p95')).toBe(0.95);
    expect(percentileOfStat('p99.9')).toBeCloseTo(0.999, 12);
    expect(percentileOfStat('p(90)')).toBe(0.9);
    expect(percentileOfStat('p100')).toBe(1);
    expect(percentileOfStat('p101')).toBeNull();
    expect(percentileOfStat('rate')).toBeNull();
    expect(percentileOfStat('max')).toBeNull();
  });

  it('asks for at least one observation above the percentile: p95 20, p99 100, p99.9 1000', () => {
    expect(defaultMinSamples('p50')).toBe(20);
    expect(defaultMinSamples('p95')).toBe(20);
    expect(defaultMinSamples('p99')).toBe(100);
    expect(defaultMinSamples('p99.9')).toBe(1000);
    expect(defaultMinSamples('p100')).toBe(20);
  });

  it('asks for 20 for rates and means, 1 for exact statistics (min, max, count)', () => {
    expect(defaultMinSamples('rate')).toBe(20);
    expect(defaultMinSamples('of.mean')).toBe(20);
    expect(defaultMinSamples('max')).toBe(1);
    expect(defaultMinSamples('count')).toBe(1);
  });
});
