/**
 * The CI release gate, stage by stage: refuse a baseline of another scenario before any load,
 * run the scenario (run-scenario.ts), find the baseline ("latest": the newest earlier passing
 * run of the same scenario and shape), compare the two runs, decide, and write junit.xml,
 * gate.md and gate.json (so a failed run never becomes the next `latest` baseline) into the run
 * folder — gate.md also appended to the GitHub step summary when one is given.
 * Prints nothing itself: events and progress go to callbacks, the caller prints and exits.
 */
import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  compareRuns,
  decideGate,
  findLatestBaseline,
  GATE_RESULT_FILE,
  loadRun,
  readRunSummary,
  renderGateJunit,
  renderGateMarkdown,
  withLatencyFloor,
  writeCompareFiles,
  type GateDecision,
  type RunComparison,
} from '../compare/index.ts';
import { ExitCode, UsageError } from '../errors.ts';
import type { RunSummary } from '../report/index.ts';
import { loadScenario } from '../scenario/index.ts';
import type { Language } from '../vocabulary.ts';
import { writeWhole } from './disk-full.ts';
import { runScenario, type RunProgress } from './run-scenario.ts';

export interface GateRunOptions {
  readonly scenarioPath: string;
  /** A run folder to compare with, or `latest`: the newest earlier passing run of the scenario under `outDir`. */
  readonly baseline: string;
  readonly outDir: string;
  readonly targetUrl?: string;
  readonly allowRemote?: boolean;
  /** `key=value` settings for the embedded shop as run, e.g. `service.s0Ms=20`. */
  readonly shopOverrides?: readonly string[];
  /** The latency floor of a change that counts (`--min-latency-ms`); default compare's 20 ms. */
  readonly minLatencyMs?: number;
  readonly lang: Language;
  /** A file gate.md is appended to (GitHub Actions' $GITHUB_STEP_SUMMARY), if any. */
  readonly stepSummaryPath?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly onEvent?: (line: string) => void;
}

export interface GateRunResult {
  readonly runDir: string;
  readonly summary: RunSummary;
  readonly decision: GateDecision;
  /** The comparison with the baseline; null when there was none (no earlier run, or the run was interrupted). */
  readonly comparison: RunComparison | null;
  readonly baselineDir: string | null;
  /** The files written into the run folder; `comparison` is compare.html, when there was a comparison. */
  readonly files: { readonly junit: string; readonly markdown: string; readonly comparison: string | null };
  /** 0 pass, 1 a target missed or a significant regression, 2/3/4 as elsewhere. */
  readonly exitCode: number;
}

/** An explicit baseline of another scenario is refused before any load is generated. */
export async function checkGateBaseline(scenarioPath: string, baseline: string): Promise<void> {
  if (baseline === 'latest') return;
  const baselineSummary = readRunSummary(baseline);
  const scenario = await loadScenario(scenarioPath);
  if (baselineSummary.scenario.name !== scenario.name) {
    throw new UsageError(
      'compare.gate-baseline-mismatch',
      `the baseline ${baseline} is a run of scenario "${baselineSummary.scenario.name}", the gate runs "${scenario.name}"`,
      ['pass a baseline run of the same scenario, or --baseline latest'],
    );
  }
}

export async function runGate(options: GateRunOptions): Promise<GateRunResult> {
  const { lang, signal } = options;
  const result = await runScenario({
    scenarioPath: options.scenarioPath,
    targetUrl: options.targetUrl,
    allowRemote: options.allowRemote,
    outDir: options.outDir,
    shopOverrides: options.shopOverrides,
    lang,
    signal,
    onEvent: options.onEvent,
    onProgress: options.onProgress,
  });
  const runExit = signal?.aborted ? ExitCode.interrupted : result.exitCode;
  const notes: string[] = [];
  let baselineDir: string | null = options.baseline === 'latest' ? null : options.baseline;
  if (options.baseline === 'latest' && runExit !== ExitCode.interrupted) {
    baselineDir = findLatestBaseline(options.outDir, { dir: result.runDir, summary: result.summary });
    if (baselineDir === null)
      notes.push(
        `no earlier passing run of scenario "${result.summary.scenario.name}" with this shape under ${options.outDir}: judged on targets only`,
      );
  }
  let comparison: RunComparison | null = null;
  let comparisonFile: string | null = null;
  if (baselineDir !== null && runExit !== ExitCode.interrupted) {
    const [a, b] = await Promise.all([loadRun(baselineDir), loadRun(result.runDir)]);
    comparison = compareRuns(a, b, { minimumEffects: withLatencyFloor(options.minLatencyMs) });
    comparisonFile = (await writeCompareFiles(result.runDir, comparison, { a: a.summary, b: b.summary }, lang)).html;
  }
  const decision = decideGate(result.summary, runExit, comparison, notes);
  const markdown = renderGateMarkdown(result.summary, comparison, decision, basename(result.runDir));
  const files = {
    junit: join(result.runDir, 'junit.xml'),
    markdown: join(result.runDir, 'gate.md'),
    comparison: comparisonFile,
  };
  // whole or not at all: on a full disk a CI must not read a cut junit.xml or gate.json as whole
  await writeWhole(files.junit, renderGateJunit(result.summary, comparison, decision));
  await writeWhole(files.markdown, markdown);
  const gateResult = {
    pass: decision.pass,
    exitCode: decision.exitCode,
    reasons: decision.reasons,
    notes: decision.notes,
    baseline: baselineDir === null ? null : basename(baselineDir),
  };
  await writeWhole(join(result.runDir, GATE_RESULT_FILE), `${JSON.stringify(gateResult, null, 2)}\n`);
  if (options.stepSummaryPath) appendFileSync(options.stepSummaryPath, `${markdown}\n`);
  return {
    runDir: result.runDir,
    summary: result.summary,
    decision,
    comparison,
    baselineDir,
    files,
    exitCode: decision.exitCode,
  };
}
