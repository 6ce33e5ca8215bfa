import { createMulberry32 } from '../random.ts';
import type { EstimateInterval } from './estimate-interval.ts';
import { bucketValue, type Histogram } from './histogram.ts';
import { histogramPercentile } from './histogram-percentile.ts';
import { percentileSorted } from './percentile.ts';

/** One run's values of a figure: all of them, and the same values in consecutive blocks of time. */
export interface BlockedHistogram {
  /** Every value: the estimate is read from it. */
  readonly total: Histogram;
  /** The same values block by block (any γ, one for all blocks); empty blocks are ignored. */
  readonly blocks: readonly Histogram[];
}

export interface BootstrapOptions {
  /** Bootstrap replicates; default 4,000. */
  readonly iterations?: number;
  /** Seed for mulberry32; the same seed gives the same replicates. Default 1. */
  readonly seed?: number;
  /** Two-sided confidence; default 0.95. */
  readonly confidence?: number;
}

/** The replicates B* − A* of a bootstrap, sorted ascending, with the estimate they are centred on. */
export interface BootstrapReplicates {
  /** percentile(B) − percentile(A) of the whole runs: positive when B is slower. */
  readonly estimate: number;
  readonly sorted: Float64Array;
  readonly iterations: number;
  readonly seed: number;
}

export interface BootstrapDifference extends EstimateInterval {
  readonly iterations: number;
  readonly seed: number;
}

/**
 * The bootstrap distribution of B − A for the p-percentile of two runs, resampling whole
 * blocks of time with replacement (the non-overlapping block bootstrap of Carlstein 1986 and
 * Künsch 1989, as a cluster bootstrap: Davison & Hinkley 1997 §3.8): each replicate draws as
 * many blocks as the run has, merges their histograms and reads the type-7 percentile.
 * Requests that share a second share the machine's state (one pause delays several in a row),
 * so they are not independent; resampling them one by one would narrow the interval and call
 * a pause a regression. Resampling blocks keeps that dependence inside each draw.
 *
 * The blocks' histograms may be coarser than the totals (ingest keeps per-second histograms
 * at γ = 1.05): the replicates are shifted by the difference between the fine estimate and
 * the coarse one of all blocks once, so the interval is centred where the estimate is.
 * Cost O(iterations · (blocks · buckets per block + buckets)).
 */
export function blockBootstrapReplicates(
  a: BlockedHistogram,
  b: BlockedHistogram,
  p: number,
  options: BootstrapOptions = {},
): BootstrapReplicates {
  const iterations = options.iterations ?? 4000;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(iterations) && iterations >= 100)) {
    throw new RangeError(`bootstrap iterations must be an integer ≥ 100, got ${iterations}`);
  }
  const estimate = histogramPercentile(b.total, p) - histogramPercentile(a.total, p);
  const random = createMulberry32(seed);
  const resampleA = createBlockResampler(a, p, random);
  const resampleB = createBlockResampler(b, p, random);
  const shift = estimate - (resampleB.whole - resampleA.whole);
  const sorted = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) sorted[i] = resampleB.draw() - resampleA.draw() + shift;
  sorted.sort();
  return { estimate, sorted, iterations, seed };
}

/** The percentile interval of bootstrap replicates (Efron & Tibshirani 1993, ch. 13). */
export function replicateInterval(replicates: BootstrapReplicates, confidence = 0.95): BootstrapDifference {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), e.g. 0.95, got ${confidence}`);
  }
  const tail = (1 - confidence) / 2;
  return {
    estimate: replicates.estimate,
    lower: percentileSorted(replicates.sorted, tail),
    upper: percentileSorted(replicates.sorted, 1 - tail),
    confidence,
    iterations: replicates.iterations,
    seed: replicates.seed,
  };
}

/** B − A of the p-percentile with its block-bootstrap interval (`blockBootstrapReplicates`). */
export function blockBootstrapPercentileDifference(
  a: BlockedHistogram,
  b: BlockedHistogram,
  p: number,
  options: BootstrapOptions = {},
): BootstrapDifference {
  return replicateInterval(blockBootstrapReplicates(a, b, p, options), options.confidence);
}

interface BlockResampler {
  /** The percentile of every block taken once (on the blocks' own buckets). */
  readonly whole: number;
  /** One replicate's percentile. */
  readonly draw: () => number;
}

/** Draws replicates of one run's p-percentile: as many blocks as it has, with replacement. */
function createBlockResampler(run: BlockedHistogram, p: number, random: () => number): BlockResampler {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`percentile p must be a fraction in [0, 1] (0.95 for p95), got ${p}`);
  }
  const blocks = run.blocks.filter((block) => block.count > 0);
  const first = blocks[0];
  if (first === undefined) throw new RangeError('percentile of an empty histogram: the run has no block with values');
  let low = Infinity;
  let high = -Infinity;
  for (const block of blocks) {
    if (block.gamma !== first.gamma || block.minTrackableValue !== first.minTrackableValue) {
      throw new RangeError('the blocks of a run must share one γ and minTrackableValue');
    }
    for (let i = 0; i < block.counts.length; i++) {
      if (block.counts[i] === 0) continue;
      low = Math.min(low, block.offset + i);
      high = Math.max(high, block.offset + i);
    }
  }
  const width = high >= low ? high - low + 1 : 0;
  // each block as (bucket, count) pairs over the run's window, and its zero bucket
  const sparse = blocks.map((block) => {
    const buckets: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < block.counts.length; i++) {
      const count = block.counts[i] as number;
      if (count === 0) continue;
      buckets.push(block.offset + i - low);
      counts.push(count);
    }
    return { buckets: Int32Array.from(buckets), counts: Float64Array.from(counts), zeros: block.zeroCount };
  });
  const { min, max } = run.total;
  const values = Float64Array.from({ length: width }, (_, i) =>
    Math.min(max, Math.max(min, bucketValue(first, low + i))),
  );
  const dense = new Float64Array(width);

  /** Type-7 percentile of the values in `dense` plus `zeros` values read as the run's minimum. */
  const percentile = (count: number, zeros: number): number => {
    const rank = p * (count - 1);
    const below = Math.floor(rank);
    const fraction = rank - below;
    let lower = NaN;
    let cumulative = zeros;
    if (below < zeros) lower = min;
    let i = 0;
    for (; Number.isNaN(lower) && i < width; i++) {
      cumulative += dense[i] as number;
      if (cumulative > below) lower = values[i] as number;
    }
    if (fraction === 0 || below + 1 >= count) return lower;
    // the next order statistic: the same bucket while it still holds values, else the next one with any
    if (below + 1 < cumulative) return lower;
    for (; i < width; i++) {
      if ((dense[i] as number) > 0) return lower + fraction * ((values[i] as number) - lower);
    }
    return lower;
  };
  const draw = (pick: (index: number) => number): number => {
    dense.fill(0);
    let zeros = 0;
    let count = 0;
    for (let k = 0; k < sparse.length; k++) {
      const block = sparse[pick(k)]!;
      for (let e = 0; e < block.buckets.length; e++) {
        (dense[block.buckets[e] as number] as number) += block.counts[e] as number;
        count += block.counts[e] as number;
      }
      zeros += block.zeros;
      count += block.zeros;
    }
    return percentile(count, zeros);
  };
  const blockCount = sparse.length;
  return {
    whole: draw((k) => k),
    draw: () => draw(() => Math.floor(random() * blockCount)),
  };
}
