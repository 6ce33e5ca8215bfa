/**
 * The result of `saleready capacity fit` as plain data (JSON-ready): the USL fit, its peak,
 * the knee of the measured curve, and the latency target crossing when latency was measured.
 */
import { findKnee } from './knee.ts';
import type { MeasuredPoint } from './parse-measurements.ts';
import { fitUsl } from './usl-fit.ts';
import { uslLoadForLatency } from './usl-model.ts';

export interface CapacityFitSummary {
  readonly source: string;
  readonly points: number;
  readonly sigma: number;
  readonly kappa: number;
  readonly lambda: number;
  readonly standardErrors: { sigma: number; kappa: number; lambda: number } | null;
  readonly intervals95: { sigma: readonly [number, number]; kappa: readonly [number, number]; lambda: readonly [number, number] } | null;
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

export function summarizeCapacityFit(
  points: readonly MeasuredPoint[],
  options: { source: string; latencyTarget?: number; warnings?: readonly string[] },
): CapacityFitSummary {
  const fit = fitUsl(points);
  const sorted = [...points].sort((a, b) => a.load - b.load);
  const knee = sorted.length >= 3 ? findKnee(sorted.map((p) => p.load), sorted.map((p) => p.throughput)) : null;
  const latencyTarget = options.latencyTarget ?? null;
  const crossing = latencyTarget === null ? null : uslLoadForLatency(fit.params, latencyTarget);
  return {
    source: options.source,
    points: fit.pointCount,
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
    warnings: [...(options.warnings ?? []), ...fit.warnings.map((warning) => warning.message)],
  };
}
