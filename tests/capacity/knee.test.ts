import { describe, expect, it } from 'vitest';
import { findKnee, guessKneeShape } from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';

// The kneed test cases (arvkevi/kneed tests/test_sample.py; REFERENCES.md). x = 0…9; the
// knee is one of the input x values, so the comparison is exact.
const X = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const CASES = [
  {
    name: 'concave, increasing',
    y: [0, 60, 80, 85, 90, 95, 96, 97, 98, 99],
    curve: 'concave',
    direction: 'increasing',
    knee: 2,
  },
  {
    name: 'concave, decreasing',
    y: [99, 98, 97, 96, 95, 90, 85, 80, 60, 0],
    curve: 'concave',
    direction: 'decreasing',
    knee: 7,
  },
  {
    name: 'convex, increasing',
    y: [1, 2, 3, 4, 5, 10, 15, 20, 40, 100],
    curve: 'convex',
    direction: 'increasing',
    knee: 7,
  },
  {
    name: 'convex, decreasing',
    y: [100, 40, 20, 15, 10, 5, 4, 3, 2, 1],
    curve: 'convex',
    direction: 'decreasing',
    knee: 2,
  },
] as const;

describe('findKnee', () => {
  it.each(CASES)('finds the kneed knee of the $name case at x = $knee', ({ y, curve, direction, knee }) => {
    const found = findKnee(X, y, { curve, direction });
    expect(found?.x).toBe(knee);
    expect(found?.y).toBe(y[knee]);
    expect(found?.index).toBe(knee);
  });

  it.each(CASES)('guesses the shape of the $name case and finds the same knee', ({ y, curve, direction, knee }) => {
    expect(guessKneeShape(X, y)).toEqual({ curve, direction });
    expect(findKnee(X, y)?.x).toBe(knee);
  });

  it('finds x = 0.222 on y = −1/(x+0.1) + 5, x = linspace(0, 1, 10) (kneed test_sample; exact: 2/9)', () => {
    const x = Array.from({ length: 10 }, (_, i) => i / 9);
    const y = x.map((v) => -1 / (v + 0.1) + 5);
    const knee = findKnee(x, y, { curve: 'concave', direction: 'increasing' });
    expect(knee?.x).toBeCloseTo(2 / 9, 12);
    expect(knee?.x.toFixed(3)).toBe('0.222');
  });

  it('finds no knee on a straight line or a constant', () => {
    expect(
      findKnee(
        X,
        X.map((v) => 3 * v + 1),
        { curve: 'concave', direction: 'increasing' },
      ),
    ).toBeNull();
    expect(
      findKnee(
        X,
        X.map(() => 5),
      ),
    ).toBeNull();
  });

  it('gives the same knee whatever the units of x and y (scale invariance)', () => {
    const y = CASES[0].y;
    const knee = findKnee(
      X.map((v) => 1000 * v + 7),
      y.map((v) => v / 50),
    );
    expect(knee?.index).toBe(2);
  });

  it('waits longer with a higher sensitivity S and finds none when S is too high', () => {
    // On the first kneed case the difference curve peaks at x = 2 (80/99 − 2/9 = 0.586) and
    // falls to 0 at x = 9: S = 1 sets the threshold 0.586 − 1/9 = 0.475, crossed at once;
    // S = 7 sets it to 0.586 − 7/9 < 0, below every later value.
    const y = CASES[0].y;
    expect(findKnee(X, y, { curve: 'concave', direction: 'increasing', sensitivity: 1 })?.x).toBe(2);
    expect(findKnee(X, y, { curve: 'concave', direction: 'increasing', sensitivity: 7 })).toBeNull();
  });

  it('rejects unsorted x, unequal lengths and fewer than 3 points', () => {
    expect(() => findKnee([0, 2, 1], [1, 2, 3])).toThrow(
      /x must be strictly increasing: x\[2\] = 1 follows x\[1\] = 2/,
    );
    expect(() => findKnee([0, 1, 2], [1, 2])).toThrow(UsageError);
    expect(() => findKnee([0, 1], [1, 2])).toThrow(/at least 3 points/);
  });
});
