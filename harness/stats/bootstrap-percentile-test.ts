import {
  bootstrapPercentileDifference,
  type BootstrapDifference,
  type BootstrapOptions,
} from './bootstrap-percentile-difference.ts';
import type { Histogram } from './histogram.ts';

export interface BootstrapPercentileTest extends BootstrapDifference {
  /**
   * Two-sided p-value of H0: no difference, the dual of the interval: the smallest α whose
   * (1 − α) percentile-bootstrap interval excludes 0; `minimumPValue` when even the widest
   * interval the replicates resolve excludes 0, 1 when the replicates' median is 0.
   */
  readonly pValue: number;
  /** The smallest p-value these replicates can show: 2 / iterations. */
  readonly minimumPValue: number;
}

/** Bisection steps on α: resolution 2⁻¹² ≈ 2.4e-4, about the 2/iterations the replicates resolve. */
const BISECTION_STEPS = 12;

/**
 * The percentile-bootstrap difference B − A of the p-percentile of two histograms
 * (`bootstrapPercentileDifference`, Efron & Tibshirani 1993 ch. 13) with a p-value from
 * inverting the same interval (Efron & Tibshirani §15.4, "achieved significance level" of the
 * percentile method; Davison & Hinkley 1997 §4.4): the same seed gives the same replicates at
 * every confidence, so the interval widens monotonically as α falls and the boundary α where
 * it stops excluding 0 is found by bisection. So "the 95% interval excludes 0" and
 * "p < 0.05" always agree. Default 4,000 replicates (p resolves down to 5e-4, enough for a
 * Holm correction over ~50 figures at α = 0.05). Cost O(iterations · log buckets) per call,
 * about 15 calls: ~60 ms for 4,000 replicates on one core.
 */
export function bootstrapPercentileTest(
  a: Histogram,
  b: Histogram,
  p: number,
  options: BootstrapOptions = {},
): BootstrapPercentileTest {
  const iterations = options.iterations ?? 4000;
  const seed = options.seed ?? 1;
  const at = (confidence: number): BootstrapDifference =>
    bootstrapPercentileDifference(a, b, p, { iterations, seed, confidence });
  const excludesZero = (interval: BootstrapDifference): boolean => interval.lower > 0 || interval.upper < 0;
  const shown = at(options.confidence ?? 0.95);
  const minimumPValue = Math.min(1, 2 / iterations);
  if (excludesZero(at(1 - minimumPValue))) return { ...shown, pValue: minimumPValue, minimumPValue };
  if (!excludesZero(at(1e-9))) return { ...shown, pValue: 1, minimumPValue };
  // Invariant: the (1 − low) interval includes 0, the (1 − high) interval excludes it.
  let low = minimumPValue;
  let high = 1 - 1e-9;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (excludesZero(at(1 - middle))) high = middle;
    else low = middle;
  }
  return { ...shown, pValue: high, minimumPValue };
}
