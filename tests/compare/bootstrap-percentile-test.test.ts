import { describe, expect, it } from 'vitest';
import {
  blockBootstrapPercentileDifference,
  bootstrapPercentileTest,
  createMulberry32,
  histogramFromValues,
  type BlockedHistogram,
} from '../../harness/stats/index.ts';

/** `blocks` blocks of `perBlock` exponential values of mean `mean`. */
const exponentialRun = (blocks: number, perBlock: number, mean: number, seed: number): BlockedHistogram => {
  const random = createMulberry32(seed);
  const values = Array.from({ length: blocks }, () =>
    Array.from({ length: perBlock }, () => -Math.log(1 - random()) * mean),
  );
  return { total: histogramFromValues(values.flat()), blocks: values.map((block) => histogramFromValues(block)) };
};

describe('bootstrapPercentileTest (block bootstrap with the dual p-value)', () => {
  it('gives the same interval as blockBootstrapPercentileDifference with the same seed', () => {
    const a = exponentialRun(40, 50, 10, 1);
    const b = exponentialRun(40, 50, 12, 2);
    const test = bootstrapPercentileTest(a, b, 0.95, { seed: 7 });
    const plain = blockBootstrapPercentileDifference(a, b, 0.95, { seed: 7, iterations: 4000 });
    expect([test.lower, test.upper, test.estimate]).toEqual([plain.lower, plain.upper, plain.estimate]);
  });

  it('p < 0.05 exactly when the 95% interval excludes 0', () => {
    const verdicts: boolean[] = [];
    for (const [meanB, seed] of [
      [10, 3],
      [10.6, 4],
      [11, 5],
      [13, 6],
      [20, 7],
    ] as const) {
      const a = exponentialRun(30, 50, 10, seed);
      const b = exponentialRun(30, 50, meanB, seed + 100);
      const test = bootstrapPercentileTest(a, b, 0.5);
      const excludes = test.lower > 0 || test.upper < 0;
      expect(test.pValue < 0.05, `mean B ${meanB}: p ${test.pValue}, [${test.lower}, ${test.upper}]`).toBe(excludes);
      verdicts.push(excludes);
    }
    // both sides of the boundary were exercised: equal means do not differ, a doubled one does
    expect(verdicts[0]).toBe(false);
    expect(verdicts[4]).toBe(true);
  });

  it('a doubled median is found at the smallest p the replicates resolve; identical data give p 1', () => {
    const a = exponentialRun(30, 100, 10, 11);
    const b = exponentialRun(30, 100, 20, 12);
    const test = bootstrapPercentileTest(a, b, 0.5);
    expect(test.pValue).toBe(test.minimumPValue);
    expect(test.minimumPValue).toBeCloseTo(2 / 4000, 12);
    expect(bootstrapPercentileTest(a, a, 0.5).pValue).toBe(1);
  });
});
