/**
 * Patience in run time: how long a person waits in the queue before giving up. The person
 * engine draws one value per person from the same distribution (inverse transform for the
 * exponential, Box–Muller for the lognormal); here we only need its mean (Little's law)
 * and a high quantile that bounds how long a run drains after the last arrival.
 */
import { saleMinutesToRunMs } from './time-scale.ts';

/**
 * A patience as a scenario gives it, in sale-time minutes: the shape of scenario-schema's
 * `patienceSchema` (the compiler checks that a parsed one fits here).
 */
export type SalePatience =
  | { readonly kind: 'exponential'; readonly meanMinutes: number }
  | { readonly kind: 'lognormal'; readonly medianMinutes: number; readonly sigma: number }
  | { readonly kind: 'fixed'; readonly minutes: number };

export type PlannedPatience =
  | { readonly kind: 'exponential'; readonly meanMs: number }
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly sigma: number }
  | { readonly kind: 'fixed'; readonly ms: number };

/** z of the standard normal at 0.99 (Φ⁻¹(0.99), Abramowitz & Stegun table 26.1). */
const Z99 = 2.326347874;

/** Converts a sale-time patience (minutes) to run time (ms) by dividing by the time scale. */
export function scalePatience(patience: SalePatience, timeScale: number): PlannedPatience {
  const toMs = (minutes: number): number => saleMinutesToRunMs(minutes, timeScale);
  switch (patience.kind) {
    case 'exponential':
      return { kind: 'exponential', meanMs: toMs(patience.meanMinutes) };
    case 'lognormal':
      return { kind: 'lognormal', medianMs: toMs(patience.medianMinutes), sigma: patience.sigma };
    case 'fixed':
      return { kind: 'fixed', ms: toMs(patience.minutes) };
  }
}

/** 99th percentile: exponential −mean·ln(0.01); lognormal median·e^(σ·z₀.₉₉); fixed value. O(1). */
export function patienceP99Ms(patience: PlannedPatience): number {
  switch (patience.kind) {
    case 'exponential':
      return patience.meanMs * Math.log(100);
    case 'lognormal':
      return patience.medianMs * Math.exp(patience.sigma * Z99);
    case 'fixed':
      return patience.ms;
  }
}
