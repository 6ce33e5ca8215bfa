import type { EstimateInterval } from './estimate-interval.ts';
import { twoSidedZ } from './normal-distribution.ts';

/**
 * Confidence interval for a proportion (error rate, success rate): Wilson score interval
 * without continuity correction (Wilson 1927; Newcombe 1998, method 3), the interval R's
 * `prop.test(x, n, correct = FALSE)` reports. Stays inside [0, 1] and is sensible at 0 or n
 * successes, unlike the Wald interval. Cost O(1).
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): EstimateInterval {
  if (!(Number.isInteger(trials) && trials > 0)) {
    throw new RangeError(`trials must be a positive integer, got ${trials}`);
  }
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= trials)) {
    throw new RangeError(`successes must be an integer in [0, ${trials}], got ${successes}`);
  }
  const z = twoSidedZ(confidence);
  const z2 = z * z;
  const estimate = successes / trials;
  const centre = (successes + z2 / 2) / (trials + z2);
  const half = (z * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4)) / (trials + z2);
  return {
    estimate,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === trials ? 1 : Math.min(1, centre + half),
    confidence,
  };
}
