import type { Histogram } from '../stats/index.ts';
import type { IngestResult } from './ingest-result.ts';
import { runDurationSeconds } from './measure.ts';
import { mergeSelectedBuckets, mergeSelectedTotals, selectSeries } from './select-series.ts';

/** A Trend's values over the whole run and the same values in consecutive blocks of time. */
export interface TrendBlocks {
  /** Every value of the run (the fine histogram). */
  readonly total: Histogram;
  /** The values block by block, in time order; blocks without values are left out. Coarser γ (bucketHistogramGamma). */
  readonly blocks: Histogram[];
  /** Length of one block, whole seconds. */
  readonly blockSeconds: number;
}

/** Blocks a run aims for at least, when it lasts that many seconds. */
const FEWEST_BLOCKS = 10;

/**
 * How long the blocks of a block bootstrap are for a run of `runSeconds`: ⌈S^(1/3)⌉ whole
 * seconds, the order of block length that estimates a variance best (Hall, Horowitz & Jing
 * 1995, "On blocking rules for the bootstrap with dependent data"), but short enough that the
 * run has 10 blocks where it can; never below one second, the resolution ingest keeps.
 * 11 s → 1 s, 60 s → 4 s, 1,200 s → 11 s.
 */
export function blockSecondsFor(runSeconds: number): number {
  if (!(runSeconds > 0)) return 1;
  const cubeRoot = Math.ceil(Math.cbrt(runSeconds) - 1e-9);
  return Math.max(1, Math.min(cubeRoot, Math.floor(runSeconds / FEWEST_BLOCKS)));
}

/**
 * The values a selector matches (a Trend), whole and in blocks of `blockSecondsFor(the run)`
 * counted from the run's first sample, for a block bootstrap that sees what one pause of the
 * machine does to a run; null when the selector names no Trend the run recorded.
 */
export function trendBlocks(ingest: IngestResult, selector: string): TrendBlocks | null {
  const selected = selectSeries(ingest, selector);
  if (selected === null || selected.kind !== 'trend') return null;
  const total = mergeSelectedTotals(ingest, selected);
  if (total.kind !== 'trend') return null;
  const blockSeconds = blockSecondsFor(runDurationSeconds(ingest));
  const originSecond = Math.floor((ingest.firstSampleMs ?? 0) / 1000);
  const blocks: Histogram[] = [];
  for (const aggregate of mergeSelectedBuckets(selected, blockSeconds, originSecond).values()) {
    if (aggregate.kind === 'trend' && aggregate.histogram.count > 0) blocks.push(aggregate.histogram);
  }
  return { total: total.histogram, blocks, blockSeconds };
}
