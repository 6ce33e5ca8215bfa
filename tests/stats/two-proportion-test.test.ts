import { describe, expect, it } from 'vitest';
import { twoProportionTest } from '../../harness/stats/two-proportion-test.ts';

describe('twoProportionTest (pooled z test, Wald interval for the difference)', () => {
  it('56/70 vs 48/80 → difference 0.2, CI [0.0575, 0.3425] (Newcombe 1998b, method 1, ±5e-5)', () => {
    const t = twoProportionTest(56, 70, 48, 80);
    expect(t.estimate).toBeCloseTo(0.2, 12);
    expect(Math.abs(t.lower - 0.0575)).toBeLessThan(5e-5);
    expect(Math.abs(t.upper - 0.3425)).toBeLessThan(5e-5);
  });

  it('56/70 vs 48/80 → z = 2.6502, p = 0.00805 (closed form: pooled 104/150; R prop.test X² = z² = 7.0234)', () => {
    // z = 0.2 / √(0.693333·0.306667·(1/70 + 1/80)) = 0.2 / 0.0754670 = 2.650172
    const t = twoProportionTest(56, 70, 48, 80);
    expect(t.z).toBeCloseTo(2.650172, 5);
    expect(t.z * t.z).toBeCloseTo(7.0234, 3);
    expect(Math.abs(t.pValue - 0.008045)).toBeLessThan(2e-6);
  });

  it('equal proportions give z = 0, p = 1, and an interval around 0', () => {
    const t = twoProportionTest(10, 100, 20, 200);
    expect(t.z).toBe(0);
    expect(t.pValue).toBeCloseTo(1, 6);
    expect(t.lower).toBeLessThan(0);
    expect(t.upper).toBeGreaterThan(0);
  });

  it('both zero (no errors in either run) → no evidence of a difference: z 0, p 1', () => {
    const t = twoProportionTest(0, 500, 0, 800);
    expect(t.z).toBe(0);
    expect(t.pValue).toBe(1);
    expect([t.lower, t.upper]).toEqual([0, 0]);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionTest(5, 4, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionTest(1, 10, 1, 0)).toThrow(RangeError);
  });
});
