/**
 * Erlang's formulas for c identical servers (agents, workers) with Poisson arrivals at rate
 * λ and exponential service at rate μ each; offered load A = λ/μ in erlangs.
 * Erlang B: the share of arrivals turned away when there is no queue (M/M/c/c);
 * Erlang C: the share that must wait when all wait (M/M/c), and how long.
 * Source: Kleinrock, *Queueing Systems* vol. 1 (1975), §3.5–3.6; Gunther, *Analyzing
 * Computer System Performance with Perl::PDQ* (2011), ch. 2 (erlang.pl).
 */
import { requireInteger, requireNonNegative, requirePositive } from './check-input.ts';

/**
 * Erlang B blocking probability B(c, A) by the recursion B₀ = 1,
 * B_k = A·B_{k−1} / (k + A·B_{k−1}), which never forms A^c or c! and so cannot overflow.
 * Source: Jagerman, Bell Syst. Tech. J. 53 (1974). O(c).
 */
export function erlangB(servers: number, offeredLoad: number): number {
  requireInteger('servers', servers, 0);
  requireNonNegative('offeredLoad', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C probability of waiting C(c, A) = c·B / (c − A(1 − B)) with B = erlangB(c, A);
 * 1 when A ≥ c (the queue grows without bound: everyone waits).
 * Source: Kleinrock 1975, eq. 3.40, in terms of Erlang B. O(c).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  requireInteger('servers', servers, 1);
  requireNonNegative('offeredLoad', offeredLoad);
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MmcQueue {
  readonly servers: number;
  /** A = λ/μ, erlangs. */
  readonly offeredLoad: number;
  /** ρ = λ/(cμ). */
  readonly utilization: number;
  /** false when ρ ≥ 1: then waits and lengths are Infinity and everyone waits. */
  readonly stable: boolean;
  /** Erlang C: P(wait > 0). */
  readonly probabilityOfWait: number;
  /** Wq = C/(cμ − λ), in the time unit of the rates. */
  readonly meanWait: number;
  /** W = Wq + 1/μ. */
  readonly meanResponseTime: number;
  /** Lq = λ·Wq. */
  readonly meanQueueLength: number;
  /** L = λ·W. */
  readonly meanInSystem: number;
}

/**
 * The M/M/c queue: Erlang C probability of waiting, mean wait Wq = C/(cμ − λ), mean
 * response W = Wq + 1/μ, and the mean numbers by Little's law. Rates in one time unit.
 * Source: Kleinrock 1975, §3.5. O(c).
 */
export function mmcQueue(servers: number, arrivalRate: number, serviceRate: number): MmcQueue {
  requireInteger('servers', servers, 1);
  requireNonNegative('arrivalRate', arrivalRate);
  requirePositive('serviceRate', serviceRate);
  const offeredLoad = arrivalRate / serviceRate;
  const utilization = offeredLoad / servers;
  const stable = utilization < 1;
  const probabilityOfWait = erlangC(servers, offeredLoad);
  const meanWait = stable ? probabilityOfWait / (servers * serviceRate - arrivalRate) : Number.POSITIVE_INFINITY;
  const meanResponseTime = meanWait + 1 / serviceRate;
  return {
    servers,
    offeredLoad,
    utilization,
    stable,
    probabilityOfWait,
    meanWait,
    meanResponseTime,
    meanQueueLength: stable ? arrivalRate * meanWait : Number.POSITIVE_INFINITY,
    meanInSystem: stable ? arrivalRate * meanResponseTime : Number.POSITIVE_INFINITY,
  };
}

/**
 * P(wait > t) in M/M/c = C·e^{−(cμ − λ)t} for t ≥ 0 (1 when unstable); the service level
 * of a call centre is 1 minus this at the target answer time.
 * Source: Kleinrock 1975, eq. 3.41 (waiting-time distribution). O(c).
 */
export function mmcProbabilityWaitExceeds(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  waitTime: number,
): number {
  requireNonNegative('waitTime', waitTime);
  const queue = mmcQueue(servers, arrivalRate, serviceRate);
  if (!queue.stable) return 1;
  return queue.probabilityOfWait * Math.exp(-(servers * serviceRate - arrivalRate) * waitTime);
}
