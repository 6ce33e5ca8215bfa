/** harness/history — the performance trend report over every run folder: trends per scenario and warnings before a target is crossed. */
export { findRuns, type FoundRuns, type HistoryRun, type SkippedFolder } from './find-runs.ts';
export { keyFiguresOf, targetRulesOf, type KeyFigure, type RunKeyFigures, type TargetRule } from './key-figures.ts';
export {
  followTargets,
  MIN_TREND_RUNS,
  TREND_WINDOW_RUNS,
  type TargetTrend,
  type TrendHorizon,
  type TrendPoint,
} from './target-trends.ts';
export { buildHistoryCharts, MAX_LATENCY_SERIES } from './history-charts.ts';
export { buildHistoryModel, type HistoryModel, type ScenarioHistory } from './history-model.ts';
export { renderHistoryHtml, describeHorizon } from './render-history-html.ts';
