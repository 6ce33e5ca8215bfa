/**
 * The Universal Scalability Law (Gunther, *Guerrilla Capacity Planning*, Springer 2007,
 * ch. 4–6) and what follows from it: throughput, the peak, latency and its inverse.
 *
 *   X(N) = λN / (1 + σ(N−1) + κN(N−1))
 *
 * λ: throughput of one (requests per unit time at N = 1), σ: contention (serial share),
 * κ: coherency (crosstalk) cost. N is the load: requests in flight, virtual users, workers.
 */
import { requireNonNegative, requirePositive } from './check-input.ts';

export interface UslParams {
  /** σ, contention, in [0, 1]. */
  readonly sigma: number;
  /** κ, coherency, in [0, 1]. */
  readonly kappa: number;
  /** λ, throughput at load 1, ≥ 0. */
  readonly lambda: number;
}

function checkParams(params: UslParams): void {
  requireNonNegative('sigma', params.sigma);
  requireNonNegative('kappa', params.kappa);
  requireNonNegative('lambda', params.lambda);
}

/**
 * USL denominator 1 + σ(N−1) + κN(N−1): how many times slower each request runs at load N
 * than alone. Internal helper for the fit, exported for it only. O(1).
 */
export function uslSlowdown(params: UslParams, load: number): number {
  return 1 + params.sigma * (load - 1) + params.kappa * load * (load - 1);
}

/**
 * Throughput X(N) = λN / (1 + σ(N−1) + κN(N−1)) at load N ≥ 0.
 * Source: Gunther 2007, eq. 4.31. O(1).
 */
export function uslThroughput(params: UslParams, load: number): number {
  checkParams(params);
  requireNonNegative('load', load);
  return (params.lambda * load) / uslSlowdown(params, load);
}

/**
 * Load at which throughput peaks, N* = √((1−σ)/κ) (dX/dN = 0).
 * Infinity when κ = 0: no peak, throughput only approaches the Amdahl ceiling λ/σ
 * ("contention only"). Source: Gunther 2007, eq. 6.3. O(1).
 */
export function uslPeakLoad(params: UslParams): number {
  checkParams(params);
  if (params.kappa === 0) return Number.POSITIVE_INFINITY;
  return Math.sqrt(Math.max(0, 1 - params.sigma) / params.kappa);
}

/**
 * Highest throughput the law allows: X(N*) when κ > 0; when κ = 0 the supremum λ/σ that
 * X approaches as N → ∞ (Infinity when σ = κ = 0, linear scaling). O(1).
 */
export function uslPeakThroughput(params: UslParams): number {
  const peak = uslPeakLoad(params);
  if (Number.isFinite(peak)) return uslThroughput(params, peak);
  return uslAmdahlCeiling(params);
}

/**
 * Amdahl ceiling λ/σ: the throughput bound from contention alone (κ ignored);
 * Infinity when σ = 0. Source: Gunther 2007, §4.3. O(1).
 */
export function uslAmdahlCeiling(params: UslParams): number {
  checkParams(params);
  return params.sigma === 0 ? Number.POSITIVE_INFINITY : params.lambda / params.sigma;
}

/**
 * Gunther's N_opt = 1/σ: the load where linear scaling λN meets the Amdahl ceiling λ/σ;
 * beyond it adding load buys little. Infinity when σ = 0. Source: Gunther 2007, §4.3. O(1).
 */
export function uslOptimalLoad(params: UslParams): number {
  checkParams(params);
  return params.sigma === 0 ? Number.POSITIVE_INFINITY : 1 / params.sigma;
}

/**
 * Response time R(N) = N / X(N) = (1 + σ(N−1) + κN(N−1)) / λ, by Little's law with no
 * think time (closed system, every load unit always has a request in flight).
 * In the time unit of 1/λ. Source: Gunther 2007, §5.4. O(1).
 */
export function uslLatency(params: UslParams, load: number): number {
  checkParams(params);
  requirePositive('lambda', params.lambda);
  requireNonNegative('load', load);
  return uslSlowdown(params, load) / params.lambda;
}

/**
 * The load N at which the response time reaches `latency` R: the inverse of uslLatency.
 *
 * λR = 1 + σ(N−1) + κN(N−1)  ⇔  κN² + (σ−κ)N − (λR − 1 + σ) = 0.
 * With b = σ−κ and d = λR − 1 + σ the non-negative root is
 *   N = (−b + √(b² + 4κd)) / (2κ)   (κ > 0), written as 2d / (b + √(b² + 4κd)) when b ≥ 0
 *   to avoid cancellation when κ is tiny; with κ = 0 it is d/σ (the Amdahl inverse).
 * R(N) increases for N ≥ 1, so the root is the largest load meeting R.
 * Returns null when R < 1/λ (even a single request takes longer than R) and Infinity when
 * σ = κ = 0 (latency never grows). Source: derived from Gunther 2007, §5.4. O(1).
 */
export function uslLoadForLatency(params: UslParams, latency: number): number | null {
  checkParams(params);
  requirePositive('lambda', params.lambda);
  requireNonNegative('latency', latency);
  const { sigma, kappa, lambda } = params;
  if (latency * lambda < 1) return null;
  const d = lambda * latency - 1 + sigma;
  const b = sigma - kappa;
  if (kappa === 0) return sigma === 0 ? Number.POSITIVE_INFINITY : d / sigma;
  const root = Math.sqrt(b * b + 4 * kappa * d);
  return b >= 0 ? (2 * d) / (b + root) : (root - b) / (2 * kappa);
}
