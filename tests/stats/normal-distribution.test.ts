import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalTwoSidedP, twoSidedZ } from '../../harness/stats/normal-distribution.ts';

// Reference values: R 4.x qnorm/pnorm printed to 15 digits (closed-form standard values).
describe('normal distribution', () => {
  it('normalQuantile matches R qnorm to 1e-8 (Acklam bound 1.15e-9 relative)', () => {
    const cases: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.995, 2.575829303548901],
      [0.9, 1.281551565544601],
      [0.5, 0],
      [0.01, -2.326347874040841],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8);
  });

  it('is more accurate than simple-statistics probit at 0.975 (why it is written here)', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(
      Math.abs(probit(0.975) - 1.959963984540054),
    );
  });

  it('normalCdf inverts normalQuantile and matches pnorm(1) = 0.841344746 within 2e-7 (NR erfc bound)', () => {
    expect(Math.abs(normalCdf(1) - 0.841344746068543)).toBeLessThan(2e-7);
    expect(Math.abs(normalCdf(-1.959963984540054) - 0.025)).toBeLessThan(2e-7);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('normalTwoSidedP(1.96) ≈ 0.0500 and twoSidedZ(0.95) = 1.959964', () => {
    expect(Math.abs(normalTwoSidedP(1.959963984540054) - 0.05)).toBeLessThan(2e-7);
    expect(normalTwoSidedP(0)).toBeCloseTo(1, 6);
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 6);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.575829, 6);
  });

  it('rejects p outside [0, 1] and confidence outside (0, 1)', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => twoSidedZ(95)).toThrow(RangeError);
  });
});
