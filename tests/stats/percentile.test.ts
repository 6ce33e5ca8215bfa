import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { percentile, percentileSorted } from '../../harness/stats/percentile.ts';
import { createMulberry32 } from '../../harness/random.ts';

// k6's own Trend tests (REFERENCES.md, "Percentiles and histograms"); k6 prints exact
// type-7 values, so the tolerance is floating-point rounding only (1e-9 absolute).
const K6_SAMPLE = [0, 100, 30, 80, 70, 60, 50, 40, 90, 20];

describe('percentile (R type 7, k6 Trend convention)', () => {
  it('reproduces k6 Trend p50 55, p95 95.5, p99 99.1 on {0,100,30,…,20}', () => {
    expect(percentile(K6_SAMPLE, 0.5)).toBeCloseTo(55, 9);
    expect(percentile(K6_SAMPLE, 0.95)).toBeCloseTo(95.5, 9);
    expect(percentile(K6_SAMPLE, 0.99)).toBeCloseTo(99.1, 9);
  });

  it('reproduces k6 Trend p50 7.5, p95 9.75, p99 9.95 on {5,10}', () => {
    expect(percentile([5, 10], 0.5)).toBeCloseTo(7.5, 9);
    expect(percentile([5, 10], 0.95)).toBeCloseTo(9.75, 9);
    expect(percentile([5, 10], 0.99)).toBeCloseTo(9.95, 9);
  });

  it('matches R quantile(c(1,2,3,4), type = 7): 0.25 → 1.75, 0.5 → 2.5, 0.9 → 3.7 (closed form)', () => {
    expect(percentile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(percentile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
  });

  it('differs from the nearest-rank percentile (type 1), which gives 4 for p90 of {1,2,3,4}', () => {
    // Nearest rank: x_(⌈0.9·4⌉) = x_(4) = 4; type 7 interpolates to 3.7.
    expect(percentile([1, 2, 3, 4], 0.9)).not.toBe(4);
  });

  it('returns exact min and max at p = 0 and p = 1, and the single value of a 1-sample', () => {
    expect(percentile(K6_SAMPLE, 0)).toBe(0);
    expect(percentile(K6_SAMPLE, 1)).toBe(100);
    expect(percentile([42], 0.99)).toBe(42);
  });

  it('sorts numerically, not as strings (10 > 9)', () => {
    expect(percentile([9, 10, 100], 0.5)).toBe(10);
  });

  it('does not mutate its input', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('percentileSorted equals percentile on sorted input', () => {
    const sorted = [...K6_SAMPLE].sort((a, b) => a - b);
    for (const p of [0, 0.1, 0.5, 0.95, 0.999, 1]) {
      expect(percentileSorted(sorted, p)).toBe(percentile(K6_SAMPLE, p));
    }
  });

  it('agrees with simple-statistics 7.12 quantile (also type 7 since 7.x) on random data to 1e-12 relative', () => {
    // Cross-check only: the installed simple-statistics documents linear interpolation at
    // (n−1)p; older releases used a different rule, hence our own implementation.
    const random = createMulberry32(7);
    const values = Array.from({ length: 1001 }, () => random() * 1000);
    for (const p of [0.01, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const ours = percentile(values, p);
      expect(Math.abs(ours - quantile(values, p)) / ours).toBeLessThan(1e-12);
    }
  });

  it('rejects p outside [0, 1] (95 instead of 0.95) and empty samples', () => {
    expect(() => percentile(K6_SAMPLE, 95)).toThrow(RangeError);
    expect(() => percentile(K6_SAMPLE, -0.1)).toThrow(RangeError);
    expect(() => percentile(K6_SAMPLE, Number.NaN)).toThrow(RangeError);
    expect(() => percentile([], 0.5)).toThrow(/empty/);
  });
});
