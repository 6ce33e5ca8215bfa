import type { EstimateInterval } from './estimate-interval.ts';
import { normalTwoSidedP, twoSidedZ } from './normal-distribution.ts';

export interface PoissonRateComparison extends EstimateInterval {
  /** estimate = rateB − rateA (events per unit of exposure), positive when B is higher. */
  readonly rateA: number;
  readonly rateB: number;
  /** Score statistic; see below. */
  readonly z: number;
  /** Two-sided p-value of H0: the two rates are equal. */
  readonly pValue: number;
}

/**
 * Compares two Poisson rates, e.g. requests per second of two runs: xA events over exposure
 * tA against xB over tB. The test is the normal approximation of the conditional test
 * (Przyborowski & Wileński 1940; the exact form is R's `poisson.test(c(xB, xA), c(tB, tA))`):
 * given n = xA + xB, xB ~ Binomial(n, tB/(tA + tB)) under H0, so
 * z = (xB·tA − xA·tB) / √(n·tA·tB), which equals the pooled-rate z
 * (rB − rA)/√(λ̂(1/tA + 1/tB)) with λ̂ = n/(tA + tB) (Gu, Ng, Tang & Schucany 2008,
 * "Testing the ratio of two Poisson rates", statistic W1). The interval for rB − rA is Wald's:
 * ± z_(1−α/2)·√(xA/tA² + xB/tB²). Both are good for the thousands of requests of a run;
 * with no events in either run there is no evidence of a difference (z 0, p 1). Cost O(1).
 */
export function comparePoissonRates(
  xA: number,
  tA: number,
  xB: number,
  tB: number,
  confidence = 0.95,
): PoissonRateComparison {
  check(xA, tA, 'first');
  check(xB, tB, 'second');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const rateA = xA / tA;
  const rateB = xB / tB;
  const estimate = rateB - rateA;
  const n = xA + xB;
  const z = n === 0 ? 0 : (xB * tA - xA * tB) / Math.sqrt(n * tA * tB);
  const half = twoSidedZ(confidence) * Math.sqrt(xA / (tA * tA) + xB / (tB * tB));
  return {
    estimate,
    lower: estimate - half,
    upper: estimate + half,
    confidence,
    rateA,
    rateB,
    z,
    pValue: n === 0 ? 1 : normalTwoSidedP(z),
  };
}

function check(events: number, exposure: number, which: string): void {
  if (!(events >= 0 && events < Infinity))
    throw new RangeError(`${which} event count must be non-negative, got ${events}`);
  if (!(exposure > 0 && exposure < Infinity))
    throw new RangeError(`${which} exposure (e.g. seconds) must be positive, got ${exposure}`);
}
