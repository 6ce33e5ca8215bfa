/**
 * Splitting a sale into R equal rounds (Newell's fluid model, flash-crowd.ts): each round
 * admits N/R people over its own window W_r and is spaced so that it drains before the next
 * one opens, so every round is the same fluid queue with N/R people.
 */
import { UsageError } from '../errors.ts';
import { requireInteger, requireNonNegative, requirePositive } from './check-input.ts';
import { fluidQueue } from './flash-crowd.ts';

export interface RoundsPlan {
  readonly rounds: number;
  readonly peoplePerRound: number;
  /** Last wait in each round: max(0, N/(Rμ) − W_r). */
  readonly maxWaitPerRound: number;
  /** Mean wait in each round (and overall): half the max when a queue forms. */
  readonly meanWaitPerRound: number;
  /** Largest queue in a round, max(0, N/R − μW_r). */
  readonly peakQueuePerRound: number;
  /** From a round's opening until its last person is through: max(W_r, N/(Rμ)). */
  readonly roundDuration: number;
}

/**
 * Waits when N people are split into R equal rounds over windows W_r, drained at μ:
 * the fluid queue of N/R people per round. Source: Newell 1982, §2.2 applied per round. O(1).
 */
export function planRounds(people: number, drainRate: number, rounds: number, roundWindow = 0): RoundsPlan {
  requireInteger('rounds', rounds, 1);
  const perRound = fluidQueue(requireNonNegative('people', people) / rounds, drainRate, roundWindow);
  return {
    rounds,
    peoplePerRound: perRound.people,
    maxWaitPerRound: perRound.lastWait,
    meanWaitPerRound: perRound.meanWait,
    peakQueuePerRound: perRound.peakQueue,
    roundDuration: perRound.emptiesAt,
  };
}

/**
 * The fewest equal rounds that keep every wait at or under T:
 * N/(Rμ) − W_r ≤ T ⇔ R ≥ N/(μ(T + W_r)), so R = ⌈N/(μ(T + W_r))⌉ (at least 1).
 * The ceiling is checked against the wait itself (slack 1e-12·(T + W_r)), so a quotient
 * like 2.0000000000000004 from rounding does not cost a round (rounding costs at most one, so
 * at most two are given back: a quotient that overflows to Infinity stays Infinity).
 * Source: REFERENCES.md, "Flash crowds and rounds"; Newell 1982 §2.2. O(1).
 */
export function roundsForMaxWait(people: number, drainRate: number, maxWait: number, roundWindow = 0): number {
  requireNonNegative('people', people);
  requirePositive('drainRate', drainRate);
  requireNonNegative('maxWait', maxWait);
  requireNonNegative('roundWindow', roundWindow);
  if (maxWait + roundWindow === 0) {
    throw new UsageError(
      'capacity.no-time',
      'maxWait and roundWindow are both 0: no number of rounds avoids waiting when everyone arrives at once',
      ['give a maximum wait greater than 0, or a window over which each round arrives'],
    );
  }
  const exact = people / (drainRate * (maxWait + roundWindow));
  let rounds = Math.max(1, Math.ceil(exact));
  const slack = 1e-12 * (maxWait + roundWindow);
  const meets = (r: number): boolean => people / (r * drainRate) - roundWindow <= maxWait + slack;
  for (let back = 0; back < 2 && rounds > 1 && meets(rounds - 1); back++) rounds--;
  return rounds;
}
