import { describe, expect, it } from 'vitest';
import { histogramCountAtLeast, histogramFromValues } from '../../harness/stats/index.ts';

describe('histogramCountAtLeast', () => {
  const values = Array.from({ length: 1000 }, (_, i) => i + 1); // 1 … 1000
  const h = histogramFromValues(values);

  it('is exact at the ends: everything at or below min, nothing above max', () => {
    expect(histogramCountAtLeast(h, 0.5)).toBe(1000);
    expect(histogramCountAtLeast(h, 1)).toBe(1000);
    expect(histogramCountAtLeast(h, 1000.5)).toBe(0);
  });

  it('counts values ≥ 500 within one bucket (γ = 1.02: at most 2% of 500 = 10 values too many)', () => {
    const counted = histogramCountAtLeast(h, 500);
    expect(counted).toBeGreaterThanOrEqual(501);
    expect(counted).toBeLessThanOrEqual(511);
  });

  it('is 0 for an empty histogram', () => {
    expect(histogramCountAtLeast(histogramFromValues([]), 10)).toBe(0);
  });
});
