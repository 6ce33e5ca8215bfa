import {
  compareWithThreshold,
  fitLinearTrend,
  projectTrend,
  type Comparator,
  type LinearTrend,
} from '../stats/index.ts';
import type { TargetResult } from '../report/index.ts';
import type { HistoryRun } from './find-runs.ts';

/** How far ahead a trend is projected: a number of further runs, or of days after the last run. */
export type TrendHorizon =
  { readonly kind: 'runs'; readonly runs: number } | { readonly kind: 'days'; readonly days: number };

/** Trends are fitted to at most this many of the latest runs, so an old regime does not bend the line. */
export const TREND_WINDOW_RUNS = 20;
/** Fewest runs with a measurement before a trend is fitted. */
export const MIN_TREND_RUNS = 3;

export interface TrendPoint {
  /** Run number (0 = the scenario's first run) or days since its first run, per the horizon. */
  readonly x: number;
  readonly startedAt: string;
  readonly value: number;
}

/** One target of one scenario followed over its runs. */
export interface TargetTrend {
  readonly targetId: string;
  readonly description: string;
  readonly unit: string;
  /** op and threshold as the latest run judged them. */
  readonly op: Comparator;
  readonly threshold: number;
  readonly points: readonly TrendPoint[];
  /**
   * `warning`: met now, but the fitted line misses the target within the horizon;
   * `missed`: the latest run missed it; `ok`: met and stays met; `too-few-runs`.
   */
  readonly status: 'warning' | 'missed' | 'ok' | 'too-few-runs';
  readonly trend: LinearTrend | null;
  /** The line's value at the horizon. */
  readonly projected: number | null;
  /** Runs or days after the last run until the line reaches the threshold (0 when it already has); null when it does not within the horizon. */
  readonly crossingIn: number | null;
  readonly lastX: number;
  readonly horizonX: number;
}

const DAY_MS = 86_400_000;

/**
 * Follows every target of one scenario's runs (oldest first): fits a least-squares line to
 * the measured values of the latest TREND_WINDOW_RUNS runs against the run number (horizon
 * in runs) or the days since the first run (horizon in days), projects it to the horizon
 * and flags a target the latest run met but the line misses by then.
 */
export function followTargets(runs: readonly HistoryRun[], horizon: TrendHorizon): TargetTrend[] {
  const firstMs = runs.length > 0 ? Date.parse(runs[0]!.summary.startedAt) : 0;
  const xOf = (run: HistoryRun, index: number): number =>
    horizon.kind === 'runs' ? index : (Date.parse(run.summary.startedAt) - firstMs) / DAY_MS;
  const lastX = runs.length > 0 ? xOf(runs[runs.length - 1]!, runs.length - 1) : 0;
  const horizonX = lastX + (horizon.kind === 'runs' ? horizon.runs : horizon.days);
  const ids: string[] = [];
  for (const run of runs) for (const target of run.summary.targets) if (!ids.includes(target.id)) ids.push(target.id);
  return ids.map((targetId) => {
    const points: TrendPoint[] = [];
    let last: TargetResult | undefined;
    for (const [index, run] of runs.entries()) {
      const target = run.summary.targets.find((each) => each.id === targetId);
      if (target === undefined) continue;
      last = target;
      if (target.measured !== null)
        points.push({ x: xOf(run, index), startedAt: run.summary.startedAt, value: target.measured });
    }
    if (last === undefined) throw new RangeError(`target ${targetId} is in no run`);
    const base = {
      targetId,
      description: last.description,
      unit: last.unit,
      op: last.op,
      threshold: last.threshold,
      points,
      lastX,
      horizonX,
    };
    const lastPoint = points[points.length - 1];
    const missed = last.measured === null ? false : !compareWithThreshold(last.measured, last.op, last.threshold);
    const window = points.slice(-TREND_WINDOW_RUNS);
    const trend =
      window.length >= MIN_TREND_RUNS
        ? fitLinearTrend(
            window.map((point) => point.x),
            window.map((point) => point.value),
          )
        : null;
    if (trend === null || lastPoint === undefined) {
      return { ...base, status: missed ? 'missed' : 'too-few-runs', trend, projected: null, crossingIn: null } as const;
    }
    const projection = projectTrend(trend, last, lastX, horizonX);
    const lineMetNow = compareWithThreshold(trend.intercept + trend.slope * lastX, last.op, last.threshold);
    // Met by the latest run, yet the line misses by the horizon (or already has, noise aside).
    const warning =
      !missed &&
      (projection.crosses || (!lineMetNow && !compareWithThreshold(projection.projected, last.op, last.threshold)));
    const crossingIn = warning && projection.crossingX !== null ? Math.max(0, projection.crossingX - lastX) : null;
    return {
      ...base,
      status: missed ? 'missed' : warning ? 'warning' : 'ok',
      trend,
      projected: projection.projected,
      crossingIn,
    } as const;
  });
}
