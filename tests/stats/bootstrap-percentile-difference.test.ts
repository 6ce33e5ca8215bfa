import { describe, expect, it } from 'vitest';
import { bootstrapPercentileDifference } from '../../harness/stats/bootstrap-percentile-difference.ts';
import { histogramFromValues } from '../../harness/stats/histogram.ts';
import { createRankLookup } from '../../harness/stats/histogram-rank.ts';
import { createMulberry32 } from '../../harness/random.ts';
import { percentile } from '../../harness/stats/percentile.ts';
import { sampleStandardNormal } from '../../harness/stats/random-variates.ts';

function lognormal(seed: number, n: number, mu: number, sigma = 0.5): number[] {
  const random = createMulberry32(seed);
  return Array.from({ length: n }, () => Math.exp(mu + sigma * sampleStandardNormal(random)));
}

describe('bootstrapPercentileDifference', () => {
  it('identical inputs → estimate 0 and an interval containing 0', () => {
    const h = histogramFromValues(lognormal(1, 2000, 5));
    const d = bootstrapPercentileDifference(h, h, 0.95, { seed: 3 });
    expect(d.estimate).toBe(0);
    expect(d.lower).toBeLessThanOrEqual(0);
    expect(d.upper).toBeGreaterThanOrEqual(0);
    expect(d.upper).toBeGreaterThan(d.lower);
  });

  it('two samples of one distribution → interval contains 0', () => {
    const a = histogramFromValues(lognormal(2, 3000, 5));
    const b = histogramFromValues(lognormal(3, 3000, 5));
    const d = bootstrapPercentileDifference(a, b, 0.9);
    expect(d.lower).toBeLessThan(0);
    expect(d.upper).toBeGreaterThan(0);
  });

  it('B 20% slower than A → interval above 0; swapped → below 0', () => {
    const a = histogramFromValues(lognormal(4, 3000, 5));
    const b = histogramFromValues(lognormal(5, 3000, 5 + Math.log(1.2)));
    const slower = bootstrapPercentileDifference(a, b, 0.95);
    expect(slower.estimate).toBeGreaterThan(0);
    expect(slower.lower).toBeGreaterThan(0);
    const faster = bootstrapPercentileDifference(b, a, 0.95);
    expect(faster.upper).toBeLessThan(0);
  });

  it('is reproducible for a seed', () => {
    const a = histogramFromValues(lognormal(6, 500, 5));
    const b = histogramFromValues(lognormal(7, 500, 5.1));
    expect(bootstrapPercentileDifference(a, b, 0.5, { seed: 9 })).toEqual(
      bootstrapPercentileDifference(a, b, 0.5, { seed: 9 }),
    );
  });

  it('agrees with naive resampling of the same histograms (interval ends within 15% of its width)', () => {
    // Naive: draw n values with replacement from the histogram's values, take type-7 p90.
    // Both are Monte-Carlo estimates of the same bootstrap distribution (4,000 replicates).
    const a = histogramFromValues(lognormal(8, 300, 5));
    const b = histogramFromValues(lognormal(9, 400, 5.1));
    const expand = (h: typeof a): number[] => {
      const at = createRankLookup(h);
      return Array.from({ length: h.count }, (_, r) => at(r));
    };
    const valuesA = expand(a);
    const valuesB = expand(b);
    const random = createMulberry32(99);
    const resample = (v: number[]): number[] =>
      Array.from({ length: v.length }, () => v[Math.floor(random() * v.length)] as number);
    const differences = Array.from(
      { length: 4000 },
      () => percentile(resample(valuesB), 0.9) - percentile(resample(valuesA), 0.9),
    );
    const naive = [percentile(differences, 0.025), percentile(differences, 0.975)] as const;
    const ours = bootstrapPercentileDifference(a, b, 0.9, { iterations: 4000 });
    const width = naive[1] - naive[0];
    expect(Math.abs(ours.lower - naive[0])).toBeLessThan(0.15 * width);
    expect(Math.abs(ours.upper - naive[1])).toBeLessThan(0.15 * width);
  });

  it('costs O(iterations), not O(n): 1,000,000 values take at most 3× the time of 1,000', () => {
    // a ratio measured in the same test, not a wall-clock limit: O(n) would make it ~1,000×
    const timed = (values: number): number => {
      const h = histogramFromValues(lognormal(10, values, 5));
      const start = performance.now();
      bootstrapPercentileDifference(h, h, 0.99, { iterations: 5_000 });
      return performance.now() - start;
    };
    timed(1_000); // warm up the JIT
    const small = Math.min(timed(1_000), timed(1_000));
    const large = Math.min(timed(1_000_000), timed(1_000_000));
    expect(large / small).toBeLessThan(3);
  });

  it('rejects fewer than 100 iterations and empty histograms', () => {
    const h = histogramFromValues([1, 2, 3]);
    expect(() => bootstrapPercentileDifference(h, h, 0.5, { iterations: 10 })).toThrow(RangeError);
    expect(() => bootstrapPercentileDifference(histogramFromValues([]), h, 0.5)).toThrow(/empty/);
  });
});
