/** harness/k6 — compile a run plan to a k6 script, find k6, run it with live progress. */
export { compileScenario, SCRIPT_FILE, SUMMARY_PATH_ENV, TARGET_URL_ENV } from './compile-scenario.ts';
export type { CompileScenarioOptions, CompiledScenario } from './compile-scenario.ts';
export { writeCompiledScenario } from './write-compiled.ts';
export { runK6, findFreePort } from './run-k6.ts';
export type { K6RunResult, RunK6Options } from './run-k6.ts';
export { fetchK6Progress, parseK6Metrics } from './k6-progress.ts';
export type { K6Progress } from './k6-progress.ts';
export { K6_EXIT, errorForK6Exit, lastK6Error } from './k6-exit-codes.ts';
export { buildArrivalStages, formatDuration } from './arrival-stages.ts';
export type { ArrivalStages, K6Stage } from './arrival-stages.ts';
export { DEFAULT_MAX_VUS, peakConcurrency, sizeVus } from './size-vus.ts';
export type { VuSizing } from './size-vus.ts';
export { buildThresholds, countingThresholds, thresholdForTarget } from './k6-thresholds.ts';
export type { K6Threshold } from './k6-thresholds.ts';
export { buildK6, findK6, k6Candidates, PINNED_K6_MODULES, readK6Version, requireK6 } from './locate-k6.ts';
export type { K6Binary } from './locate-k6.ts';
export { CAPACITY_STEPS, compileCapacityStep } from './compile-capacity-step.ts';
export type { CapacityStep, CapacityStepOptions } from './compile-capacity-step.ts';
