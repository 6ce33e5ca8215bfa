import type { EstimateInterval } from './estimate-interval.ts';
import type { Histogram } from './histogram.ts';
import { histogramPercentile } from './histogram-percentile.ts';
import { createRankLookup } from './histogram-rank.ts';
import { createMulberry32 } from '../random.ts';
import { percentileSorted } from './percentile.ts';
import { sampleBeta } from './random-variates.ts';

export interface BootstrapOptions {
  /** Bootstrap replicates; default 2,000. */
  readonly iterations?: number;
  /** Seed for mulberry32; the same seed gives the same interval. Default 1. */
  readonly seed?: number;
  /** Two-sided confidence; default 0.95. */
  readonly confidence?: number;
}

export interface BootstrapDifference extends EstimateInterval {
  /** estimate = percentile(B) − percentile(A): positive when B is slower. */
  readonly iterations: number;
  readonly seed: number;
}

/**
 * Difference of the p-percentile between two runs, B − A, with a percentile-bootstrap
 * interval (Efron & Tibshirani 1993, ch. 13), resampling each histogram's values with
 * replacement. Instead of drawing n values per replicate, each replicate draws the order
 * statistics it needs directly: of n resampled values, the k-th is F̂⁻¹(U_(k)) with
 * U_(k) ~ Beta(k, n−k+1), and the next U_(k+1) = U_(k) + (1−U_(k))·Beta(1, n−k) (David &
 * Nagaraja, "Order Statistics", 3rd ed., §2.2–2.5), which has the same distribution as
 * sorting a full resample. So the type-7 percentile of a resample costs O(log buckets)
 * whatever n is; the whole call O(iterations · log buckets).
 */
export function bootstrapPercentileDifference(
  a: Histogram,
  b: Histogram,
  p: number,
  options: BootstrapOptions = {},
): BootstrapDifference {
  const iterations = options.iterations ?? 2000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  if (!(Number.isInteger(iterations) && iterations >= 100)) {
    throw new RangeError(`bootstrap iterations must be an integer ≥ 100, got ${iterations}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), e.g. 0.95, got ${confidence}`);
  }
  const estimate = histogramPercentile(b, p) - histogramPercentile(a, p);
  const random = createMulberry32(seed);
  const resampleA = createResampledPercentile(a, p, random);
  const resampleB = createResampledPercentile(b, p, random);
  const differences = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) differences[i] = resampleB() - resampleA();
  differences.sort();
  const sorted = Array.from(differences);
  const tail = (1 - confidence) / 2;
  return {
    estimate,
    lower: percentileSorted(sorted, tail),
    upper: percentileSorted(sorted, 1 - tail),
    confidence,
    iterations,
    seed,
  };
}

/** One replicate of the type-7 p-percentile of n values resampled from histogram `h`. */
function createResampledPercentile(h: Histogram, p: number, random: () => number): () => number {
  const n = h.count;
  const valueAtRank = createRankLookup(h);
  const rank = p * (n - 1);
  const k = Math.floor(rank) + 1; // 1-based order statistic below the rank
  const fraction = rank - Math.floor(rank);
  const inverseCdf = (u: number): number => valueAtRank(Math.min(n - 1, Math.max(0, Math.ceil(u * n) - 1)));
  return () => {
    const u = sampleBeta(k, n - k + 1, random);
    const lower = inverseCdf(u);
    if (fraction === 0 || k >= n) return lower;
    const next = u + (1 - u) * (1 - Math.pow(1 - random(), 1 / (n - k)));
    return lower + fraction * (inverseCdf(next) - lower);
  };
}
