import type { FoundRuns, HistoryRun, SkippedFolder } from './find-runs.ts';
import { followTargets, type TargetTrend, type TrendHorizon } from './target-trends.ts';

/** One scenario's runs (oldest first) and its targets followed over them. */
export interface ScenarioHistory {
  readonly name: string;
  readonly runs: readonly HistoryRun[];
  readonly trends: readonly TargetTrend[];
}

/** Everything the history page shows. */
export interface HistoryModel {
  readonly horizon: TrendHorizon;
  /** Every run, newest first (the table). */
  readonly runs: readonly HistoryRun[];
  readonly scenarios: readonly ScenarioHistory[];
  readonly skipped: readonly SkippedFolder[];
  /** Every trend warning, for the top of the page. */
  readonly warnings: readonly { readonly scenario: string; readonly trend: TargetTrend }[];
}

/** Groups the runs by scenario name and follows each scenario's targets to the horizon. */
export function buildHistoryModel(found: FoundRuns, horizon: TrendHorizon): HistoryModel {
  const byScenario = new Map<string, HistoryRun[]>();
  for (const run of found.runs) {
    const list = byScenario.get(run.summary.scenario.name) ?? [];
    list.push(run);
    byScenario.set(run.summary.scenario.name, list);
  }
  const scenarios = [...byScenario]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, runs]) => ({ name, runs, trends: followTargets(runs, horizon) }));
  return {
    horizon,
    runs: [...found.runs].reverse(),
    scenarios,
    skipped: found.skipped,
    warnings: scenarios.flatMap((scenario) =>
      scenario.trends
        .filter((trend) => trend.status === 'warning')
        .map((trend) => ({ scenario: scenario.name, trend })),
    ),
  };
}
