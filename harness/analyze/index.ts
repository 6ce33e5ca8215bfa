/** harness/analyze — any k6 run's raw output (JSON or CSV, one or several instances), or an Artillery report, as a saleready run. */
export { analyzeK6Run, defaultRunName, type AnalyzeK6RunOptions, type AnalyzedK6Run } from './analyze-run.ts';
export { detectOutputFormat, type K6OutputFormat, type OutputFormat } from './detect-format.ts';
export {
  analyzeArtilleryReport,
  ARTILLERY_PERCENTILES_NOTE,
  type AnalyzeArtilleryReportOptions,
} from './analyze-artillery-report.ts';
export { buildArtilleryGroups, chooseArtilleryGroupTags, ARTILLERY_PERIOD_SECONDS } from './artillery-groups.ts';
export { evaluateArtilleryTargets } from './artillery-targets.ts';
export { keepRawOutput, ARTILLERY_RECORDS_FILE, ARTILLERY_REPORT_FILE } from './keep-raw-output.ts';
export { parseK6Threshold, splitSelectorAndThreshold, type ParsedThreshold } from './k6-threshold.ts';
export { buildRequestGroups, chooseGroupTags, groupKey, GROUP_TAGS } from './request-groups.ts';
export { resolveTargetUnits, tagKeysOfTargets } from './target-units.ts';
export { parseTargetsFile, type TargetDraft } from './targets-file.ts';
