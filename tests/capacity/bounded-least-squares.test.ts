import { describe, expect, it } from 'vitest';
import { boundedLevenbergMarquardt } from '../../harness/capacity/bounded-least-squares.ts';

// y = a·x + b fitted to points on y = 0.5x + 2: the unconstrained least-squares answer is
// a = 0.5, b = 2 exactly (closed form), so any box that excludes it must end on its edge.
const XS = [0, 1, 2, 3, 4, 5];
const line = {
  observed: XS.map((x) => 0.5 * x + 2),
  evaluate: (p: readonly number[]) => ({
    fitted: XS.map((x) => p[0]! * x + p[1]!),
    jacobian: XS.map((x) => [x, 1]),
  }),
};

describe('boundedLevenbergMarquardt', () => {
  it('finds the unconstrained minimum when it lies inside the box (1e-9)', () => {
    const r = boundedLevenbergMarquardt({ ...line, lower: [0, 0], upper: [10, 10] }, [3, 0], 200);
    expect(r.params[0]).toBeCloseTo(0.5, 9);
    expect(r.params[1]).toBeCloseTo(2, 9);
    expect(r.converged).toBe(true);
  });

  it('stops on the bound a ≥ 1 and refits b to the mean residual: b = mean(y − x) = 2 − 0.5·mean(x) = 0.75', () => {
    const r = boundedLevenbergMarquardt({ ...line, lower: [1, -10], upper: [10, 10] }, [3, 0], 200);
    expect(r.params[0]).toBe(1);
    expect(r.params[1]).toBeCloseTo(0.75, 9);
  });

  it('never leaves the box, even from a start outside it', () => {
    const r = boundedLevenbergMarquardt({ ...line, lower: [0, 0], upper: [0.25, 1] }, [-5, 50], 200);
    expect(r.params).toEqual([0.25, 1]);
  });
});
