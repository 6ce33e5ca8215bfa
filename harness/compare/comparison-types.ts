/** What a comparison of two runs returns: one entry per figure, and the run pair's verdict. */

/** The family a figure belongs to; it decides the test and the smallest change that counts. */
export type FigureKind = 'latency' | 'queue-wait' | 'error-rate' | 'outcome-share' | 'throughput' | 'target';
/** `none`: shown side by side, not tested (e.g. a mean or max without a fitting test). */
export type FigureTest = 'bootstrap-percentile' | 'two-proportion' | 'poisson-rate' | 'none';
export type ChangeVerdict = 'improved' | 'regressed' | 'no significant change' | 'not compared';
export type BetterWhen = 'lower' | 'higher';
/** `ms` durations (queue waits already in sale time), `ratio` 0…1, `per-second`, `count`. */
export type FigureUnit = 'ms' | 'ratio' | 'per-second' | 'count';

export interface Bilingual {
  readonly en: string;
  readonly ko: string;
}

export interface FigureComparison {
  /** Stable id, e.g. `latency.checkout.p95`, `errors.rate`, `target.served.stock`. */
  readonly id: string;
  /** The figure in words: "95% of checkouts", "share of people who bought". */
  readonly label: Bilingual;
  readonly kind: FigureKind;
  readonly unit: FigureUnit;
  readonly betterWhen: BetterWhen;
  readonly test: FigureTest;
  /** Selector and statistic read (docs/METRICS.md), e.g. `http_req_duration{step:checkout}` p95. */
  readonly metric: string;
  readonly stat: string;
  readonly a: number | null;
  readonly b: number | null;
  readonly samplesA: number;
  readonly samplesB: number;
  /** B − A in `unit`; null when either side is missing. */
  readonly change: number | null;
  /** (B − A) / A; null when A is 0 or missing. */
  readonly relativeChange: number | null;
  /** Confidence interval of B − A (`confidence`, per figure). */
  readonly interval: readonly [number, number] | null;
  readonly confidence: number;
  /** Two-sided p-value of "no change", before the correction; null when not tested. */
  readonly pValue: number | null;
  /** Holm–Bonferroni adjusted p-value over the family; null when not tested. */
  readonly adjustedPValue: number | null;
  /** Smallest |B − A| that counts as a change (practical significance), in `unit`. */
  readonly minimumEffect: number | null;
  readonly verdict: ChangeVerdict;
  /** Why not compared, or what else a reader should know. */
  readonly note?: string;
  /** Targets (ids) this figure is the measure of. */
  readonly targetIds: readonly string[];
}

/** One run as the comparison names it. */
export interface RunReference {
  readonly dir: string;
  /** The run folder's name, e.g. `smoke-2026-11-25T20-22-15Z`. */
  readonly name: string;
  readonly scenario: string;
  readonly startedAt: string;
  readonly verdict: 'pass' | 'fail' | 'inconclusive';
  readonly timeScale: number;
  readonly people: number | null;
  readonly complete: boolean;
}

/** How false alarms are controlled, stated in every output. */
export interface ComparisonMethod {
  readonly correction: 'holm-bonferroni';
  /** Family-wise error rate: the chance that any figure is called changed when none changed. */
  readonly alpha: number;
  /** Figures tested (the family size m). */
  readonly family: number;
  /** Of each figure's interval. */
  readonly confidence: number;
  /** Percentiles: block bootstrap replicates and seed, and each run's block of time (whole seconds). */
  readonly bootstrap: {
    readonly iterations: number;
    readonly seed: number;
    readonly blockSeconds: { readonly a: number; readonly b: number };
  };
  readonly minimumEffect: MinimumEffects;
}

/** A change counts only when |B − A| ≥ max(absolute, relative · |A|) as well as significant. */
export interface MinimumEffects {
  readonly latency: { readonly absoluteMs: number; readonly relative: number };
  readonly queueWait: { readonly absoluteSaleMs: number; readonly relative: number };
  readonly ratio: { readonly absolute: number; readonly relative: number };
  readonly throughput: { readonly relative: number };
  readonly count: { readonly absolute: number; readonly relative: number };
}

/** worse: something regressed and nothing improved; mixed: both; better; same: neither. */
export type OverallChange = 'worse' | 'better' | 'mixed' | 'same';

export interface RunComparison {
  readonly a: RunReference;
  readonly b: RunReference;
  readonly figures: readonly FigureComparison[];
  readonly method: ComparisonMethod;
  readonly overall: OverallChange;
  /** Shape differences that `force` overrode (empty when the runs are alike). */
  readonly forcedDifferences: readonly string[];
}
