import { describe, expect, it } from 'vitest';
import { createMulberry32 as createPrng } from '../../harness/stats/index.ts';

describe('createPrng (mulberry32)', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const first = createPrng(42);
    const again = createPrng(42);
    const other = createPrng(43);
    const a = Array.from({ length: 50 }, () => first());
    expect(Array.from({ length: 50 }, () => again())).toEqual(a);
    expect(Array.from({ length: 50 }, () => other())).not.toEqual(a);
  });

  it('draws in [0, 1) with the mean and variance of a uniform distribution', () => {
    const random = createPrng(1);
    const draws = Array.from({ length: 20_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    const variance = draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / draws.length;
    // Uniform(0,1): mean 1/2 (standard error 0.289/√20000 = 0.002), variance 1/12 = 0.0833.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });
});
