import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { EstimateInterval } from './estimate-interval.ts';
import { studentTQuantile } from './student-t-distribution.ts';

export interface MeanInterval extends EstimateInterval {
  readonly standardError: number;
  readonly degreesOfFreedom: number;
}

/**
 * Confidence interval for a mean: x̄ ± t_{(1+c)/2, n−1} · s/√n, Student's t interval (what
 * R's `t.test(x)` reports), with simple-statistics' `of.mean` and `sampleStandardDeviation`.
 * Assumes roughly normal means (CLT; latencies are skewed, so prefer percentiles for
 * targets). Needs n ≥ 2. Cost O(n).
 */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  const n = values.length;
  if (n < 2) throw new RangeError(`a mean interval needs at least 2 values, got ${n}`);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), e.g. 0.95, got ${confidence}`);
  }
  const estimate = mean(values);
  const standardError = sampleStandardDeviation(values) / Math.sqrt(n);
  const t = studentTQuantile(0.5 + confidence / 2, n - 1);
  return {
    estimate,
    lower: estimate - t * standardError,
    upper: estimate + t * standardError,
    confidence,
    standardError,
    degreesOfFreedom: n - 1,
  };
}
