/**
 * `saleready gate`: the CI release gate. Runs a scenario, judges its targets, compares it with
 * a baseline run, and exits 0 (pass) or 1 (a target missed or a significant regression), 2/3/4
 * as elsewhere. Writes junit.xml, gate.md and gate.json (so a failed run never becomes the
 * next `latest` baseline) into the run folder, and appends gate.md to
 * $GITHUB_STEP_SUMMARY when that is set.
 */
import { appendFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../../errors.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';
import { repoRoot } from '../repo-root.ts';
import { collectRepeated, withInterrupt } from '../interrupt.ts';
import { formatRunProgress } from '../run-output.ts';
import { prepareOutDir } from '../out-path.ts';
import { withVerdictGuard } from './run.ts';

interface GateFlags {
  scenario?: string;
  baseline: string;
  out: string;
  set: string[];
  target?: string;
  allowRemote?: boolean;
  lang?: string;
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

async function gate(flags: GateFlags, output: Output): Promise<number> {
  const lang = parseLanguage(flags.lang);
  await prepareOutDir('--out', flags.out);
  const scenarioPath = flags.scenario ?? join(repoRoot, 'scenarios', 'smoke.ts');
  const compare = await import('../../compare/index.ts');
  const { loadScenario } = await import('../../scenario/index.ts');
  // An explicit baseline of another scenario is refused before any load is generated.
  if (flags.baseline !== 'latest') {
    const baseline = compare.readRunSummary(flags.baseline);
    const scenario = await loadScenario(scenarioPath);
    if (baseline.scenario.name !== scenario.name) {
      throw new UsageError(
        'compare.gate-baseline-mismatch',
        `the baseline ${flags.baseline} is a run of scenario "${baseline.scenario.name}", the gate runs "${scenario.name}"`,
        ['pass a baseline run of the same scenario, or --baseline latest'],
      );
    }
  }
  return withInterrupt(output, async (signal) => {
    const { runScenario } = await import('../run-scenario.ts');
    const result = await runScenario({
      scenarioPath,
      targetUrl: flags.target,
      allowRemote: flags.allowRemote,
      outDir: flags.out,
      shopOverrides: flags.set,
      lang,
      signal,
      onEvent: (line) => output.out(line),
      onProgress: (progress) => output.out(formatRunProgress(progress)),
    });
    const runExit = signal.aborted ? ExitCode.interrupted : result.exitCode;
    const notes: string[] = [];
    let baselineDir: string | null = flags.baseline === 'latest' ? null : flags.baseline;
    if (flags.baseline === 'latest' && runExit !== ExitCode.interrupted) {
      baselineDir = compare.findLatestBaseline(flags.out, { dir: result.runDir, summary: result.summary });
      if (baselineDir === null)
        notes.push(
          `no earlier passing run of scenario "${result.summary.scenario.name}" with this shape under ${flags.out}: judged on targets only`,
        );
    }
    let comparison = null;
    if (baselineDir !== null && runExit !== ExitCode.interrupted) {
      const [a, b] = await Promise.all([compare.loadRun(baselineDir), compare.loadRun(result.runDir)]);
      comparison = compare.compareRuns(a, b);
      await compare.writeCompareFiles(result.runDir, comparison, { a: a.summary, b: b.summary }, lang);
    }
    const decision = compare.decideGate(result.summary, runExit, comparison, notes);
    const markdown = compare.renderGateMarkdown(result.summary, comparison, decision, basename(result.runDir));
    await writeFile(join(result.runDir, 'junit.xml'), compare.renderGateJunit(result.summary, comparison, decision));
    await writeFile(join(result.runDir, 'gate.md'), markdown);
    const gateResult = {
      pass: decision.pass,
      exitCode: decision.exitCode,
      reasons: decision.reasons,
      notes: decision.notes,
      baseline: baselineDir === null ? null : basename(baselineDir),
    };
    await writeFile(join(result.runDir, compare.GATE_RESULT_FILE), `${JSON.stringify(gateResult, null, 2)}\n`);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);

    output.out(
      `gate: ${decision.pass ? '✔ PASS' : '✘ FAIL'} · ${result.summary.scenario.name} · run ${shown(result.runDir)}`,
    );
    if (comparison) output.out(`  ${compare.comparisonHeadline(comparison, lang)} (baseline ${shown(baselineDir!)})`);
    for (const reason of decision.reasons) output.out(`  ✘ ${reason}`);
    for (const note of decision.notes) output.out(`  · ${note}`);
    output.out(
      `  junit: ${shown(join(result.runDir, 'junit.xml'))} · summary: ${shown(join(result.runDir, 'gate.md'))}${comparison ? ` · comparison: ${shown(join(result.runDir, 'compare.html'))}` : ''}`,
    );
    return decision.exitCode;
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
    .action(async (flags: GateFlags) => {
      output.exitCode = await withVerdictGuard(output, () => gate(flags, output));
    });
}
