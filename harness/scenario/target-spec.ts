/**
 * What a scenario's targets compile to: one measurable, judgeable statement each. The
 * contract with harness/results and harness/stats is docs/METRICS.md, "Target specs".
 */
export type TargetStat = 'p50' | 'p90' | 'p95' | 'p99' | 'max' | 'min' | 'of.mean' | 'rate' | 'count' | 'share';
export type TargetOp = '<' | '<=' | '>' | '>=' | '==';

export interface TargetSpec {
  /** Stable id, e.g. `latency.checkout.p95`. */
  readonly id: string;
  /** The target in words, e.g. "95% of checkouts under 800 ms". */
  readonly description: string;
  /** The target in Korean words, for Korean reports. */
  readonly descriptionKo: string;
  /** Metric selector, `metric{tag:value,…}`, e.g. `http_req_duration{step:checkout}`. */
  readonly metric: string;
  readonly stat: TargetStat;
  readonly op: TargetOp;
  readonly threshold: number;
  /** Unit of `threshold` (after `scale`): `ms`, `ratio`, `count`. */
  readonly unit: string;
  /** Denominator selector for stat `share`. */
  readonly of?: string;
  /** Multiply the measured value by this before judging (time scale k for waits). */
  readonly scale?: number;
  readonly minSamples?: number;
}
