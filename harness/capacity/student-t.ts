/**
 * Student's t distribution: CDF and quantile, for the confidence intervals of the USL fit.
 * Kept in capacity because simple-statistics has no t quantile and harness/stats is a
 * separate stage; it may move there later.
 */
import { requireOpenUnit, requirePositive } from './check-input.ts';
import { regularizedIncompleteBeta } from './incomplete-beta.ts';

/**
 * P(T ≤ t) for Student's t with ν degrees of freedom (ν > 0, may be fractional):
 * for t ≥ 0, 1 − ½·I_{ν/(ν+t²)}(ν/2, ½); symmetric for t < 0.
 * Source: Abramowitz & Stegun 26.7.1 / Numerical Recipes 3rd ed. §6.14. O(≤300).
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  requirePositive('degreesOfFreedom', degreesOfFreedom);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const nu = degreesOfFreedom;
  const tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with ν degrees of freedom (0 < p < 1): the t with
 * P(T ≤ t) = p. Closed forms for ν = 1 (Cauchy: tan(π(p−½))) and ν = 2
 * ((2p−1)/√(2p(1−p))); otherwise the upper-tail probability is inverted by bisection on
 * the monotone CDF after bracketing, to a relative precision of about 1e-13.
 * Source: CDF as studentTCdf; closed forms in Johnson, Kotz & Balakrishnan, *Continuous
 * Univariate Distributions* vol. 2, ch. 28. O(100 CDF evaluations).
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  requireOpenUnit('p', p);
  requirePositive('degreesOfFreedom', degreesOfFreedom);
  const nu = degreesOfFreedom;
  if (nu === 1) return Math.tan(Math.PI * (p - 0.5));
  if (nu === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  if (p === 0.5) return 0;
  // Work in the upper half: q = upper-tail probability, find t > 0 with P(T > t) = q.
  const q = p > 0.5 ? 1 - p : p;
  const upperTail = (t: number): number => 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  let lo = 0;
  let hi = 1;
  while (upperTail(hi) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) break;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (upperTail(mid) > q) lo = mid;
    else hi = mid;
  }
  const t = 0.5 * (lo + hi);
  return p > 0.5 ? t : -t;
}
