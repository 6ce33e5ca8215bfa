/**
 * `saleready gate`: the CI release gate. Runs a scenario, judges its targets, compares it with
 * a baseline run, and exits 0 (pass) or 1 (a target missed or a significant regression), 2/3/4
 * as elsewhere. The work — the run, the baseline, the decision and the files it writes
 * (junit.xml, gate.md, gate.json; gate.md also to $GITHUB_STEP_SUMMARY when that is set) — is
 * harness/cli/gate-run.ts; this file reads the flags and prints the verdict.
 */
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';
import { repoRoot } from '../repo-root.ts';
import { collectRepeated, withInterrupt } from '../interrupt.ts';
import { formatRunProgress } from '../run-output.ts';
import { prepareOutDir } from '../out-path.ts';
import { MIN_LATENCY_FLAG, MIN_LATENCY_HELP, parseMinLatencyFlag } from '../number-flag.ts';
import { withVerdictGuard } from './run.ts';

interface GateFlags {
  scenario?: string;
  baseline: string;
  out: string;
  set: string[];
  target?: string;
  allowRemote?: boolean;
  lang?: string;
  minLatencyMs?: string;
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

async function gate(flags: GateFlags, output: Output): Promise<number> {
  const lang = parseLanguage(flags.lang);
  const minLatencyMs = parseMinLatencyFlag(flags.minLatencyMs);
  await prepareOutDir('--out', flags.out);
  const scenarioPath = flags.scenario ?? join(repoRoot, 'scenarios', 'smoke.ts');
  // Loaded on use, so `saleready --help` and other commands start without the run pipeline.
  const { checkGateBaseline, runGate } = await import('../gate-run.ts');
  const { comparisonHeadline } = await import('../../compare/index.ts');
  await checkGateBaseline(scenarioPath, flags.baseline);
  return withInterrupt(output, async (signal) => {
    const result = await runGate({
      scenarioPath,
      baseline: flags.baseline,
      outDir: flags.out,
      targetUrl: flags.target,
      allowRemote: flags.allowRemote,
      shopOverrides: flags.set,
      minLatencyMs,
      lang,
      stepSummaryPath: process.env.GITHUB_STEP_SUMMARY,
      signal,
      onEvent: (line) => output.out(line),
      onProgress: (progress) => output.out(formatRunProgress(progress)),
    });
    const { decision, comparison, files } = result;
    output.out(
      `gate: ${decision.pass ? '✔ PASS' : '✘ FAIL'} · ${result.summary.scenario.name} · run ${shown(result.runDir)}`,
    );
    if (comparison) output.out(`  ${comparisonHeadline(comparison, lang)} (baseline ${shown(result.baselineDir!)})`);
    for (const reason of decision.reasons) output.out(`  ✘ ${reason}`);
    for (const note of decision.notes) output.out(`  · ${note}`);
    output.out(
      `  junit: ${shown(files.junit)} · summary: ${shown(files.markdown)}${files.comparison ? ` · comparison: ${shown(files.comparison)}` : ''}`,
    );
    return result.exitCode;
  });
}

export function registerGateCommand(program: Command, output: Output): void {
  program
    .command('gate')
    .description(
      'CI gate: run a scenario, judge its targets, compare with a baseline run; exit 0 pass, 1 a target missed or a significant regression',
    )
    .option('--scenario <file>', 'the scenario to run (default scenarios/smoke.ts)')
    .option(
      '--baseline <run>',
      'a run folder to compare with, or "latest": the newest earlier passing run of the scenario under --out',
      'latest',
    )
    .option('-o, --out <dir>', 'where run folders go (and where "latest" looks)', 'reports')
    .option('-s, --set <key=value>', 'embedded shop setting as run, e.g. --set service.s0Ms=20', collectRepeated, [])
    .option('-t, --target <url>', 'the shop to load (default: start the embedded reference shop)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('--lang <lang>', 'language of the reports: en or ko (default from the environment)')
    .option(MIN_LATENCY_FLAG, MIN_LATENCY_HELP)
    .action(async (flags: GateFlags) => {
      output.exitCode = await withVerdictGuard(output, () => gate(flags, output));
    });
}
