import {
  bootstrapPercentileTest,
  comparePoissonRates,
  histogramPercentile,
  twoProportionTest,
} from '../stats/index.ts';
import type { FigureComparison, FigureTest } from './comparison-types.ts';
import type { FigureSample, FigureSpec } from './figure-specs.ts';

export interface FigureTestOptions {
  readonly confidence: number;
  readonly iterations: number;
  readonly seed: number;
}

/** A figure's comparison before the family-wise correction: adjusted p and verdict come later. */
export type TestedFigure = Omit<FigureComparison, 'adjustedPValue' | 'verdict' | 'minimumEffect'> & {
  readonly tested: boolean;
};

/**
 * Fewest samples per run for a percentile: at least 5 samples above it (5/(1 − p): p95 needs
 * 100, p99 500), and at least 10. A tail percentile resting on one or two samples is the
 * maximum in disguise, and one pause of the machine (which delays a few requests in a row,
 * so they are not independent) moves it by more than any bootstrap of that run can see.
 */
export function minimumPercentileSamples(p: number): number {
  return Math.max(10, Math.ceil(5 / (1 - p) - 1e-9));
}
const MINIMUM_TRIALS = 10;
/**
 * Fewest blocks of time a run's percentile is resampled from: with fewer, the block
 * bootstrap has too few distinct replicates to give an interval (with one block, none).
 */
export const MINIMUM_BLOCKS = 5;

function base(spec: FigureSpec, test: FigureTest, confidence: number) {
  return {
    id: spec.id,
    label: spec.label,
    kind: spec.kind,
    unit: spec.unit,
    betterWhen: spec.betterWhen,
    metric: spec.metric,
    stat: spec.stat,
    targetIds: spec.targetIds,
    test,
    confidence,
  };
}

function valueOf(sample: FigureSample): { value: number | null; samples: number } {
  switch (sample.type) {
    case 'histogram': {
      const total = sample.values.total;
      return {
        value: total.count === 0 ? null : histogramPercentile(total, sample.p) * sample.scale,
        samples: total.count,
      };
    }
    case 'proportion':
      return { value: sample.x / sample.n, samples: sample.n };
    case 'rate':
      return { value: sample.events / sample.exposure, samples: sample.events };
    case 'count':
      return { value: sample.value, samples: sample.value };
    case 'value':
      return { value: sample.value, samples: sample.samples };
    case 'missing':
      return { value: null, samples: 0 };
  }
}

function untested(
  spec: FigureSpec,
  a: FigureSample,
  b: FigureSample,
  options: FigureTestOptions,
  note: string,
): TestedFigure {
  const va = valueOf(a);
  const vb = valueOf(b);
  const change = va.value === null || vb.value === null ? null : vb.value - va.value;
  return {
    ...base(spec, 'none', options.confidence),
    a: va.value,
    b: vb.value,
    samplesA: va.samples,
    samplesB: vb.samples,
    change,
    relativeChange: change === null || !va.value ? null : change / va.value,
    interval: null,
    pValue: null,
    note,
    tested: false,
  };
}

/**
 * Tests one figure of two runs with the test fit for its kind: percentiles by percentile
 * bootstrap resampling blocks of time, rates and shares by the two-proportion z test, event
 * rates (requests/s) and counts by the conditional Poisson test. All estimate B − A.
 */
export function compareFigure(
  spec: FigureSpec,
  a: FigureSample,
  b: FigureSample,
  options: FigureTestOptions,
): TestedFigure {
  if (a.type === 'missing' || b.type === 'missing') {
    return untested(
      spec,
      a,
      b,
      options,
      `not compared: ${a.type === 'missing' ? `A: ${a.note}` : ''}${a.type === 'missing' && b.type === 'missing' ? '; ' : ''}${b.type === 'missing' ? `B: ${b.note}` : ''}`,
    );
  }
  const va = valueOf(a);
  const vb = valueOf(b);
  const done = (test: FigureTest, interval: readonly [number, number], pValue: number): TestedFigure => {
    const change = vb.value! - va.value!;
    return {
      ...base(spec, test, options.confidence),
      a: va.value,
      b: vb.value,
      samplesA: va.samples,
      samplesB: vb.samples,
      change,
      relativeChange: va.value === 0 ? null : change / va.value!,
      interval,
      pValue: Math.min(1, Math.max(0, pValue)),
      tested: true,
    };
  };
  if (a.type === 'histogram' && b.type === 'histogram') {
    const countA = a.values.total.count;
    const countB = b.values.total.count;
    if (countA === 0 || countB === 0) {
      const empty = [countA === 0 ? 'A' : '', countB === 0 ? 'B' : ''].filter(Boolean).join(' and ');
      return untested(
        spec,
        a,
        b,
        options,
        `not compared: ${empty} has no ${spec.stat} samples (a run analyzed from an Artillery report holds its percentile summaries only)`,
      );
    }
    const needed = minimumPercentileSamples(a.p);
    if (countA < needed || countB < needed) {
      return untested(
        spec,
        a,
        b,
        options,
        `not compared: ${spec.stat} needs at least ${needed} samples per run (A ${countA}, B ${countB})`,
      );
    }
    const blocksA = a.values.blocks.length;
    const blocksB = b.values.blocks.length;
    if (blocksA < MINIMUM_BLOCKS || blocksB < MINIMUM_BLOCKS) {
      return untested(
        spec,
        a,
        b,
        options,
        `not compared: ${spec.stat} needs samples in at least ${MINIMUM_BLOCKS} blocks of time per run, to see what a pause of the machine does to it (A ${blocksA} of ${a.values.blockSeconds} s, B ${blocksB} of ${b.values.blockSeconds} s)`,
      );
    }
    const result = bootstrapPercentileTest(a.values, b.values, a.p, options);
    // Both runs share k (shapes are checked first), so the run-time difference scales by it.
    return done('bootstrap-percentile', [result.lower * a.scale, result.upper * a.scale], result.pValue);
  }
  if (a.type === 'proportion' && b.type === 'proportion') {
    if (a.n < MINIMUM_TRIALS || b.n < MINIMUM_TRIALS) {
      return untested(
        spec,
        a,
        b,
        options,
        `not compared: at least ${MINIMUM_TRIALS} trials per run needed (A ${a.n}, B ${b.n})`,
      );
    }
    const result = twoProportionTest(b.x, b.n, a.x, a.n, options.confidence);
    return done('two-proportion', [result.lower, result.upper], result.pValue);
  }
  if (a.type === 'rate' && b.type === 'rate') {
    const result = comparePoissonRates(a.events, a.exposure, b.events, b.exposure, options.confidence);
    return done('poisson-rate', [result.lower, result.upper], result.pValue);
  }
  if (a.type === 'count' && b.type === 'count') {
    // Counts of runs of the same shape: Poisson counts over equal exposure.
    const result = comparePoissonRates(a.value, 1, b.value, 1, options.confidence);
    return done('poisson-rate', [result.lower, result.upper], result.pValue);
  }
  return untested(spec, a, b, options, `not tested: no test for ${spec.stat} of ${spec.metric}`);
}
