/**
 * `saleready run <scenario>` and `saleready demo`: the main job, with live progress, Ctrl-C
 * stops Artillery (partial results kept, exit 4), and the verdict on screen.
 */
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors.ts';
import { parseLanguage, type Language } from '../language.ts';
import type { Output } from '../output.ts';
import { collectRepeated, withInterrupt } from '../interrupt.ts';
import { formatRunProgress, formatRunResult } from '../run-output.ts';
import { repoRoot } from '../repo-root.ts';

interface RunFlags {
  set?: string[];
  target?: string;
  allowRemote?: boolean;
  out?: string;
  lang?: string;
}

async function runWithProgress(scenarioPath: string, flags: RunFlags, output: Output, language: Language): Promise<number> {
  return withInterrupt(output, async (signal) => {
    // Loaded on use, so `saleready --help` and other commands start without the run pipeline.
    const { runScenario } = await import('../run-scenario.ts');
    const result = await runScenario({
      scenarioPath,
      targetUrl: flags.target,
      allowRemote: flags.allowRemote,
      outDir: flags.out,
      shopOverrides: flags.set,
      lang: language,
      signal,
      onEvent: (line) => output.out(line),
      onProgress: (progress) => output.out(formatRunProgress(progress)),
    });
    for (const line of formatRunResult(result.summary, language)) output.out(line);
    output.out(`report: ${relative(process.cwd(), join(result.runDir, 'report.html')) || 'report.html'}`);
    return signal.aborted ? ExitCode.interrupted : result.exitCode;
  });
}

export function registerRunCommands(program: Command, output: Output): void {
  program
    .command('run <scenario>')
    .description('run a sale scenario (.ts, .yaml, .json) through Artillery and judge it against its targets')
    .option('-t, --target <url>', 'the shop to load (default: start the embedded reference shop)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('-o, --out <dir>', 'where run folders go', 'reports')
    .option('-s, --set <key=value>', 'embedded shop setting as run, e.g. --set service.s0Ms=20 --set defences.perAddressLimit=false', collectRepeated, [])
    .option('--lang <lang>', 'report language: en or ko (default from the environment)')
    .action(async (scenario: string, flags: RunFlags) => {
      const language = parseLanguage(flags.lang);
      output.exitCode = await runWithProgress(scenario, flags, output, language);
    });

  program
    .command('demo')
    .description('the flash-sale scenario against the embedded reference shop, ending in a report')
    .option('--lang <lang>', 'report language: en or ko (default from the environment)')
    .action(async (flags: { lang?: string }) => {
      const language = parseLanguage(flags.lang);
      const code = await runWithProgress(join(repoRoot, 'scenarios', 'flash-sale.ts'), { out: join(repoRoot, 'reports'), lang: flags.lang }, output, language);
      // The demo shows a sale that fails on purpose; a missed target is its result, not an error.
      output.exitCode = code === ExitCode.targetMissed ? ExitCode.ok : code;
    });
}
