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
    segments.push({
      startMs: from,
      durationMs: to - from,
      people: peopleAt(to) - peopleAt(from),
      bots: botsAt(to) - botsAt(from),
    });
  }
  return segments;
}
