import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../harness/stats/incomplete-beta.ts';
import { studentTCdf, studentTQuantile } from '../../harness/stats/index.ts';

// Critical values of Student's t, NIST/SEMATECH e-Handbook of Statistical Methods,
// §1.3.6.7.2 (table printed to 3 decimals, so tolerance 5e-4 = half a unit in the last place).
const NIST_T_TABLE: readonly [p: number, df: number, t: number][] = [
  [0.9, 1, 3.078],
  [0.95, 1, 6.314],
  [0.975, 1, 12.706],
  [0.99, 1, 31.821],
  [0.995, 1, 63.657],
  [0.999, 2, 22.327],
  [0.975, 2, 4.303],
  [0.975, 3, 3.182],
  [0.95, 3, 2.353],
  [0.995, 3, 5.841],
  [0.95, 5, 2.015],
  [0.975, 5, 2.571],
  [0.975, 8, 2.306],
  [0.95, 10, 1.812],
  [0.975, 10, 2.228],
  [0.999, 10, 4.144],
  [0.975, 30, 2.042],
  [0.975, 100, 1.984],
  [0.9, 100, 1.29],
];

describe('studentTQuantile', () => {
  it.each(NIST_T_TABLE)('p = %d, df = %d gives the NIST table value %d (±5e-4)', (p, df, t) => {
    expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThanOrEqual(5e-4);
  });

  it('is antisymmetric: the lower quantile is minus the upper one', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('matches the closed forms for 4 df (Johnson, Kotz & Balakrishnan) to 1e-10', () => {
    // ν = 4: t = sign(p−½)·2·√(cos(θ/3)/√α − 1) with α = 4p(1−p), θ = arccos(√α).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      const alpha = 4 * p * (1 - p);
      const exact = 2 * Math.sqrt(Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha) - 1);
      expect(Math.abs(studentTQuantile(p, 4) - exact)).toBeLessThan(1e-10 * exact);
    }
  });

  it('tends to the normal quantile 1.959964 for many degrees of freedom (±1e-5)', () => {
    expect(Math.abs(studentTQuantile(0.975, 1e7) - 1.959964)).toBeLessThan(1e-5);
  });

  it('inverts the CDF to 1e-12 for fractional and large df', () => {
    for (const df of [2.5, 3, 7, 29.5, 500]) {
      for (const p of [0.001, 0.05, 0.3, 0.8, 0.9999]) {
        expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(1e-12);
      }
    }
  });

  it('rejects p outside (0, 1) and df ≤ 0 (a programming error: RangeError)', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/p in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/degrees of freedom greater than 0, got 0/);
  });
});

describe('studentTCdf', () => {
  it('is the Cauchy CDF ½ + atan(t)/π for 1 df (±1e-13)', () => {
    for (const t of [-30, -1, 0, 0.5, 4]) {
      expect(Math.abs(studentTCdf(t, 1) - (0.5 + Math.atan(t) / Math.PI))).toBeLessThan(1e-13);
    }
  });

  it('is ½ + t/(2√(2+t²)) for 2 df (±1e-13)', () => {
    for (const t of [-5, -0.3, 0, 1, 9]) {
      expect(Math.abs(studentTCdf(t, 2) - (0.5 + t / (2 * Math.sqrt(2 + t * t))))).toBeLessThan(1e-13);
    }
  });
});

describe('special functions behind the t distribution', () => {
  it('I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1−x)ᵇ and I_½(a, a) = ½ (closed forms, 1e-12)', () => {
    for (const x of [0.1, 0.5, 0.93]) {
      expect(regularizedIncompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 12);
      expect(regularizedIncompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 12);
    }
    expect(regularizedIncompleteBeta(0.5, 7.25, 7.25)).toBeCloseTo(0.5, 12);
  });
});
