import { describe, expect, it } from 'vitest';
import { countOrderInversions, type OrderSample } from '../../harness/stats/order-inversions.ts';
import { createMulberry32 } from '../../harness/stats/index.ts';

/** The definition, pair by pair: O(n²), for checking the O(n log n) sweep. */
function bruteForce(samples: readonly OrderSample[], tolerance: number) {
  let inverted = 0;
  let comparable = 0;
  const overtaken = samples.map(() => 0);
  samples.forEach((a, i) =>
    samples.forEach((b, j) => {
      if (a.joinedAtMs < b.joinedAtMs - tolerance) {
        comparable += 1;
        if (a.admittedAtMs > b.admittedAtMs + tolerance) {
          inverted += 1;
          overtaken[i]! += 1;
        }
      }
      void j;
    }),
  );
  return {
    inverted,
    comparable,
    peopleOvertaken: overtaken.filter((c) => c > 0).length,
    max: Math.max(0, ...overtaken),
  };
}

describe('countOrderInversions', () => {
  it('finds none when admission follows arrival', () => {
    const samples = Array.from({ length: 50 }, (_, i) => ({ joinedAtMs: i * 100, admittedAtMs: 10_000 + i * 50 }));
    expect(countOrderInversions(samples, 0)).toEqual({
      people: 50,
      invertedPairs: 0,
      invertedShare: 0,
      peopleOvertaken: 0,
      maxOvertakenBy: 0,
    });
  });

  it('counts every pair of a fully reversed order: n(n−1)/2 = 45 for 10 people', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ joinedAtMs: i, admittedAtMs: 100 - i }));
    const result = countOrderInversions(samples, 0);
    expect(result.invertedPairs).toBe(45);
    expect(result.invertedShare).toBe(1);
    expect(result.maxOvertakenBy).toBe(9);
    expect(result.peopleOvertaken).toBe(9);
  });

  it('ignores reversals inside the tolerance (what polling hides)', () => {
    const samples = [
      { joinedAtMs: 0, admittedAtMs: 1_500 },
      { joinedAtMs: 100, admittedAtMs: 1_000 },
    ];
    expect(countOrderInversions(samples, 0).invertedPairs).toBe(1);
    expect(countOrderInversions(samples, 1_000).invertedPairs).toBe(0);
  });

  it('equals the pair-by-pair definition on 400 random people with ties (seeded)', () => {
    const random = createMulberry32(7);
    const samples = Array.from({ length: 400 }, () => {
      const joined = Math.floor(random() * 200) * 10;
      return { joinedAtMs: joined, admittedAtMs: joined + Math.floor(random() * 100) * 20 };
    });
    for (const tolerance of [0, 15, 300]) {
      const expected = bruteForce(samples, tolerance);
      const result = countOrderInversions(samples, tolerance);
      expect(result.invertedPairs).toBe(expected.inverted);
      expect(result.invertedShare).toBeCloseTo(expected.inverted / expected.comparable, 12);
      expect(result.peopleOvertaken).toBe(expected.peopleOvertaken);
      expect(result.maxOvertakenBy).toBe(expected.max);
    }
  });
});
