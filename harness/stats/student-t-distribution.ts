import { regularizedIncompleteBeta } from './incomplete-beta.ts';
import { normalQuantile } from './normal-distribution.ts';

/**
 * Student's t CDF with `df` degrees of freedom: P(T ≤ t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) for
 * t ≥ 0 (Abramowitz & Stegun 26.7.1 via 26.5.27). simple-statistics has no t distribution.
 * Cost: one incomplete beta, O(√df).
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Student's t quantile: the t with `studentTCdf(t, df) = p`, found by bisection to a
 * relative width of 1e-13 (exact to the CDF's own accuracy, about 1e-14). df = Infinity
 * gives the normal quantile. Cost: about 100 CDF evaluations.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`t quantile needs p in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`t quantile needs degrees of freedom greater than 0, got ${df}`);
  if (df === Infinity) return normalQuantile(p);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
    if (high > 1e300) return Infinity;
  }
  for (let i = 0; i < 200 && high - low > 1e-13 * high; i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
