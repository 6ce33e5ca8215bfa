import type { EstimateInterval } from './estimate-interval.ts';
import { normalTwoSidedP, twoSidedZ } from './normal-distribution.ts';

export interface TwoProportionTest extends EstimateInterval {
  /** estimate = p1 − p2 (first minus second). */
  readonly proportion1: number;
  readonly proportion2: number;
  /** Pooled z statistic; its square is R's X-squared. */
  readonly z: number;
  /** Two-sided p-value of H0: p1 = p2. */
  readonly pValue: number;
}

/**
 * Compares two proportions (e.g. error rates of a baseline and a candidate run), as R's
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`: the p-value from the pooled z test
 * (z² is Pearson's χ² on the 2×2 table) and the unpooled Wald interval for p1 − p2,
 * clipped to [−1, 1] (Newcombe 1998, "Interval estimation for the difference between
 * independent proportions", method 1). When both proportions are 0 or both 1 there is no
 * evidence of a difference: z = 0, p = 1. Cost O(1).
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): TwoProportionTest {
  checkCounts(x1, n1, 'first');
  checkCounts(x2, n2, 'second');
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const pooled = (x1 + x2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = pooledSe === 0 ? 0 : difference / pooledSe;
  const half = twoSidedZ(confidence) * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return {
    estimate: difference,
    lower: Math.max(-1, difference - half),
    upper: Math.min(1, difference + half),
    confidence,
    proportion1: p1,
    proportion2: p2,
    z,
    pValue: pooledSe === 0 ? 1 : normalTwoSidedP(z),
  };
}

function checkCounts(x: number, n: number, which: string): void {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`${which} trials must be a positive integer, got ${n}`);
  if (!(Number.isInteger(x) && x >= 0 && x <= n)) {
    throw new RangeError(`${which} successes must be an integer in [0, ${n}], got ${x}`);
  }
}
