import { describe, expect, it } from 'vitest';
import {
  uslAmdahlCeiling,
  uslLatency,
  uslLoadForLatency,
  uslOptimalLoad,
  uslPeakLoad,
  uslPeakThroughput,
  uslThroughput,
  type UslParams,
} from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';

// smoeding/usl tests/coef.R: the synthetic data set generated from σ = 0.02, κ = 0.02, λ = 1,
// printed to 4 decimals (tolerance 5e-5).
const SYNTHETIC: UslParams = { sigma: 0.02, kappa: 0.02, lambda: 1 };
const SYNTHETIC_LOADS = [1, 2, 4, 6, 8, 10];
const SYNTHETIC_THROUGHPUT = [1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557];

describe('uslThroughput', () => {
  it('reproduces the synthetic data of smoeding/usl from σ = κ = 0.02, λ = 1 (±5e-5)', () => {
    SYNTHETIC_LOADS.forEach((load, i) => {
      expect(Math.abs(uslThroughput(SYNTHETIC, load) - SYNTHETIC_THROUGHPUT[i]!)).toBeLessThan(5e-5);
    });
  });

  it('is linear λN with σ = κ = 0 and Amdahl λN/(1+σ(N−1)) with κ = 0 (closed form, 1e-12)', () => {
    expect(uslThroughput({ sigma: 0, kappa: 0, lambda: 3 }, 40)).toBeCloseTo(120, 12);
    expect(uslThroughput({ sigma: 0.1, kappa: 0, lambda: 2 }, 11)).toBeCloseTo(22 / 2, 12);
  });

  it('rejects a negative parameter or load with a UsageError naming it', () => {
    expect(() => uslThroughput({ ...SYNTHETIC, kappa: -0.1 }, 4)).toThrow(/kappa must be 0 or more, got -0.1/);
    expect(() => uslThroughput(SYNTHETIC, Number.NaN)).toThrow(UsageError);
  });
});

describe('uslPeakLoad and uslPeakThroughput', () => {
  it('puts the peak of the synthetic case at N* = √(0.98/0.02) = 7 (Gunther 2007 eq. 6.3; exact to 1e-12)', () => {
    expect(uslPeakLoad(SYNTHETIC)).toBeCloseTo(7, 12);
    // X(7) = 7 / (1 + 0.12 + 0.84) = 3.5714285…
    expect(uslPeakThroughput(SYNTHETIC)).toBeCloseTo(7 / 1.96, 12);
  });

  it('is a true maximum: X falls on both sides of N*', () => {
    const params = { sigma: 0.03, kappa: 0.0004, lambda: 12 };
    const peak = uslPeakLoad(params);
    const top = uslPeakThroughput(params);
    expect(uslThroughput(params, peak * 0.99)).toBeLessThan(top);
    expect(uslThroughput(params, peak * 1.01)).toBeLessThan(top);
  });

  it('has no peak when κ = 0: N* = Infinity and the supremum is the Amdahl ceiling λ/σ', () => {
    const params = { sigma: 0.05, kappa: 0, lambda: 20 };
    expect(uslPeakLoad(params)).toBe(Number.POSITIVE_INFINITY);
    expect(uslPeakThroughput(params)).toBeCloseTo(400, 12);
    expect(uslPeakThroughput({ sigma: 0, kappa: 0, lambda: 1 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives the specsdm91 bounds of smoeding/usl tests/summary.Rout.save (limit 3246, opt 36.06)', () => {
    // Coefficients as printed there (4 significant digits), so the tolerance is ±0.5 in
    // the last printed digit of each bound.
    const params = { sigma: 2.773e-2, kappa: 1.044e-4, lambda: 90 };
    expect(Math.abs(uslAmdahlCeiling(params) - 3246)).toBeLessThan(1);
    expect(Math.abs(uslOptimalLoad(params) - 36.06)).toBeLessThan(0.01);
  });
});

describe('uslLatency and uslLoadForLatency', () => {
  it('gives R(N) = N/X(N) (Little with no think time)', () => {
    for (const load of [1, 3, 7, 50]) {
      expect(uslLatency(SYNTHETIC, load)).toBeCloseTo(load / uslThroughput(SYNTHETIC, load), 12);
    }
    expect(uslLatency(SYNTHETIC, 1)).toBe(1); // 1/λ
  });

  const CASES: readonly UslParams[] = [
    SYNTHETIC,
    { sigma: 0.02444, kappa: 0.00163, lambda: 20.85605 }, // raytracer rows 1–6
    { sigma: 0.001, kappa: 0.05, lambda: 3 }, // κ > σ: b = σ − κ < 0
    { sigma: 0.3, kappa: 1e-12, lambda: 1000 }, // κ tiny: the cancellation-prone case
    { sigma: 0.0578, kappa: 0, lambda: 21.85 }, // κ = 0: Amdahl inverse
    { sigma: 0, kappa: 0.001, lambda: 5 },
  ];

  it.each(CASES)('round-trips N → R(N) → N to 1e-9 relative for %o', (params) => {
    for (const load of [1, 1.5, 2, 7, 31, 250, 4000]) {
      const back = uslLoadForLatency(params, uslLatency(params, load));
      expect(back).not.toBeNull();
      expect(Math.abs(back! - load) / load).toBeLessThan(1e-9);
    }
  });

  it('equals the Amdahl-only inverse (λR − 1 + σ)/σ when κ = 0 (Gunther 2007 §5.4)', () => {
    const params = { sigma: 0.1, kappa: 0, lambda: 4 };
    expect(uslLoadForLatency(params, 2)).toBeCloseTo((4 * 2 - 1 + 0.1) / 0.1, 10);
  });

  it('returns null below the single-request time 1/λ and Infinity with σ = κ = 0', () => {
    expect(uslLoadForLatency(SYNTHETIC, 0.999)).toBeNull();
    expect(uslLoadForLatency(SYNTHETIC, 1)).toBeCloseTo(1, 12);
    expect(uslLoadForLatency({ sigma: 0, kappa: 0, lambda: 2 }, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });
});
