import { UsageError } from '../errors.ts';
import { blockSecondsFor, runDurationSeconds } from '../results/index.ts';
import { holmAdjust } from '../stats/index.ts';
import { shapeDifferences } from './check-comparable.ts';
import type {
  ChangeVerdict,
  FigureComparison,
  MinimumEffects,
  OverallChange,
  RunComparison,
} from './comparison-types.ts';
import { compareFigure, type TestedFigure } from './compare-figure.ts';
import { keyFigureSpecs } from './figure-specs.ts';
import type { LoadedRun } from './load-run.ts';
import { DEFAULT_MINIMUM_EFFECTS, minimumEffectFor } from './minimum-effect.ts';
import { attachTargets } from './target-specs.ts';

export interface CompareRunsOptions {
  /** Compare runs of different scenarios or shapes anyway. */
  readonly force?: boolean;
  /** Family-wise error rate of the verdicts (Holm–Bonferroni). Default 0.05. */
  readonly alpha?: number;
  /** Of each figure's interval. Default 0.95. */
  readonly confidence?: number;
  /** Bootstrap replicates per percentile. Default 4,000. */
  readonly iterations?: number;
  /** Bootstrap seed; the same runs and seed give the same result. Default 1. */
  readonly seed?: number;
  readonly minimumEffects?: MinimumEffects;
}

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_SEED = 1;
export const DEFAULT_ITERATIONS = 4000;

function verdictOf(
  figure: TestedFigure,
  adjusted: number | null,
  minimumEffect: number | null,
  alpha: number,
): ChangeVerdict {
  if (!figure.tested || adjusted === null || figure.change === null) return 'not compared';
  const significant =
    adjusted <= alpha && figure.interval !== null && (figure.interval[0] > 0 || figure.interval[1] < 0);
  if (!significant || Math.abs(figure.change) < (minimumEffect ?? 0)) return 'no significant change';
  const worse = figure.betterWhen === 'lower' ? figure.change > 0 : figure.change < 0;
  return worse ? 'regressed' : 'improved';
}

function overallOf(figures: readonly FigureComparison[]): OverallChange {
  const regressed = figures.some((figure) => figure.verdict === 'regressed');
  const improved = figures.some((figure) => figure.verdict === 'improved');
  if (regressed && improved) return 'mixed';
  if (regressed) return 'worse';
  return improved ? 'better' : 'same';
}

/**
 * Compares run B with run A, figure by figure (latency percentiles per step, error rate, queue
 * waits, outcome shares, throughput, and every target), each with the change B − A, its
 * interval and a verdict. A figure is `regressed`/`improved` only when (1) its Holm–Bonferroni
 * adjusted p-value over all tested figures is ≤ α, so the chance of any false alarm in the
 * comparison stays ≤ α; (2) its own interval excludes 0; and (3) |B − A| reaches the minimum
 * effect (minimum-effect.ts). Refuses runs of different shapes unless `force`. Pure.
 */
export function compareRuns(a: LoadedRun, b: LoadedRun, options: CompareRunsOptions = {}): RunComparison {
  const differences = shapeDifferences(a.summary, b.summary);
  if (differences.length > 0 && !options.force) {
    throw new UsageError(
      'compare.different-runs',
      `the runs differ, so a comparison would not show the effect of a change: ${differences.join('; ')}`,
      ['compare runs of the same scenario and shape, or pass --force to compare them anyway'],
    );
  }
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const confidence = options.confidence ?? 0.95;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const seed = options.seed ?? DEFAULT_SEED;
  const effects = options.minimumEffects ?? DEFAULT_MINIMUM_EFFECTS;
  if (!(alpha > 0 && alpha < 1))
    throw new UsageError('compare.bad-alpha', `alpha must be between 0 and 1, got ${alpha}`);

  const specs = attachTargets(a, b, keyFigureSpecs(a, b));
  const tested = specs.map((spec) =>
    compareFigure(spec, spec.sample(a), spec.sample(b), { confidence, iterations, seed }),
  );
  const family = tested.filter((figure) => figure.tested);
  const adjusted = holmAdjust(family.map((figure) => figure.pValue ?? 1));
  const adjustedById = new Map(family.map((figure, index) => [figure.id, adjusted[index] ?? 1]));
  const figures: FigureComparison[] = tested.map(({ tested: _tested, ...figure }) => {
    const adjustedPValue = adjustedById.get(figure.id) ?? null;
    const minimumEffect = figure.a === null ? null : minimumEffectFor(figure.kind, figure.unit, figure.a, effects);
    return {
      ...figure,
      adjustedPValue,
      minimumEffect,
      verdict: verdictOf({ ...figure, tested: _tested }, adjustedPValue, minimumEffect, alpha),
    };
  });
  return {
    a: a.reference,
    b: b.reference,
    figures,
    method: {
      correction: 'holm-bonferroni',
      alpha,
      family: family.length,
      confidence,
      bootstrap: {
        iterations,
        seed,
        blockSeconds: {
          a: blockSecondsFor(runDurationSeconds(a.ingest)),
          b: blockSecondsFor(runDurationSeconds(b.ingest)),
        },
      },
      minimumEffect: effects,
    },
    overall: overallOf(figures),
    forcedDifferences: differences,
  };
}
