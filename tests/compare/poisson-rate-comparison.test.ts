import { describe, expect, it } from 'vitest';
import { comparePoissonRates } from '../../harness/stats/index.ts';

describe('comparePoissonRates (conditional test, normal approximation; Wald interval of rB − rA)', () => {
  it('100 events in 10 s vs 150 in 10 s → z = 3.16228, p = 0.001565 (closed form, ±1e-5)', () => {
    // z = (xB·tA − xA·tB)/√(n·tA·tB) = (1500 − 1000)/√(250·100) = 500/158.114 = 3.16228; p = erfc(z/√2).
    const result = comparePoissonRates(100, 10, 150, 10);
    expect(result.estimate).toBeCloseTo(5, 12);
    expect(result.z).toBeCloseTo(3.16228, 4);
    expect(Math.abs(result.pValue - 0.001565)).toBeLessThan(1e-5);
    // Wald: 5 ± 1.959964·√(100/100 + 150/100) = 5 ± 3.09898.
    expect(result.lower).toBeCloseTo(5 - 3.09898, 4);
    expect(result.upper).toBeCloseTo(5 + 3.09898, 4);
  });

  it('equals the pooled-rate z of Gu et al. (2008) with unequal exposures', () => {
    const [xA, tA, xB, tB] = [40, 8, 90, 12];
    const pooled = (xA + xB) / (tA + tB);
    const zPooled = (xB / tB - xA / tA) / Math.sqrt(pooled * (1 / tA + 1 / tB));
    expect(comparePoissonRates(xA, tA, xB, tB).z).toBeCloseTo(zPooled, 12);
  });

  it('the same rate gives z 0, p 1; no events in either gives p 1', () => {
    expect(comparePoissonRates(200, 10, 400, 20).pValue).toBeCloseTo(1, 6);
    expect(comparePoissonRates(0, 10, 0, 10)).toMatchObject({ z: 0, pValue: 1, estimate: 0 });
  });

  it('rejects a zero exposure or a negative count', () => {
    expect(() => comparePoissonRates(1, 0, 1, 1)).toThrow(RangeError);
    expect(() => comparePoissonRates(-1, 1, 1, 1)).toThrow(RangeError);
  });
});
