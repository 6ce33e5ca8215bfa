/**
 * Newell's deterministic fluid model of a queue (G. F. Newell, *Applications of Queueing
 * Theory*, 2nd ed., 1982, ch. 2): arrivals and departures as continuous flows, the queue
 * the vertical gap between the cumulative arrival and departure curves. For a sale's
 * opening crowd it gives the waits in closed form: N people arrive, uniformly over a window
 * W (W = 0: all at once), and the shop lets them through at a steady drain rate μ.
 * Any time unit works as long as μ and W use the same one.
 */
import { UsageError } from '../errors.ts';
import { requireInteger, requireNonNegative, requirePositive } from './check-input.ts';

export interface FluidQueue {
  readonly people: number;
  /** μ, people per time unit. */
  readonly drainRate: number;
  /** W, the arrival window; 0 = everyone at once. */
  readonly windowLength: number;
  /** N/W > μ: arrivals outrun the drain and a queue forms (always when W = 0, N > 0). */
  readonly queueForms: boolean;
  /** The last arrival's wait, max(0, N/μ − W). */
  readonly lastWait: number;
  /** Mean wait over everyone, (N/μ − W)/2 when a queue forms, else 0. */
  readonly meanWait: number;
  /** Largest number waiting, N − μW, reached at the end of the window; else 0. */
  readonly peakQueue: number;
  /** When the last person is through, from the window's start: max(W, N/μ). */
  readonly emptiesAt: number;
}

/**
 * Fluid queue for N arrivals spread evenly over [0, W] and drained at rate μ:
 * when N/W > μ the queue grows at N/W − μ until W, peaks at N − μW and empties at N/μ;
 * someone arriving at t waits (N/W − μ)·t/μ, so the last waits N/μ − W and the mean is
 * half that. When N/W ≤ μ nobody waits. W = 0 is the burst: last N/μ, mean N/(2μ).
 * These are the fluid limits: with discrete people the k-th of a burst waits (k−1)/μ
 * (burstWaitOf), one service interval 1/μ less than the fluid last wait.
 * Source: Newell 1982, §2.1–2.2 (cumulative-curve construction). O(1).
 */
export function fluidQueue(people: number, drainRate: number, windowLength = 0): FluidQueue {
  requireNonNegative('people', people);
  requirePositive('drainRate', drainRate);
  requireNonNegative('windowLength', windowLength);
  const drainTime = people / drainRate;
  const queueForms = people > 0 && drainTime > windowLength;
  const lastWait = queueForms ? drainTime - windowLength : 0;
  return {
    people,
    drainRate,
    windowLength,
    queueForms,
    lastWait,
    meanWait: lastWait / 2,
    peakQueue: queueForms ? people - drainRate * windowLength : 0,
    emptiesAt: Math.max(windowLength, drainTime),
  };
}

/**
 * The wait of the k-th person (k = 1 … N) of a crowd that arrives all at once and is let
 * through one every 1/μ: (k − 1)/μ. Source: Newell 1982, §2.1 (discrete form). O(1).
 */
export function burstWaitOf(position: number, drainRate: number): number {
  requireInteger('position', position, 1);
  requirePositive('drainRate', drainRate);
  return (position - 1) / drainRate;
}

/**
 * The drain rate μ that keeps the last wait at or under T for N arrivals over W:
 * N/μ − W ≤ T ⇔ μ ≥ N/(T + W). Source: inverse of fluidQueue's lastWait. O(1).
 */
export function drainRateForMaxWait(people: number, maxWait: number, windowLength = 0): number {
  requireNonNegative('people', people);
  requireNonNegative('maxWait', maxWait);
  requireNonNegative('windowLength', windowLength);
  if (maxWait + windowLength === 0) {
    throw new UsageError(
      'capacity.no-time',
      'maxWait and windowLength are both 0: no finite drain rate serves everyone without waiting',
    );
  }
  return people / (maxWait + windowLength);
}
