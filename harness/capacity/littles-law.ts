/**
 * Little's law L = λW (Little, "A proof for the queuing formula L = λW", Operations
 * Research 9(3), 1961): for any stable system, the mean number inside equals the arrival
 * rate times the mean time spent inside. Rate and time must use the same time unit.
 * A waiting room that admits 100 people per minute for 5-minute sessions holds 500.
 */
import { requireNonNegative, requirePositive } from './check-input.ts';

/** L = λW: mean number in the system (concurrent users, requests in flight). O(1). */
export function littlesLawConcurrency(arrivalRate: number, meanTimeInSystem: number): number {
  return requireNonNegative('arrivalRate', arrivalRate) * requireNonNegative('meanTimeInSystem', meanTimeInSystem);
}

/** λ = L/W: the rate that keeps L in the system for W each. O(1). */
export function littlesLawRate(concurrency: number, meanTimeInSystem: number): number {
  return requireNonNegative('concurrency', concurrency) / requirePositive('meanTimeInSystem', meanTimeInSystem);
}

/** W = L/λ: the mean time each spends inside. O(1). */
export function littlesLawTime(concurrency: number, arrivalRate: number): number {
  return requireNonNegative('concurrency', concurrency) / requirePositive('arrivalRate', arrivalRate);
}
