/**
 * The arrival curve in run time: early arrivals spread over the window before opening, a
 * burst at opening, the rest spread over the tail. Each phase has a constant rate; people
 * per phase are rounded so that the phases add up to exactly the planned people.
 */
import type { Scenario } from './scenario-schema.ts';
import { saleMinutesToRunMs } from './time-scale.ts';

export type ArrivalPhaseName = 'early' | 'burst' | 'tail';

export interface ArrivalPhase {
  readonly phase: ArrivalPhaseName;
  /** People arriving in this phase (run scale). */
  readonly people: number;
  /** Run time from the start of the run, ms. */
  readonly startMs: number;
  readonly durationMs: number;
  /** people / duration, per second of run time. */
  readonly ratePerSecond: number;
}

/** Phases with at least one person, in order; `people` is the run's (already scaled) crowd. */
export function planArrivals(
  arrivals: Scenario['crowd']['arrivals'],
  people: number,
  timeScale: number,
): ArrivalPhase[] {
  const toMs = (minutes: number): number => saleMinutesToRunMs(minutes, timeScale);
  const early = Math.round(people * arrivals.early.share);
  const burst = Math.min(people - early, Math.round(people * arrivals.burst.share));
  const tail = people - early - burst;
  const earlyMs = toMs(arrivals.early.windowMinutes);
  const burstMs = toMs(arrivals.burst.durationMinutes);
  const tailMs = toMs(arrivals.tail.durationMinutes);
  const phases: ArrivalPhase[] = [];
  const add = (phase: ArrivalPhaseName, count: number, startMs: number, durationMs: number): void => {
    if (count > 0 && durationMs > 0) {
      phases.push({ phase, people: count, startMs, durationMs, ratePerSecond: count / (durationMs / 1000) });
    }
  };
  add('early', early, 0, earlyMs);
  add('burst', burst, earlyMs, burstMs);
  // A tail of 0 minutes can only hold 0 people (the schema checks), so nobody is dropped here.
  add('tail', tail, earlyMs + burstMs, tailMs);
  return phases;
}

/** Arrivals up to run time `atMs` (the curve's integral), for concurrency estimates. */
export function arrivedBy(phases: readonly ArrivalPhase[], atMs: number): number {
  let total = 0;
  for (const phase of phases) {
    const inside = Math.min(Math.max(atMs - phase.startMs, 0), phase.durationMs);
    total += (phase.ratePerSecond * inside) / 1000;
  }
  return total;
}
