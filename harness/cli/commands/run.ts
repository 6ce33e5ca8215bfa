/**
 * `saleready run <scenario>` and `saleready demo`: the main job, with live progress, Ctrl-C
 * stops Artillery (partial results kept, exit 4), and the verdict on screen.
 * With `--on aws-fargate|aws-lambda --count N --region R`, the crowd is split into N exact
 * shares and run by Artillery's own AWS runners (harness/cli/run-cloud.ts); `--plan-only`
 * prints the command, the shares and Artillery's bill of materials without any cloud call.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../../errors.ts';
import { parseLanguage, type Language } from '../language.ts';
import type { Output } from '../output.ts';
import { collectRepeated, withInterrupt } from '../interrupt.ts';
import { formatRunProgress, formatRunResult } from '../run-output.ts';
import { prepareOutDir } from '../out-path.ts';
import { repoRoot } from '../repo-root.ts';
import { RUNNER_FLAGS, type RunnerFlagValues } from '../../engine/index.ts';

interface RunFlags {
  set?: string[];
  target?: string;
  allowRemote?: boolean;
  out?: string;
  lang?: string;
  on?: string;
  count?: string;
  region?: string;
  planOnly?: boolean;
  instanceCredentials?: boolean;
  pdf?: boolean;
  [runnerFlag: string]: unknown;
}

/** commander's camelCase name of an Artillery runner flag (`subnet-ids` → subnetIds; `no-assign-public-ip` → assignPublicIp). */
function optionKey(name: string): string {
  return name.replace(/^no-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The runner flags given on the command line, by Artillery's names. */
function runnerFlagValues(flags: RunFlags): RunnerFlagValues {
  const values: Record<string, string | readonly string[] | true> = {};
  for (const flag of RUNNER_FLAGS) {
    const value = flags[optionKey(flag.name)];
    if (flag.name.startsWith('no-')) {
      if (value === false) values[flag.name] = true;
    } else if (value === true) values[flag.name] = true;
    else if (typeof value === 'string') values[flag.name] = value;
    else if (Array.isArray(value) && value.length > 0) values[flag.name] = value as string[];
  }
  return values;
}

/** report.pdf beside report.html in the run folder, printed by Chromium (harness/cli/print-pdf.ts). */
async function printReportPdf(runDir: string, output: Output): Promise<void> {
  const { writePdf } = await import('../print-pdf.ts');
  const pdfPath = join(runDir, 'report.pdf');
  await writePdf(await readFile(join(runDir, 'report.html'), 'utf8'), pdfPath);
  output.out(`pdf: ${relative(process.cwd(), pdfPath) || pdfPath}`);
}

async function runInCloud(scenarioPath: string, flags: RunFlags, output: Output, language: Language): Promise<number> {
  return withInterrupt(output, async (signal) => {
    const { runCloud } = await import('../run-cloud.ts');
    const { formatCloudPlan } = await import('../cloud-plan-output.ts');
    const result = await runCloud({
      scenarioPath,
      on: flags.on as string,
      count: flags.count,
      region: flags.region,
      targetUrl: flags.target,
      allowRemote: flags.allowRemote,
      planOnly: flags.planOnly,
      instanceCredentials: flags.instanceCredentials,
      outDir: flags.out,
      shopOverrides: flags.set,
      lang: language,
      runnerFlags: runnerFlagValues(flags),
      signal,
      onEvent: (line) => output.out(line),
    });
    if (result.kind === 'plan') {
      for (const line of formatCloudPlan(result, { planOnly: true })) output.out(line);
      return ExitCode.ok;
    }
    for (const line of formatRunResult(result.summary, language)) output.out(line);
    output.out(`report: ${relative(process.cwd(), join(result.runDir, 'report.html')) || 'report.html'}`);
    if (flags.pdf) await printReportPdf(result.runDir, output);
    return result.exitCode;
  });
}

async function runWithProgress(
  scenarioPath: string,
  flags: RunFlags,
  output: Output,
  language: Language,
): Promise<number> {
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
    if (result.problem) {
      output.err(`saleready: ${result.problem}`);
      return result.exitCode;
    }
    output.out(`report: ${relative(process.cwd(), join(result.runDir, 'report.html')) || 'report.html'}`);
    if (flags.pdf && !signal.aborted) await printReportPdf(result.runDir, output);
    return signal.aborted ? ExitCode.interrupted : result.exitCode;
  });
}

/**
 * While `work` runs, a process that ends with exit 0 before it has a verdict (something
 * called process.exit(0) on the way) ends with exit 70 instead: no verdict is a failure,
 * never a silent pass.
 */
export async function withVerdictGuard<T>(output: Output, work: () => Promise<T>): Promise<T> {
  const onExit = (code: number): void => {
    if (code !== ExitCode.ok) return;
    output.err(
      'saleready: the process was told to end (exit 0) before the run had a verdict; ending with a failure instead.',
    );
    process.exitCode = ExitCode.internal;
  };
  process.on('exit', onExit);
  try {
    return await work();
  } finally {
    process.off('exit', onExit);
  }
}

/** Cloud flags without --on are a mistake, not something to ignore. */
function checkLocalFlags(flags: RunFlags): RunFlags {
  const given = [
    'count',
    'region',
    'planOnly',
    'instanceCredentials',
    ...RUNNER_FLAGS.map((flag) => optionKey(flag.name)),
  ].filter((key) => {
    const value = flags[key];
    return key === 'assignPublicIp'
      ? value === false
      : value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
  if (given.length > 0) {
    throw new UsageError(
      'cli.bad-flag',
      `--${given[0]!.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} belongs to a distributed run: add --on aws-fargate or --on aws-lambda`,
    );
  }
  return flags;
}

export function registerRunCommands(program: Command, output: Output): void {
  const run = program
    .command('run <scenario>')
    .description('run a sale scenario (.ts, .yaml, .json) through Artillery and judge it against its targets')
    .option('-t, --target <url>', 'the shop to load (default: start the embedded reference shop)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('-o, --out <dir>', 'where run folders go', 'reports')
    .option(
      '-s, --set <key=value>',
      'embedded shop setting as run, e.g. --set service.s0Ms=20 --set defences.perAddressLimit=false',
      collectRepeated,
      [],
    )
    .option('--lang <lang>', 'report language: en or ko (default from the environment)')
    .option('--pdf', 'also print report.pdf (A4) with Chromium')
    .option(
      '--on <runner>',
      'run the crowd on Artillery’s AWS runners: aws-fargate or aws-lambda (needs --count, --region, --target, --allow-remote)',
    )
    .option('--count <n>', 'with --on: the number of workers; the crowd is split into N exact shares')
    .option('--region <region>', 'with --on: the AWS region the workers run in')
    .option(
      '--plan-only',
      'with --on: print the Artillery command, the shares and the upload list, without any cloud call',
    )
    .option(
      '--instance-credentials',
      'with --on: allow AWS credentials from the EC2/ECS role (asks the instance metadata service)',
    );
  for (const flag of RUNNER_FLAGS) {
    const spec = flag.value === null ? `--${flag.name}` : `--${flag.name} ${flag.value}`;
    if (flag.multiple)
      run.option(
        spec,
        `with --on: ${flag.description} (Artillery’s --${flag.name}; may be repeated)`,
        collectRepeated,
        [],
      );
    else run.option(spec, `with --on: ${flag.description} (Artillery’s --${flag.name})`);
  }
  run.action(async (scenario: string, flags: RunFlags) => {
    const language = parseLanguage(flags.lang);
    await prepareOutDir('--out', flags.out ?? 'reports');
    output.exitCode = await withVerdictGuard(output, () =>
      flags.on !== undefined
        ? runInCloud(scenario, flags, output, language)
        : runWithProgress(scenario, checkLocalFlags(flags), output, language),
    );
  });

  program
    .command('demo')
    .description('the flash-sale scenario against the embedded reference shop, ending in a report')
    .option('--lang <lang>', 'report language: en or ko (default from the environment)')
    .action(async (flags: { lang?: string }) => {
      const language = parseLanguage(flags.lang);
      const code = await runWithProgress(
        join(repoRoot, 'scenarios', 'flash-sale.ts'),
        { out: join(repoRoot, 'reports'), lang: flags.lang },
        output,
        language,
      );
      // The demo shows a sale that fails on purpose; a missed target is its result, not an error.
      output.exitCode = code === ExitCode.targetMissed ? ExitCode.ok : code;
    });
}
