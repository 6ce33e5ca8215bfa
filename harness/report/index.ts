/** harness/report — summary.json, the HTML report with charts, markdown and JUnit XML. */
export {
  summarySchema,
  parseRunSummary,
  SUMMARY_SCHEMA_VERSION,
  OUTCOMES,
  type RunSummary,
  type TargetResult,
  type Distribution,
  type ActorFigures,
  type TimelinePoint,
  type Outcome,
  type RequestGroup,
  type RequestGroups,
} from './run-summary.ts';
export { buildRunSummary, flattenNumbers, type BuildRunSummaryInput } from './build-run-summary.ts';
export { type QueueLengthSample } from './build-timeline.ts';
export { buildChartSpecs, type ChartSpec } from './chart-specs.ts';
export { renderChartSvg } from './render-chart.ts';
export { renderHtmlReport, type RenderReportOptions } from './render-html-report.ts';
export { renderMarkdownReport } from './render-markdown-report.ts';
export { renderJunit } from './render-junit.ts';
export { writeReportFiles, type ReportFiles } from './write-report-files.ts';
export { labelsFor } from './labels.ts';
export { formatDuration, formatValue } from './format-figures.ts';
export { renderConsoleSummary } from './render-console-summary.ts';
export { renderCapacityFitText } from './capacity-fit-text.ts';
export { formatCapacityStep, renderCapacityProfileText } from './capacity-profile-text.ts';
export { buildCrowdFigures } from './crowd-figures.ts';
export type { CrowdFiguresOptions } from './crowd-figures.ts';
export type { BrowserJourney, CrowdFigures, ProbeReportSummary } from './run-summary.ts';
export {
  escapeHtml,
  escapeXml,
  escapeMarkdownCell,
  escapeMarkdownText,
  markdownCode,
  oneLine,
  stripControlCharacters,
} from './escape.ts';
export { CHART_FONT } from './chart-specs.ts';
export { writeAnalyzedReportFiles, renderAnalyzedMarkdown } from './write-analyzed-report-files.ts';
export { renderAnalyzedHtml } from './render-analyzed-html.ts';
export { REPORT_STYLE, VERDICT_COLOURS } from './report-style.ts';
export { buildGroupChartSpecs, MAX_GROUP_CHARTS } from './group-chart-specs.ts';
export { recommendFromRun } from './run-recommendations.ts';
export type { RunSettings } from './run-recommendations.ts';
export type { Recommendation } from './run-summary.ts';
export { renderCapacityHtml } from './render-capacity-html.ts';
export { renderPlanHtml } from './render-plan-html.ts';
export { renderPlanMarkdown, renderPlanText } from './render-plan-text.ts';
export { buildPlanReport } from './plan-report.ts';
export type { PlanReport, PlanReportSection } from './plan-report.ts';
export { buildPlanChartSpecs } from './plan-chart-specs.ts';
export { buildRunHeadline } from './run-headline.ts';
export { shopFigureRows } from './shop-figure-words.ts';
export { summarizeQueueWaitOverEveryone } from './wait-over-everyone.ts';
