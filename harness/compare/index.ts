/** harness/compare — two runs compared figure by figure, with statistics; the gate's verdict. */
export type {
  Bilingual,
  BetterWhen,
  ChangeVerdict,
  ComparisonMethod,
  FigureComparison,
  FigureKind,
  FigureTest,
  FigureUnit,
  MinimumEffects,
  OverallChange,
  RunComparison,
  RunReference,
} from './comparison-types.ts';
export { loadRun, readRunSummary, runReference, type LoadedRun } from './load-run.ts';
export { shapeDifferences } from './check-comparable.ts';
export {
  DEFAULT_MINIMUM_EFFECTS,
  describeMinimumEffects,
  minimumEffectFor,
  withLatencyFloor,
} from './minimum-effect.ts';
export { minimumPercentileSamples } from './compare-figure.ts';
export {
  compareRuns,
  DEFAULT_ALPHA,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  type CompareRunsOptions,
} from './compare-runs.ts';
export { comparisonHeadline, describeFigureChange, figuresWithVerdict } from './comparison-headline.ts';
export { formatChange, formatFigureValue, formatPValue } from './format-change.ts';
export { compareLabelsFor, type CompareLabels } from './compare-labels.ts';
export { renderCompareText, describeRun } from './render-compare-text.ts';
export { renderCompareMarkdown } from './render-compare-markdown.ts';
export { renderCompareHtml } from './render-compare-html.ts';
export { buildCompareChartSpecs, type CompareChartSpec } from './compare-chart-specs.ts';
export { writeCompareFiles, defaultCompareDir, type CompareFiles } from './write-compare-files.ts';
export { findLatestBaseline, GATE_RESULT_FILE } from './find-baseline.ts';
export { decideGate, type GateDecision } from './gate-decision.ts';
export { renderGateJunit } from './render-gate-junit.ts';
export { renderGateMarkdown } from './render-gate-markdown.ts';
