/** The judgement of one target (SLO) against what a run measured. */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

export type Comparator = '<' | '<=' | '>' | '>=' | '==';

/**
 * Why a verdict is what it is, as a stable code (the `note` says it in English; a report in
 * another language words it from this): no samples at all; fewer than the minimum; a value
 * that is not a number; met or missed on the measured value while the interval crosses the
 * threshold (a rerun may differ); missed clearly.
 */
export type VerdictReason =
  | 'no-samples'
  | 'too-few-samples'
  | 'not-a-number'
  | 'interval-crosses-threshold'
  | 'missed'
  /** A total over the whole run, missed by a run that was cut short (harness/results judgeCutShort). */
  | 'run-interrupted';

export interface TargetVerdict {
  /** Stable id, e.g. `latency.checkout.p95`. */
  readonly id: string;
  /** The target in words, e.g. "95% of checkouts under 800 ms". */
  readonly description: string;
  /** The target in Korean words. */
  readonly descriptionKo?: string;
  /** The recorded metric it was judged on, e.g. `http_req_duration{step:checkout}`. */
  readonly metric: string;
  /** Which statistic: `p95`, `rate`, `count`, `of.mean`, `max`, … */
  readonly stat: string;
  readonly op: Comparator;
  readonly threshold: number;
  /** Unit of `threshold`, `measured` and `interval`: `ms`, `ratio`, `count`, `min` … */
  readonly unit: string;
  readonly verdict: Verdict;
  /** null when nothing was recorded (then the verdict is inconclusive, or an error upstream). */
  readonly measured: number | null;
  /** Confidence interval of `measured` (95% unless `confidence` says otherwise). */
  readonly interval: readonly [number, number] | null;
  readonly confidence: number;
  readonly samples: number;
  /** Why it is inconclusive or how it failed, for a person. */
  readonly note?: string;
  /** The same as a stable code; absent for a clear pass. */
  readonly reason?: VerdictReason;
  /** Fewest samples that were required to judge. */
  readonly minSamples?: number;
}
