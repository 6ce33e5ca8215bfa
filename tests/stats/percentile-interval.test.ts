import { describe, expect, it } from 'vitest';
import { histogramFromValues } from '../../harness/stats/histogram.ts';
import { createMulberry32 } from '../../harness/random.ts';
import {
  histogramPercentileInterval,
  percentileInterval,
  percentileIntervalSorted,
} from '../../harness/stats/percentile-interval.ts';
import { sampleStandardNormal } from '../../harness/stats/random-variates.ts';

const ONE_TO_HUNDRED = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentileInterval (order statistics, normal approximation to the binomial)', () => {
  it('median of n = 100 → x_(40)…x_(61), the exact binomial 95% ranks (Campbell & Gardner 1988)', () => {
    const ci = percentileIntervalSorted(ONE_TO_HUNDRED, 0.5);
    expect(ci.lowerRank).toBe(40);
    expect(ci.upperRank).toBe(61);
    expect(ci.lower).toBe(40);
    expect(ci.upper).toBe(61);
    expect(ci.estimate).toBe(50.5);
    expect(ci.clamped).toBe(false);
  });

  it('p90 of n = 1000 → ranks round(900 ∓ 1.96·√90) = 881 and round(1 + 900 + 18.59) = 920 (closed form)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i); // unsorted input
    const ci = percentileInterval(values, 0.9);
    expect(ci.lowerRank).toBe(881);
    expect(ci.upperRank).toBe(920);
  });

  it('is clamped and says so when the sample is too small for the tail', () => {
    const ci = percentileInterval([1, 2, 3, 4, 5], 0.99);
    expect(ci.clamped).toBe(true);
    expect(ci.upper).toBe(5);
  });

  it('covers the true p90 of lognormal(0, 1) in 93–97% of 2,000 seeded samples of 200 (nominal 95%)', () => {
    // True p90 = exp(qnorm(0.9)) = exp(1.281552) = 3.602224. Binomial sd of the coverage
    // over 2,000 trials is 0.49%, so 93–97% is about ±4 sd.
    const random = createMulberry32(5);
    const truth = Math.exp(1.281551565544601);
    let covered = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const sample = Array.from({ length: 200 }, () => Math.exp(sampleStandardNormal(random)));
      const ci = percentileInterval(sample, 0.9);
      if (ci.lower <= truth && truth <= ci.upper) covered++;
    }
    expect(covered / 2000).toBeGreaterThan(0.93);
    expect(covered / 2000).toBeLessThan(0.97);
  });

  it('from a histogram: same ranks, bounds within 1% of the sample bounds', () => {
    const random = createMulberry32(6);
    const values = Array.from({ length: 5000 }, () => Math.exp(5 + 0.7 * sampleStandardNormal(random)));
    const exact = percentileInterval(values, 0.95);
    const fromHistogram = histogramPercentileInterval(histogramFromValues(values), 0.95);
    expect(fromHistogram.lowerRank).toBe(exact.lowerRank);
    expect(fromHistogram.upperRank).toBe(exact.upperRank);
    expect(Math.abs(fromHistogram.lower - exact.lower) / exact.lower).toBeLessThanOrEqual(0.0099);
    expect(Math.abs(fromHistogram.upper - exact.upper) / exact.upper).toBeLessThanOrEqual(0.0099);
  });
});
