import { describe, expect, it } from 'vitest';
import {
  bootstrapPercentileDifference,
  bootstrapPercentileTest,
  createMulberry32,
  histogramFromValues,
} from '../../harness/stats/index.ts';

const exponential = (count: number, mean: number, seed: number): number[] => {
  const random = createMulberry32(seed);
  return Array.from({ length: count }, () => -Math.log(1 - random()) * mean);
};

describe('bootstrapPercentileTest (percentile bootstrap with the dual p-value)', () => {
  it('gives the same interval as bootstrapPercentileDifference with the same seed', () => {
    const a = histogramFromValues(exponential(2000, 10, 1));
    const b = histogramFromValues(exponential(2000, 12, 2));
    const test = bootstrapPercentileTest(a, b, 0.95, { seed: 7 });
    const plain = bootstrapPercentileDifference(a, b, 0.95, { seed: 7, iterations: 4000 });
    expect([test.lower, test.upper, test.estimate]).toEqual([plain.lower, plain.upper, plain.estimate]);
  });

  it('p < 0.05 exactly when the 95% interval excludes 0', () => {
    for (const [meanB, seed] of [
      [10, 3],
      [10.6, 4],
      [11, 5],
      [13, 6],
      [20, 7],
    ] as const) {
      const a = histogramFromValues(exponential(1500, 10, seed));
      const b = histogramFromValues(exponential(1500, meanB, seed + 100));
      const test = bootstrapPercentileTest(a, b, 0.5);
      const excludes = test.lower > 0 || test.upper < 0;
      expect(test.pValue < 0.05, `mean B ${meanB}: p ${test.pValue}, [${test.lower}, ${test.upper}]`).toBe(excludes);
    }
  });

  it('a doubled median is found at the smallest p the replicates resolve; identical data give p 1', () => {
    const a = histogramFromValues(exponential(3000, 10, 11));
    const b = histogramFromValues(exponential(3000, 20, 12));
    const test = bootstrapPercentileTest(a, b, 0.5);
    expect(test.pValue).toBe(test.minimumPValue);
    expect(test.minimumPValue).toBeCloseTo(2 / 4000, 12);
    expect(bootstrapPercentileTest(a, a, 0.5).pValue).toBe(1);
  });

  it('under H0 (same distribution, 200 seeds) rejects at 5% about 5% of the time (binomial 99% band 1–10%)', () => {
    let rejections = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const a = histogramFromValues(exponential(400, 10, seed * 2));
      const b = histogramFromValues(exponential(400, 10, seed * 2 + 1));
      if (bootstrapPercentileTest(a, b, 0.5, { iterations: 1000, seed }).pValue < 0.05) rejections++;
    }
    expect(rejections).toBeGreaterThanOrEqual(2);
    expect(rejections).toBeLessThanOrEqual(20);
  });
});
