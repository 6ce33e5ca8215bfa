import { ExitCode, SalereadyError } from '../errors.ts';
import type { TargetMeasurement, TargetSpec } from './target-spec.ts';

/**
 * Raised by callers that must not go on when a target's metric recorded nothing (a gate):
 * either the metric name is wrong or the run never exercised that step. Exit code 1, as a
 * missed target: a target that could not be checked is not met. `evaluateTarget` itself
 * never throws for this; it returns 'inconclusive'.
 */
export class MissingMetricError extends SalereadyError {
  readonly targetId: string;
  readonly metric: string;

  constructor(spec: Pick<TargetSpec, 'id' | 'metric'>) {
    super('stats.no-samples', `target ${spec.id}: no samples recorded for ${spec.metric}`, ExitCode.targetMissed, [
      'check the metric name and tags against the run summary',
      'check that the scenario reaches this step (a failure earlier in the journey stops it)',
    ]);
    this.targetId = spec.id;
    this.metric = spec.metric;
  }
}

/** Throws `MissingMetricError` when `measurement` is null or has no samples. */
export function assertMeasured(
  spec: Pick<TargetSpec, 'id' | 'metric'>,
  measurement: TargetMeasurement | null,
): asserts measurement is TargetMeasurement {
  if (measurement === null || !(measurement.samples > 0)) throw new MissingMetricError(spec);
}
