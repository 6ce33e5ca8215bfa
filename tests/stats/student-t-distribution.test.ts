import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../harness/stats/incomplete-beta.ts';
import { studentTCdf, studentTQuantile } from '../../harness/stats/student-t-distribution.ts';

// Reference values: R qt/pt/pbeta (printed to 7 significant digits); tolerance 1e-6.
describe("Student's t distribution", () => {
  it('studentTQuantile matches R qt: qt(.975, 9) 2.262157, qt(.975, 1) 12.70620, qt(.975, 30) 2.042272, qt(.995, 4) 4.604095', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(studentTQuantile(0.995, 4)).toBeCloseTo(4.604095, 6);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157, 6);
  });

  it('studentTCdf matches R pt(2, 5) = 0.9490303 and is ½ at 0', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490303, 7);
    expect(studentTCdf(-2, 5)).toBeCloseTo(1 - 0.9490303, 7);
    expect(studentTCdf(0, 3)).toBe(0.5);
  });

  it('approaches the normal quantile for large df (qt(.975, 1e6) ≈ 1.959966)', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('regularizedIncompleteBeta matches closed forms: I_x(1,1) = x, I_x(2,1) = x², R pbeta(0.3, 2, 5) = 0.579825', () => {
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 12);
    expect(regularizedIncompleteBeta(0.6, 2, 1)).toBeCloseTo(0.36, 12);
    expect(regularizedIncompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
    expect(regularizedIncompleteBeta(0.9, 2, 5)).toBeCloseTo(1 - 0.000055, 6);
  });

  it('rejects invalid arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(1.2, 1, 1)).toThrow(RangeError);
  });
});
