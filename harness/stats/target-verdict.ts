/** The judgement of one target (SLO) against what a run measured. */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

export type Comparator = '<' | '<=' | '>' | '>=' | '==';

export interface TargetVerdict {
  /** Stable id, e.g. `latency.checkout.p95`. */
  readonly id: string;
  /** The target in words, e.g. "95% of checkouts under 800 ms". */
  readonly description: string;
  /** The recorded metric it was judged on, e.g. `http_req_duration{step:checkout}`. */
  readonly metric: string;
  /** Which statistic: `p95`, `rate`, `count`, `mean`, `max`, … */
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
}
