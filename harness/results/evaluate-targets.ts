import { UsageError } from '../errors.ts';
import { evaluateTarget, type TargetMeasurement, type TargetSpec, type TargetVerdict } from '../stats/index.ts';
import type { IngestResult } from './ingest-result.ts';
import { measure, type Measurement } from './measure.ts';

/** A target as scenarios compile it (docs/METRICS.md): stats' TargetSpec plus `of` and `scale`. */
export interface RunTargetSpec extends TargetSpec {
  /** Denominator selector for stat `share`, e.g. `sr_arrivals{actor:person}`. */
  readonly of?: string;
  /** Multiplies the measured value and its interval before judging (time scale k for waits). */
  readonly scale?: number;
}

/** A measurement in the target's unit: scaled, and null when nothing matched. */
export function toTargetMeasurement(measurement: Measurement, scale = 1): TargetMeasurement | null {
  if (measurement.samples === 0 && measurement.value === null) return null;
  const interval = measurement.interval;
  return {
    value: measurement.value === null ? NaN : measurement.value * scale,
    interval: interval === null ? null : ([interval[0] * scale, interval[1] * scale] as const),
    samples: measurement.samples,
  };
}

/**
 * Measures every target on the run and judges it with stats' `evaluateTarget`. A target whose
 * selector (or `of`) matches no recorded metric is a UsageError naming the target, never a
 * pass; so is a statistic the metric does not have.
 */
export function evaluateTargets(ingest: IngestResult, specs: readonly RunTargetSpec[]): TargetVerdict[] {
  return specs.map((spec) => {
    let measurement: Measurement | null;
    try {
      measurement = measure(ingest, spec.metric, spec.stat, spec.of);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(error.code, `target ${spec.id}: ${error.message}`, error.hints);
      throw error;
    }
    if (measurement === null) {
      const selector = spec.stat === 'share' && spec.of !== undefined ? `${spec.metric} (of ${spec.of})` : spec.metric;
      throw new UsageError('results.target-no-metric', `target ${spec.id} matches no recorded metric ${selector}`, [
        'check the metric name against docs/METRICS.md and the run’s summary.json',
      ]);
    }
    return evaluateTarget(spec, toTargetMeasurement(measurement, spec.scale ?? 1));
  });
}
