import type { TargetSubject } from './target-subject.ts';
import type { Comparator } from './target-verdict.ts';

/** A percentile statistic: `p95`, `p99.9` (k6's `p(95)` is read as `p95` before it gets here). */
export type PercentileStat = `p${number}`;

/**
 * The statistics a target is judged on (docs/METRICS.md, "Target specs"): a percentile, `min`,
 * `max`, `of.mean`, `rate` (a Rate's share of non-zero samples, a Counter's events per second),
 * `count` (a total), `share` (count of `metric` / count of `of`), `last` (a Gauge's last value).
 */
export type TargetStat = PercentileStat | 'min' | 'max' | 'of.mean' | 'rate' | 'count' | 'share' | 'last';

/**
 * A target (SLO) to judge a run by, e.g. p95 of checkout latency < 800 ms: what scenarios compile
 * (harness/scenario), targets files and k6 thresholds give (harness/analyze), the results stage
 * measures and `evaluateTarget` judges. The one spec type of every stage.
 */
export interface TargetSpec {
  /** Stable id, e.g. `latency.checkout.p95`. */
  readonly id: string;
  /** The target in words, e.g. "95% of checkouts under 800 ms"; `describeTarget`'s when absent. */
  readonly description?: string;
  /** The same in Korean, e.g. "결제 요청의 95%가 800 ms 미만"; `describeTarget`'s when absent. */
  readonly descriptionKo?: string;
  /** The recorded metric, a selector `metric{tag:value,…}`, e.g. `http_req_duration{step:checkout}`. */
  readonly metric: string;
  readonly stat: TargetStat;
  readonly op: Comparator;
  /** In `unit`, after `scale`. */
  readonly threshold: number;
  /** Unit of threshold and value: `ms`, `s`, `min`, `h`, `ratio` (shown as %), `count`, `/s`, … */
  readonly unit: string;
  /** Denominator selector for stat `share`, e.g. `sr_arrivals{actor:person}`. */
  readonly of?: string;
  /** Multiplies the measured value and its interval before judging (the time scale k for waits). Default 1. */
  readonly scale?: number;
  /** Fewest samples to judge on; default `defaultMinSamples(stat)`. */
  readonly minSamples?: number;
  /** What is measured, in words for the generated descriptions, e.g. { en: 'checkouts', ko: '결제 요청' }. Default: the metric. */
  readonly subject?: string | TargetSubject;
}

/** What a run measured for one target; null when the metric never appeared. */
export interface TargetMeasurement {
  /** The statistic's point estimate, in the spec's unit. */
  readonly value: number;
  /** Its confidence interval, or null when none could be computed. */
  readonly interval: readonly [number, number] | null;
  /** Observations the statistic was computed from (requests, checks, orders…). */
  readonly samples: number;
  /** Confidence of `interval`; default 0.95. */
  readonly confidence?: number;
}

/**
 * Parses `p95`, `p99.9`, `p(95)` (k6 style) into the fraction 0.95, 0.999; null for any
 * other stat.
 */
export function percentileOfStat(stat: string): number | null {
  const match = /^p\(?(\d+(?:\.\d+)?)\)?$/.exec(stat.trim());
  if (!match) return null;
  const percent = Number(match[1]);
  return percent >= 0 && percent <= 100 ? percent / 100 : null;
}

/**
 * Default minimum samples: for a percentile p, max(20, ⌈1/(1−p)⌉) so that at least one
 * observation lies above it (p95 → 20, p99 → 100, p99.9 → 1,000); 20 for rates and means;
 * 1 for min, max and count, which are exact with any number of observations.
 */
export function defaultMinSamples(stat: string): number {
  const p = percentileOfStat(stat);
  if (p !== null) return p >= 1 ? 20 : Math.max(20, Math.ceil(1 / (1 - p) - 1e-9));
  if (stat === 'min' || stat === 'max' || stat === 'count') return 1;
  return 20;
}
