import { linearRegression } from 'simple-statistics';
import { compareWithThreshold } from './compare-with-threshold.ts';
import type { Comparator } from './target-verdict.ts';

/** A straight line fitted to a series, y ≈ intercept + slope·x. */
export interface LinearTrend {
  readonly slope: number;
  readonly intercept: number;
  readonly points: number;
  /** Share of the variance of y the line explains (1 when y is constant and the line hits it). */
  readonly rSquared: number;
}

/**
 * Ordinary least squares line through (x, y) (simple-statistics `linearRegression`: slope =
 * Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², intercept = ȳ − slope·x̄) with its R². Null with fewer than two
 * points or when every x is the same. Cost O(n).
 */
export function fitLinearTrend(xs: readonly number[], ys: readonly number[]): LinearTrend | null {
  if (xs.length !== ys.length) throw new RangeError(`fitLinearTrend: ${xs.length} x values but ${ys.length} y values`);
  if (xs.length < 2 || xs.every((x) => x === xs[0])) return null;
  const { m: slope, b: intercept } = linearRegression(xs.map((x, index) => [x, ys[index] as number]));
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let residual = 0;
  let total = 0;
  xs.forEach((x, index) => {
    const y = ys[index] as number;
    residual += (y - (intercept + slope * x)) ** 2;
    total += (y - meanY) ** 2;
  });
  return { slope, intercept, points: xs.length, rSquared: total === 0 ? 1 : 1 - residual / total };
}

/** Where a trend line goes by a horizon, and where it stops meeting a target. */
export interface TrendProjection {
  /** The line's value at `toX`. */
  readonly projected: number;
  /** True when the line meets `value op threshold` at `fromX` and no longer does at `toX`. */
  readonly crosses: boolean;
  /** The x where the line reaches the threshold (between fromX and toX when it crosses); null when it never does. */
  readonly crossingX: number | null;
}

/**
 * Projects a trend line from `fromX` (the last run) to `toX` (the horizon) against a target
 * `value op threshold`: does the line still meet it at the horizon, and at which x does it
 * reach the threshold. A line that already misses the target at `fromX` does not "cross"
 * (the caller reports it as missed). Cost O(1).
 */
export function projectTrend(
  trend: LinearTrend,
  target: { readonly op: Comparator; readonly threshold: number },
  fromX: number,
  toX: number,
): TrendProjection {
  const at = (x: number): number => trend.intercept + trend.slope * x;
  const projected = at(toX);
  const crossingX = trend.slope === 0 ? null : (target.threshold - trend.intercept) / trend.slope;
  const metNow = compareWithThreshold(at(fromX), target.op, target.threshold);
  const metAtHorizon = compareWithThreshold(projected, target.op, target.threshold);
  return { projected, crosses: metNow && !metAtHorizon, crossingX };
}
