/**
 * How many k6 VUs a run needs: one VU per person in the system. By Little's law the crowd
 * in the system is L = λ·W (arrival rate × time in system); with a time-varying arrival
 * curve we take, for every instant t, the people who arrived but have not left yet:
 * L(t) = A(t) − A(t − W), where A is the cumulative arrival curve and early arrivals stay
 * until the opening plus W. W is bounded by patience (a person in the queue gives up) and by
 * the sale's close. Cost: O(grid · phases).
 */
import { arrivedBy, patienceMeanMs, type RunPlan } from '../scenario/index.ts';

/** k6 documents about 1–5 MB per VU; a few thousand fit this machine with room for the shop. */
export const DEFAULT_MAX_VUS = 3000;
const GRID_POINTS = 600;

export interface VuSizing {
  /** VUs k6 starts before the test: the crowd at mean patience. */
  readonly preAllocatedVUs: number;
  /** Upper bound: the crowd at the 99th percentile of patience, capped by the machine. */
  readonly maxVUs: number;
  /** Highest arrival rate of the curve, people per second. */
  readonly peakRatePerSecond: number;
  /** W used for preAllocatedVUs and for maxVUs, ms. */
  readonly expectedTimeInSystemMs: number;
  readonly longTimeInSystemMs: number;
  /** True when the machine cap cut maxVUs below the crowd the plan needs. */
  readonly capped: boolean;
}

/** Most people in the system at once if each stays `timeInSystemMs` after max(arrival, opening). */
export function peakConcurrency(plan: Pick<RunPlan, 'arrivals' | 'opensAtMs' | 'arrivalEndMs'>, timeInSystemMs: number): number {
  const horizon = plan.arrivalEndMs + timeInSystemMs;
  let peak = 0;
  for (let i = 0; i <= GRID_POINTS; i++) {
    const t = (horizon * i) / GRID_POINTS;
    const left = t - timeInSystemMs >= plan.opensAtMs ? arrivedBy(plan.arrivals, t - timeInSystemMs) : 0;
    peak = Math.max(peak, arrivedBy(plan.arrivals, t) - left);
  }
  return peak;
}

/** Sizes the VU pool for a plan; `cap` bounds maxVUs (default DEFAULT_MAX_VUS). */
export function sizeVus(plan: RunPlan, cap: number = DEFAULT_MAX_VUS): VuSizing {
  const shoppingMs = 3 * plan.behaviour.thinkMs + 1000;
  const openMs = Math.max(plan.saleClosesAtMs - plan.opensAtMs, 0);
  const expected = Math.min(patienceMeanMs(plan.patience), openMs) + shoppingMs;
  const long = Math.min(plan.patienceP99Ms, openMs) + shoppingMs;
  const needed = Math.min(plan.people, Math.ceil(peakConcurrency(plan, long) * 1.1 - 1e-9));
  const maxVUs = Math.max(1, Math.min(cap, needed));
  const preAllocatedVUs = Math.max(1, Math.min(maxVUs, Math.ceil(peakConcurrency(plan, expected) - 1e-9)));
  return {
    preAllocatedVUs,
    maxVUs,
    peakRatePerSecond: Math.max(0, ...plan.arrivals.map((phase) => phase.ratePerSecond)),
    expectedTimeInSystemMs: expected,
    longTimeInSystemMs: long,
    capped: needed > cap,
  };
}
