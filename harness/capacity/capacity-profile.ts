/**
 * A capacity profile: what a stepped closed-loop load measured at each load, the USL fit of
 * it, the highest load that still meets the targets, and the purchase journeys per minute
 * the shop serves there (the `peoplePerMinute` a sale plan's `capacity.profile` reads).
 */
import { summarizeCapacityFit, type CapacityFitSummary } from './capacity-fit-summary.ts';

export interface CapacityStepMeasurement {
  /** People in the closed loop (≈ requests in flight). */
  readonly load: number;
  /** Journeys completed per second, mean of whole seconds, with its 95% interval. */
  readonly throughputPerSecond: number;
  readonly throughputInterval: readonly [number, number] | null;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly latencyP95IntervalMs: readonly [number, number] | null;
  readonly errorRate: number | null;
  readonly errorRateInterval: readonly [number, number] | null;
  readonly requests: number;
}

export interface CapacityTargets {
  readonly latencyP95Ms: number;
  readonly maxErrorRate: number;
}

export interface CapacityProfile {
  readonly schemaVersion: 1;
  readonly kind: 'saleready.capacity-profile';
  readonly target: string;
  readonly journey: readonly string[];
  readonly targets: CapacityTargets;
  readonly steps: readonly CapacityStepMeasurement[];
  /** Why the run stopped adding load. */
  readonly stoppedBecause: string;
  readonly fit: CapacityFitSummary | null;
  /** Highest measured load whose p95 latency and error rate meet the targets; null if none did. */
  readonly maxLoadMeetingTargets: number | null;
  readonly throughputAtMaxLoad: number | null;
  /** Purchase journeys per minute at that load: what a sale plan uses as capacity. */
  readonly peoplePerMinute: number | null;
  /** Peak fitted throughput over the throughput at the highest load meeting targets (≥ 1). */
  readonly headroom: number | null;
}

export function meetsCapacityTargets(step: CapacityStepMeasurement, targets: CapacityTargets): boolean {
  return (step.latencyP95Ms ?? Infinity) <= targets.latencyP95Ms && (step.errorRate ?? 0) <= targets.maxErrorRate;
}

/**
 * Past the targets beyond doubt: the lower end of the p95 interval is above the latency
 * target, or the lower end of the error-rate interval is above the error target.
 */
export function clearlyPastTargets(step: CapacityStepMeasurement, targets: CapacityTargets): boolean {
  const latencyLow = step.latencyP95IntervalMs?.[0] ?? step.latencyP95Ms ?? 0;
  const errorLow = step.errorRateInterval?.[0] ?? step.errorRate ?? 0;
  return latencyLow > targets.latencyP95Ms || errorLow > targets.maxErrorRate;
}

export function buildCapacityProfile(input: {
  target: string;
  journey: readonly string[];
  targets: CapacityTargets;
  steps: readonly CapacityStepMeasurement[];
  stoppedBecause: string;
}): CapacityProfile {
  const points = input.steps
    .filter((step) => step.throughputPerSecond > 0)
    .map((step) => ({ load: step.load, throughput: step.throughputPerSecond }));
  const distinctLoads = new Set(points.map((point) => point.load)).size;
  const fit = distinctLoads >= 3 ? summarizeCapacityFit(points, { source: input.target }) : null;
  const good = input.steps.filter((step) => meetsCapacityTargets(step, input.targets));
  const best = good.reduce<CapacityStepMeasurement | null>(
    (top, step) => (top === null || step.load > top.load ? step : top),
    null,
  );
  const throughput = best?.throughputPerSecond ?? null;
  const peak = fit?.peakThroughput ?? null;
  return {
    schemaVersion: 1,
    kind: 'saleready.capacity-profile',
    target: input.target,
    journey: [...input.journey],
    targets: input.targets,
    steps: [...input.steps],
    stoppedBecause: input.stoppedBecause,
    fit,
    maxLoadMeetingTargets: best?.load ?? null,
    throughputAtMaxLoad: throughput,
    peoplePerMinute: throughput === null ? null : throughput * 60,
    headroom: throughput !== null && peak !== null && throughput > 0 ? Math.max(1, peak / throughput) : null,
  };
}
