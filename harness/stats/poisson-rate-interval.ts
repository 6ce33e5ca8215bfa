import type { EstimateInterval } from './estimate-interval.ts';
import { twoSidedZ } from './normal-distribution.ts';

/**
 * Confidence interval for an event rate (events per unit of `exposure`, e.g. requests per
 * second over a window): the Poisson score interval, the roots in λ of (x − λt)² = z²·λt,
 * i.e. (x + z²/2 ± z·√(x + z²/4)) / t (Barker 2002, "A comparison of nine confidence
 * intervals for a Poisson parameter", the score method). At x = 0 it gives [0, z²/t].
 * Cost O(1).
 */
export function poissonRateInterval(events: number, exposure: number, confidence = 0.95): EstimateInterval {
  if (!(events >= 0 && events < Infinity)) {
    throw new RangeError(`events must be a non-negative count, got ${events}`);
  }
  if (!(exposure > 0 && exposure < Infinity)) {
    throw new RangeError(`exposure (e.g. seconds) must be positive, got ${exposure}`);
  }
  const z = twoSidedZ(confidence);
  const z2 = z * z;
  const centre = events + z2 / 2;
  const half = z * Math.sqrt(events + z2 / 4);
  return {
    estimate: events / exposure,
    lower: Math.max(0, centre - half) / exposure,
    upper: (centre + half) / exposure,
    confidence,
  };
}
