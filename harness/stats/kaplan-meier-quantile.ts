import type { KaplanMeierCurve } from './kaplan-meier.ts';

export interface KaplanMeierQuantile {
  /** The fraction p (0.95 for the 95th percentile). */
  readonly p: number;
  /** Q̂(p) = the first event time with Ŝ(t) ≤ 1 − p; null when Ŝ stays above 1 − p ("not reached"). */
  readonly value: number | null;
  /** Interval of Q̂(p); a bound is null when its curve never falls to 1 − p. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly confidence: number;
  /** Ŝ at the last time observed: when value is null, more than this share still waited then. */
  readonly survivalAtLastTime: number;
}

/** Slack for "Ŝ ≤ 1 − p": a product of (1 − d/n) that is exactly 1 − p on paper may land an ulp above it. */
const EPSILON = 1e-12;

/**
 * The p-quantile of a Kaplan–Meier curve and its interval, by inverting the curve and its
 * pointwise interval (Brookmeyer & Crowley, Biometrics 1982;38:29, as R's
 * `quantile.survfit` does): Q̂(p) = min{t_j : Ŝ(t_j) ≤ 1 − p}; the lower bound is the first
 * t_j whose lower pointwise bound is ≤ 1 − p, the upper bound the first whose upper bound is
 * (null while the upper curve stays above 1 − p).
 * No midpoint rule where Ŝ equals 1 − p over a flat stretch (R takes the midpoint there).
 * Without censoring Q̂(p) is the inverse empirical CDF (R type 1): the smallest x with
 * F̂(x) ≥ p. Cost O(steps).
 */
export function kaplanMeierQuantile(curve: KaplanMeierCurve, p: number): KaplanMeierQuantile {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const level = 1 - p + EPSILON;
  let value: number | null = null;
  let lower: number | null = null;
  let upper: number | null = null;
  for (const step of curve.steps) {
    // the lower pointwise curve falls to 1 − p first: it gives the quantile's lower bound
    if (lower === null && step.lower <= level) lower = step.time;
    if (value === null && step.survival <= level) value = step.time;
    if (upper === null && step.upper <= level) {
      upper = step.time;
      break;
    }
  }
  const last = curve.steps.at(-1);
  return { p, value, lower, upper, confidence: curve.confidence, survivalAtLastTime: last ? last.survival : 1 };
}
