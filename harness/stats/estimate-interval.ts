/** A point estimate with a two-sided confidence interval, the shape every interval function returns. */
export interface EstimateInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Nominal two-sided confidence, e.g. 0.95. */
  readonly confidence: number;
}
