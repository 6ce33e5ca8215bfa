/**
 * The crowd's arrivals as consecutive segments of run time, each with a whole number of
 * people and bots: the breakpoints are the arrival phases' edges and the bots' burst window,
 * and the counts are differences of the rounded cumulative arrival curves, so they add up to
 * exactly the plan's people and bots. Each segment becomes one Artillery phase (arrivalCount
 * over its length) and the person engine interleaves people and bots inside it evenly.
 * Pure: no I/O. Cost O(phases²).
 */
import { arrivedBy, type RunPlan } from '../scenario/index.ts';

export interface ArrivalSegment {
  /** Run time from the start, whole ms. */
  readonly startMs: number;
  readonly durationMs: number;
  readonly people: number;
  readonly bots: number;
  /** Arrivals of its Artillery phase: wake-ups of the person engine (`wakeupsFor`). */
  readonly wakeups: number;
}

type SegmentPlan = Pick<RunPlan, 'arrivals' | 'arrivalEndMs' | 'bots' | 'people'>;

/** Bots arrived by run time t: uniform over [startMs, startMs + burstMs]. */
function botsBy(plan: SegmentPlan, atMs: number): number {
  const bots = plan.bots;
  if (!bots) return 0;
  if (atMs < bots.startMs) return 0;
  if (bots.burstMs <= 0 || atMs >= bots.startMs + bots.burstMs) return bots.count;
  return (bots.count * (atMs - bots.startMs)) / bots.burstMs;
}

/**
 * Artillery times every arrival of a phase with a timer that spins on the CPU whenever the
 * next arrival is under 25 ms away (docs/PERFORMANCE.md: one core at ≥ 40 arrivals a second).
 * So a phase does not bring one virtual user per person: it wakes the person engine at most
 * once per WAKEUP_INTERVAL_MS, and the engine starts the people of that interval at their own
 * times with its own timers (crowd.js). Artillery then spins for at most 25 ms of every 500.
 */
export const WAKEUP_INTERVAL_MS = 500;

/**
 * Arrivals Artillery brings in a phase of `durationMs` for `arrivals` people and bots (or a
 * distributed run's slots): one per person when they come no faster than one per
 * WAKEUP_INTERVAL_MS, else one per interval. The person engine reads the same number from the
 * plan's segment (`wakeups`), so the two always agree.
 */
export function wakeupsFor(arrivals: number, durationMs: number): number {
  if (arrivals <= 0) return 0;
  return Math.min(arrivals, Math.max(1, Math.floor(durationMs / WAKEUP_INTERVAL_MS)));
}

export function buildArrivalSegments(plan: SegmentPlan): ArrivalSegment[] {
  const edges = new Set<number>([0, Math.round(plan.arrivalEndMs)]);
  for (const phase of plan.arrivals) {
    edges.add(Math.round(phase.startMs));
    edges.add(Math.round(phase.startMs + phase.durationMs));
  }
  if (plan.bots) {
    edges.add(Math.round(plan.bots.startMs));
    // a burst of no length still takes one ms, so that it is a phase Artillery can run
    edges.add(Math.round(plan.bots.startMs + Math.max(plan.bots.burstMs, 1)));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const end = sorted[sorted.length - 1] as number;
  const peopleAt = (ms: number): number => (ms >= end ? plan.people : Math.round(arrivedBy(plan.arrivals, ms)));
  const botsAt = (ms: number): number => (ms >= end ? (plan.bots?.count ?? 0) : Math.round(botsBy(plan, ms)));
  const segments: ArrivalSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i] as number;
    const to = sorted[i + 1] as number;
    const people = peopleAt(to) - peopleAt(from);
    const bots = botsAt(to) - botsAt(from);
    segments.push({
      startMs: from,
      durationMs: to - from,
      people,
      bots,
      wakeups: wakeupsFor(people + bots, to - from),
    });
  }
  return segments;
}
