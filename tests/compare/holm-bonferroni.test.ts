import { describe, expect, it } from 'vitest';
import { holmAdjust, holmReject } from '../../harness/stats/index.ts';

describe('holmAdjust (Holm 1979; R p.adjust(p, "holm"))', () => {
  it('textbook example p = (0.01, 0.04, 0.03, 0.005) at α = 0.05 rejects only 0.005 and 0.01', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 against α/4 = 0.0125, α/3 = 0.0167, α/2 = 0.025: the third fails, so stop.
    expect(holmReject([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([true, false, false, true]);
  });

  it('gives R’s adjusted values for the same example: (0.03, 0.06, 0.06, 0.02) (closed form, ±1e-12)', () => {
    // 4·0.005 = 0.02; 3·0.01 = 0.03; 2·0.03 = 0.06; 1·0.04 = 0.04 → raised to the running max 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, index) => expect(adjusted[index]).toBeCloseTo(expected, 12));
  });

  it('caps at 1, keeps ties in input order and leaves the input untouched', () => {
    const input = [0.5, 0.5, 0.9];
    expect(holmAdjust(input)).toEqual([1, 1, 1]);
    expect(input).toEqual([0.5, 0.5, 0.9]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('is never less strict than no correction nor stricter than Bonferroni', () => {
    const p = [0.001, 0.02, 0.011, 0.3, 0.04];
    const adjusted = holmAdjust(p);
    p.forEach((value, index) => {
      expect(adjusted[index]!).toBeGreaterThanOrEqual(value);
      expect(adjusted[index]!).toBeLessThanOrEqual(Math.min(1, value * p.length));
    });
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => holmAdjust([0.2, 1.5])).toThrow(RangeError);
  });
});
