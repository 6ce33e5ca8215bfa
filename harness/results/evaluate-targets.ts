import { UsageError } from '../errors.ts';
import { evaluateTarget, type TargetMeasurement, type TargetSpec, type TargetVerdict } from '../stats/index.ts';
import type { IngestResult } from './ingest-result.ts';
import { measure, type Measurement } from './measure.ts';

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

export interface EvaluateTargetsOptions {
  /** False for a run stopped before its end: whole-run totals it missed are inconclusive. */
  readonly complete?: boolean;
}

/**
 * A target judged on a run cut short. Totals over the whole run (stat `count`, `share`) grow or
 * change with the rest of the run, so missing one is inconclusive — except a count already
 * above an upper bound (`<`, `<=`), which more of the run could only raise. Other verdicts
 * stand: latencies and rates are judged on what was measured. O(1).
 */
const shown = (value: number | null, unit: string): string =>
  value === null
    ? '–'
    : unit === 'ratio'
      ? `${Number((value * 100).toPrecision(4))}%`
      : `${Number(value.toPrecision(6))}${unit === 'count' ? '' : ` ${unit}`}`;

export function judgeCutShort(verdict: TargetVerdict): TargetVerdict {
  if (verdict.verdict !== 'fail' || (verdict.stat !== 'count' && verdict.stat !== 'share')) return verdict;
  if (verdict.stat === 'count' && (verdict.op === '<' || verdict.op === '<=')) return verdict;
  return {
    ...verdict,
    verdict: 'inconclusive',
    reason: 'run-interrupted',
    note: `the run was cut short: a total over the whole run cannot be judged on part of it (measured so far: ${shown(verdict.measured, verdict.unit)})`,
  };
}

/**
 * Measures every target on the run and judges it with stats' `evaluateTarget`. A target whose
 * selector (or `of`) matches no recorded metric is a UsageError naming the target, never a
 * pass; so is a statistic the metric does not have. On a run cut short (options.complete
 * false), whole-run totals it missed are inconclusive (judgeCutShort).
 */
export function evaluateTargets(
  ingest: IngestResult,
  specs: readonly TargetSpec[],
  options: EvaluateTargetsOptions = {},
): TargetVerdict[] {
  const verdicts = specs.map((spec) => {
    let measurement: Measurement | null;
    try {
      measurement = measure(ingest, spec.metric, spec.stat, spec.of);
    } catch (error) {
      if (error instanceof UsageError)
        throw new UsageError(error.code, `target ${spec.id}: ${error.message}`, error.hints);
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
  return options.complete === false ? verdicts.map(judgeCutShort) : verdicts;
}
