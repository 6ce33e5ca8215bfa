import { compareWithThreshold } from './compare-with-threshold.ts';
import { describeTarget } from './describe-target.ts';
import { formatQuantity } from '../vocabulary.ts';
import { defaultMinSamples, type TargetMeasurement, type TargetSpec } from './target-spec.ts';
import type { TargetVerdict } from './target-verdict.ts';

/**
 * Judges one target against what a run measured. The rule, in order:
 * 1. no measurement, or 0 samples → 'inconclusive', reason 'no-samples', note
 *    "no samples recorded for <metric>" (a gate should treat this as an error upstream:
 *    see `assertMeasured` / `MissingMetricError`);
 * 2. a value that is NaN → 'inconclusive', reason 'not-a-number';
 * 3. samples < minSamples (spec's, else `defaultMinSamples(stat)`) → 'inconclusive',
 *    reason 'too-few-samples';
 * 4. otherwise the point estimate decides: `value op threshold` → 'pass', else 'fail'.
 *    When the confidence interval crosses the threshold the verdict stands but says so
 *    (reason 'interval-crosses-threshold'): a rerun may come out the other way.
 *    A clear fail has reason 'missed'; a clear pass has no note.
 * Cost O(1).
 */
export function evaluateTarget(spec: TargetSpec, measurement: TargetMeasurement | null): TargetVerdict {
  if (!Number.isFinite(spec.threshold)) {
    throw new RangeError(`target ${spec.id}: threshold must be a finite number, got ${spec.threshold}`);
  }
  const minSamples = spec.minSamples ?? defaultMinSamples(spec.stat);
  const base = {
    id: spec.id,
    description: describeTarget(spec, 'en'),
    descriptionKo: describeTarget(spec, 'ko'),
    metric: spec.metric,
    stat: spec.stat,
    op: spec.op,
    threshold: spec.threshold,
    unit: spec.unit,
    minSamples,
  };
  if (measurement === null || !(measurement.samples > 0)) {
    return {
      ...base,
      verdict: 'inconclusive',
      measured: null,
      interval: null,
      confidence: measurement?.confidence ?? 0.95,
      samples: 0,
      reason: 'no-samples',
      note: `no samples recorded for ${spec.metric}`,
    };
  }
  const measured = {
    ...base,
    measured: measurement.value,
    interval: measurement.interval,
    confidence: measurement.confidence ?? 0.95,
    samples: measurement.samples,
  };
  const show = (v: number): string => formatQuantity(v, spec.unit, 'en');
  if (Number.isNaN(measurement.value)) {
    return {
      ...measured,
      verdict: 'inconclusive',
      measured: null,
      reason: 'not-a-number',
      note: `the measured ${spec.stat} of ${spec.metric} is not a number`,
    };
  }
  if (measurement.samples < minSamples) {
    return {
      ...measured,
      verdict: 'inconclusive',
      reason: 'too-few-samples',
      note: `too few samples to judge: ${measurement.samples}, at least ${minSamples} needed for ${spec.stat}`,
    };
  }
  const met = compareWithThreshold(measurement.value, spec.op, spec.threshold);
  const crosses = intervalCrosses(measurement.interval, spec);
  const percent = Math.round(measured.confidence * 100);
  const intervalWords = measurement.interval
    ? `the ${percent}% interval [${show(measurement.interval[0])}, ${show(measurement.interval[1])}]`
    : '';
  if (met) {
    if (!crosses) return { ...measured, verdict: 'pass' };
    return {
      ...measured,
      verdict: 'pass',
      reason: 'interval-crosses-threshold',
      note: `met with ${show(measurement.value)}, but ${intervalWords} crosses ${show(spec.threshold)}: a rerun may miss it`,
    };
  }
  const missed = `measured ${show(measurement.value)}, target ${spec.op} ${show(spec.threshold)}`;
  if (!crosses) return { ...measured, verdict: 'fail', reason: 'missed', note: missed };
  return {
    ...measured,
    verdict: 'fail',
    reason: 'interval-crosses-threshold',
    note: `${missed}; ${intervalWords} crosses the threshold: a rerun may meet it`,
  };
}

/** True when the interval holds values on both sides of the comparison. */
function intervalCrosses(interval: readonly [number, number] | null, spec: TargetSpec): boolean {
  if (interval === null) return false;
  const [lower, upper] = interval;
  if (spec.op === '==') {
    const exact = lower === spec.threshold && upper === spec.threshold;
    return !exact && lower <= spec.threshold && spec.threshold <= upper;
  }
  return compareWithThreshold(lower, spec.op, spec.threshold) !== compareWithThreshold(upper, spec.op, spec.threshold);
}
