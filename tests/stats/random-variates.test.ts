import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createMulberry32 } from '../../harness/random.ts';
import { sampleStandardNormal } from '../../harness/stats/random-variates.ts';

function draws(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}

describe('seeded random numbers', () => {
  it('mulberry32 repeats for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = draws(5, createMulberry32(42));
    expect(draws(5, createMulberry32(42))).toEqual(a);
    expect(draws(5, createMulberry32(43))).not.toEqual(a);
    const many = draws(100_000, createMulberry32(1));
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
    // Uniform mean ½, sd of the mean √(1/12/1e5) = 0.00091; allow 5 sd.
    expect(Math.abs(mean(many) - 0.5)).toBeLessThan(0.0046);
  });

  // Moments checked with 200,000 draws; tolerances are about 5 standard errors.
  it('standard normal draws have mean 0 and variance 1', () => {
    const random = createMulberry32(2);
    const x = draws(200_000, () => sampleStandardNormal(random));
    expect(Math.abs(mean(x))).toBeLessThan(0.012);
    expect(Math.abs(sampleVariance(x) - 1)).toBeLessThan(0.02);
  });
});
