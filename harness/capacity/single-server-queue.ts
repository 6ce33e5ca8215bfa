/**
 * One server with Poisson arrivals: M/M/1 (exponential service) and M/G/1 by the
 * Pollaczek–Khinchine formula, with M/D/1 (constant service) as its special case.
 * Source: Kleinrock, *Queueing Systems* vol. 1 (1975), §3.2 and §5.6.
 */
import { requireNonNegative, requirePositive } from './check-input.ts';

export interface SingleServerQueue {
  /** ρ = λ/μ. */
  readonly utilization: number;
  /** false when ρ ≥ 1: waits and lengths are Infinity. */
  readonly stable: boolean;
  /** Wq: mean time in the queue before service, in the time unit of the rates. */
  readonly meanWait: number;
  /** W = Wq + 1/μ. */
  readonly meanResponseTime: number;
  /** Lq = λ·Wq (Little). */
  readonly meanQueueLength: number;
  /** L = λ·W (Little). */
  readonly meanInSystem: number;
}

function build(arrivalRate: number, serviceRate: number, waitFactor: number): SingleServerQueue {
  const utilization = arrivalRate / serviceRate;
  const stable = utilization < 1;
  const infinity = Number.POSITIVE_INFINITY;
  // Pollaczek–Khinchine: Wq = (1 + Cs²)/2 · ρ / (μ(1 − ρ)).
  const meanWait = stable ? (waitFactor * utilization) / (serviceRate * (1 - utilization)) : infinity;
  const meanResponseTime = meanWait + 1 / serviceRate;
  return {
    utilization,
    stable,
    meanWait,
    meanResponseTime,
    meanQueueLength: stable ? arrivalRate * meanWait : infinity,
    meanInSystem: stable ? arrivalRate * meanResponseTime : infinity,
  };
}

/**
 * M/G/1 by Pollaczek–Khinchine: Wq = (1 + Cs²)/2 · ρ/(μ(1 − ρ)), where Cs² is the squared
 * coefficient of variation of the service time (1 exponential, 0 constant).
 * Source: Kleinrock 1975, eq. 5.73. O(1).
 */
export function mg1Queue(arrivalRate: number, serviceRate: number, serviceTimeCv2: number): SingleServerQueue {
  requireNonNegative('arrivalRate', arrivalRate);
  requirePositive('serviceRate', serviceRate);
  requireNonNegative('serviceTimeCv2', serviceTimeCv2);
  return build(arrivalRate, serviceRate, (1 + serviceTimeCv2) / 2);
}

/** M/M/1: Wq = ρ/(μ − λ), W = 1/(μ − λ), L = ρ/(1 − ρ). Source: Kleinrock 1975, §3.2. O(1). */
export function mm1Queue(arrivalRate: number, serviceRate: number): SingleServerQueue {
  return mg1Queue(arrivalRate, serviceRate, 1);
}

/**
 * M/D/1 (constant service time): Wq = ρ/(2μ(1 − ρ)), half the M/M/1 wait
 * (Pollaczek–Khinchine with Cs² = 0). Source: Kleinrock 1975, §5.6. O(1).
 */
export function md1Queue(arrivalRate: number, serviceRate: number): SingleServerQueue {
  return mg1Queue(arrivalRate, serviceRate, 0);
}
