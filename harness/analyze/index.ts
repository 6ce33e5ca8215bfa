/** harness/analyze — any k6 run's raw output (JSON or CSV, one or several instances) as a saleready run. */
export { analyzeK6Run, defaultRunName, type AnalyzeK6RunOptions, type AnalyzedK6Run } from './analyze-run.ts';
export { detectK6OutputFormat, type K6OutputFormat } from './detect-format.ts';
export { keepRawOutput } from './keep-raw-output.ts';
export { parseK6Threshold, splitSelectorAndThreshold, type ParsedThreshold } from './k6-threshold.ts';
export { buildRequestGroups, chooseGroupTags, groupKey, GROUP_TAGS } from './request-groups.ts';
export { resolveTargetUnits, tagKeysOfTargets } from './target-units.ts';
export { parseTargetsFile, type TargetDraft } from './targets-file.ts';
