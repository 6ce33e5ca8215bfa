/**
 * The result of `saleready capacity fit` as plain data (JSON-ready): the USL fit, its peak,
 * the knee of the measured curve, and the latency target crossing when latency was measured.
 */
import { UsageError } from '../errors.ts';
import { findKnee } from './knee.ts';
import type { MeasuredPoint } from './parse-measurements.ts';
import { fitUsl } from './usl-fit.ts';
import { uslLoadForLatency } from './usl-model.ts';

export interface CapacityFitSummary {
  readonly source: string;
  /** Rows fitted. */
  readonly points: number;
  /** Different loads among them (fewer than points when loads were measured more than once). */
  readonly loads: number;
  readonly sigma: number;
  readonly kappa: number;
  readonly lambda: number;
  readonly standardErrors: { sigma: number; kappa: number; lambda: number } | null;
  readonly intervals95: {
    sigma: readonly [number, number];
    kappa: readonly [number, number];
    lambda: readonly [number, number];
  } | null;
  /** N* = √((1−σ)/κ); null when κ = 0 ("no peak (contention only)"). */
  readonly peakLoad: number | null;
  /** X(N*), or the Amdahl ceiling λ/σ when there is no peak (null when σ = κ = 0). */
  readonly peakThroughput: number | null;
  readonly noPeak: boolean;
  readonly r2: number | null;
  /** Knee of the measured throughput curve (Kneedle), null when none is found. */
  readonly knee: { load: number; throughput: number } | null;
  /** Load at which the modelled latency N/X(N) reaches `latencyTarget` (same unit as 1/throughput). */
  readonly loadAtLatencyTarget: number | null;
  readonly latencyTarget: number | null;
  readonly warnings: readonly string[];
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Mean throughput at each different load, in load order. O(n log n). */
export function meanThroughputByLoad(points: readonly MeasuredPoint[]): {
  loads: number[];
  throughputs: number[];
  mostRepeats: number;
  leastRepeats: number;
} {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const point of points) {
    const at = sums.get(point.load);
    if (at) {
      at.sum += point.throughput;
      at.count += 1;
    } else sums.set(point.load, { sum: point.throughput, count: 1 });
  }
  const loads = [...sums.keys()].sort((a, b) => a - b);
  let mostRepeats = 0;
  let leastRepeats = Infinity;
  for (const { count } of sums.values()) {
    mostRepeats = Math.max(mostRepeats, count);
    leastRepeats = Math.min(leastRepeats, count);
  }
  return {
    loads,
    throughputs: loads.map((load) => sums.get(load)!.sum / sums.get(load)!.count),
    mostRepeats,
    leastRepeats,
  };
}

/** "7 loads measured 3 times each (21 rows)", or null when every load appears once. */
function describeRepeats(byLoad: ReturnType<typeof meanThroughputByLoad>, rows: number): string | null {
  if (byLoad.mostRepeats <= 1) return null;
  const times =
    byLoad.leastRepeats === byLoad.mostRepeats
      ? `${byLoad.mostRepeats} times each`
      : `${byLoad.leastRepeats} to ${byLoad.mostRepeats} times`;
  return `${byLoad.loads.length} loads measured ${times} (${rows} rows): the fit uses every row, the knee the mean throughput at each load`;
}

/**
 * The fit of `points` (several rows per load allowed) with its knee, found on the mean
 * throughput at each load. A UsageError from the fit is prefixed with `source`.
 */
export function summarizeCapacityFit(
  points: readonly MeasuredPoint[],
  options: { source: string; latencyTarget?: number; warnings?: readonly string[] },
): CapacityFitSummary {
  let fit: ReturnType<typeof fitUsl>;
  try {
    fit = fitUsl(points);
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(error.code, `${options.source}: ${error.message}`, error.hints);
    throw error;
  }
  const byLoad = meanThroughputByLoad(points);
  const knee = byLoad.loads.length >= 3 ? findKnee(byLoad.loads, byLoad.throughputs) : null;
  const repeats = describeRepeats(byLoad, points.length);
  const latencyTarget = options.latencyTarget ?? null;
  // λ = 0 (nothing measured got through): no load meets any latency target.
  const crossing =
    latencyTarget === null || !(fit.params.lambda > 0) ? null : uslLoadForLatency(fit.params, latencyTarget);
  return {
    source: options.source,
    points: fit.pointCount,
    loads: byLoad.loads.length,
    sigma: fit.params.sigma,
    kappa: fit.params.kappa,
    lambda: fit.params.lambda,
    standardErrors: fit.standardErrors ? { ...fit.standardErrors } : null,
    intervals95: fit.confidenceIntervals ? { ...fit.confidenceIntervals } : null,
    peakLoad: fit.noPeak ? null : finiteOrNull(fit.peakLoad),
    peakThroughput: finiteOrNull(fit.peakThroughput),
    noPeak: fit.noPeak,
    r2: fit.rSquared,
    knee: knee ? { load: knee.x, throughput: knee.y } : null,
    loadAtLatencyTarget: crossing === null ? null : finiteOrNull(crossing),
    latencyTarget,
    warnings: [
      ...(options.warnings ?? []),
      ...(repeats ? [repeats] : []),
      ...fit.warnings.map((warning) => warning.message),
    ],
  };
}
