/**
 * `saleready run <scenario> --on aws-fargate|aws-lambda --count N --region R`: the crowd of a
 * scenario split into N exact shares and handed to Artillery's own AWS runners, stage by stage:
 * scenario → plan → people pools → N shares → the cloud test in a run folder (test, share plans,
 * pools, the person engine's package, package.json, worker.env) → Artillery's bill of
 * materials (its own code) → [--plan-only: stop here] → credentials checked here, before
 * Artillery starts → `artillery run-fargate|run-lambda` → its merged report → the run's report.
 * Usage problems exit 2 before anything is written; missing credentials exit 3 before
 * Artillery starts; nothing is sent anywhere until Artillery is started.
 * Prints nothing itself: events go to a callback, the caller decides the exit.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { EnvironmentError, ExitCode, InterruptedError, UsageError } from '../errors.ts';
import {
  CLOUD_RUNNERS,
  cloudArtilleryArgs,
  checkAwsCredentials,
  checkRunnerFlags,
  compileCloudTest,
  createArtilleryBom,
  fargateRegions,
  PEOPLE_POOL_FILES,
  requireArtillery,
  RUNNER_INFO,
  runArtilleryCloud,
  shellCommand,
  splitPlan,
  TEST_FILE,
  WORKER_ENV_FILE,
  writeCloudTest,
  type ArtilleryBom,
  type AwsCredentialCheck,
  type CloudRunner,
  type PlanSplit,
  type RunnerFlagValues,
} from '../engine/index.ts';
import { keepRawOutput } from '../analyze/index.ts';
import { writeAnalyzedReportFiles, type RunSummary } from '../report/index.ts';
import { createRunDir } from '../results/index.ts';
import { loadScenario, planRun, type RunPlan } from '../scenario/index.ts';
import { buildCloudRunSummary } from './cloud-run-report.ts';
import { checkTargetUrl } from './target-guard.ts';
import { readToolVersion } from './tool-version.ts';
import { writePeoplePool } from './write-people-pool.ts';
import type { Language } from '../vocabulary.ts';

/** Artillery's report of the run, in the run folder. */
export const CLOUD_REPORT_FILE = 'artillery-report.json';
export const CLOUD_LOG_FILE = 'artillery.log';
/** Lambda stops a function after 15 minutes; a run must end well before (workers also install and wait for the start). */
const LAMBDA_LIMIT_MS = 12 * 60_000;
/** People a Lambda worker can keep waiting at once: its 1,024 open files, less some for Node and Artillery. */
const LAMBDA_OPEN_FILES_PEOPLE = 900;
/** Shown in --plan-only's command when no shop was named. */
export const TARGET_PLACEHOLDER = 'https://shop.example.com';

export interface RunCloudOptions {
  readonly scenarioPath: string;
  readonly on: string;
  readonly count?: string | number;
  readonly region?: string;
  readonly targetUrl?: string;
  readonly allowRemote?: boolean;
  readonly planOnly?: boolean;
  /** Allow credentials from the EC2/ECS role (network endpoints); off: AWS_EC2_METADATA_DISABLED=true. */
  readonly instanceCredentials?: boolean;
  readonly outDir?: string;
  readonly lang: Language;
  readonly shopOverrides?: readonly string[];
  /** Artillery runner flags to pass through, by Artillery's names. */
  readonly runnerFlags?: RunnerFlagValues;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  readonly onEvent?: (line: string) => void;
}

export interface CloudPlan {
  readonly runDir: string;
  readonly runner: CloudRunner;
  readonly region: string;
  readonly targetUrl: string;
  /** The Artillery command line, as a person would type it in the run folder. */
  readonly command: string;
  readonly args: readonly string[];
  readonly plan: RunPlan;
  readonly split: PlanSplit;
  readonly bom: ArtilleryBom;
  readonly warnings: readonly string[];
}

export type RunCloudResult =
  | ({ readonly kind: 'plan' } & CloudPlan)
  | ({ readonly kind: 'run'; readonly summary: RunSummary; readonly exitCode: number } & CloudPlan);

function parseRunner(on: string): CloudRunner {
  if (!(CLOUD_RUNNERS as readonly string[]).includes(on)) {
    throw new UsageError('engine.cloud-bad-runner', `--on must be ${CLOUD_RUNNERS.join(' or ')}, got "${on}"`, [
      'Azure (run-aci) is not offered: Artillery licenses it under BUSL-1.1.',
    ]);
  }
  return on as CloudRunner;
}

function parseCount(count: string | number | undefined): number {
  if (count === undefined)
    throw new UsageError('engine.cloud-count-required', '--on needs --count N, the number of workers');
  const value = Number(count);
  if (!Number.isInteger(value) || value < 1 || value > 10_000)
    throw new UsageError('engine.cloud-bad-count', `--count must be a whole number from 1 to 10,000, got "${count}"`);
  return value;
}

/** The shop the workers load: a real, non-loopback URL, allowed with --allow-remote (not needed for --plan-only). */
function cloudTarget(explicit: string | undefined, options: RunCloudOptions): string {
  if (options.planOnly) return explicit ? checkTargetUrl(explicit, true) : TARGET_PLACEHOLDER;
  if (!options.allowRemote) {
    throw new UsageError(
      'engine.cloud-allow-remote-required',
      `--on ${options.on} sends the load from AWS to a real shop, so it needs --allow-remote to confirm you may load-test it.`,
      [
        'Pass --allow-remote and --target https://your-shop…, or review the run first with --plan-only (no cloud call).',
      ],
    );
  }
  if (!explicit)
    throw new UsageError(
      'engine.cloud-target-required',
      `--on ${options.on} needs the shop's address: --target https://your-shop… (the embedded reference shop runs on this machine, out of the workers' reach).`,
    );
  const url = checkTargetUrl(explicit, true);
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.startsWith('127.') ||
    host === '::1' ||
    host === '0.0.0.0'
  ) {
    throw new UsageError(
      'engine.cloud-loopback-target',
      `--target ${url} is this machine's loopback address; on an AWS worker it would be the worker itself.`,
      ['Give the shop’s public address.'],
    );
  }
  return url;
}

/** The ring of every bot in bots.json order (the pool the workers get). */
async function poolBotRings(runDir: string, plan: RunPlan): Promise<number[] | undefined> {
  if (!plan.bots) return undefined;
  const bots = JSON.parse(await readFile(join(runDir, PEOPLE_POOL_FILES.bot), 'utf8')) as { ring?: number }[];
  return bots.map((bot, i) => (typeof bot.ring === 'number' ? bot.ring : Math.floor(i / plan.bots!.ringSize)));
}

/** The AWS credentials found locally; exit 3 when there are none: Artillery is not started, nothing is sent. */
function requireAwsCredentials(
  options: RunCloudOptions,
  runner: CloudRunner,
): Extract<AwsCredentialCheck, { found: true }> {
  const env = options.env ?? process.env;
  const credentials = checkAwsCredentials({ env, instanceCredentials: options.instanceCredentials });
  if (!credentials.found) {
    throw new EnvironmentError(
      'engine.cloud-no-credentials',
      `No AWS credentials for artillery ${RUNNER_INFO[runner].command}: ${credentials.missing} missing. Artillery was not started; nothing was sent.`,
      [
        'Looked in:',
        ...credentials.looked.map((place) => `  - ${place}`),
        'To provide them:',
        ...credentials.fixes.map((fix) => `  ${fix}`),
      ],
    );
  }
  return credentials;
}

/** Writes the cloud run folder and asks Artillery for its bill of materials; no cloud call, no network. */
async function prepareCloudRun(options: RunCloudOptions): Promise<CloudPlan> {
  const event = options.onEvent ?? (() => {});
  const runner = parseRunner(options.on);
  const count = parseCount(options.count);
  const flags = options.runnerFlags ?? {};
  checkRunnerFlags(runner, flags);
  if (!options.region)
    throw new UsageError(
      'engine.cloud-region-required',
      `--on ${runner} needs --region, the AWS region the workers run in (e.g. --region eu-west-1)`,
    );
  if ((options.shopOverrides ?? []).length > 0)
    throw new UsageError('cli.bad-flag', '--set configures the embedded shop, which a distributed run does not use.');
  // a real run needs credentials before anything else is worth checking or writing
  if (!options.planOnly) requireAwsCredentials(options, runner);
  const scenario = await loadScenario(options.scenarioPath);
  const targetUrl = cloudTarget(options.targetUrl ?? scenario.target.url, options);
  const plan = planRun(scenario, { targetUrl });
  if (runner === 'aws-lambda' && plan.expectedDurationMs > LAMBDA_LIMIT_MS) {
    throw new UsageError(
      'engine.cloud-too-long-for-lambda',
      `the run lasts up to ${Math.ceil(plan.expectedDurationMs / 60_000)} min, but AWS Lambda stops a function after 15 min (and its workers need time to install and start).`,
      ['Use --on aws-fargate, or a larger time scale.'],
    );
  }
  const artillery = await requireArtillery();
  if (runner === 'aws-fargate') {
    const regions = await fargateRegions(artillery);
    if (!regions.includes(options.region))
      throw new UsageError(
        'engine.cloud-bad-region',
        `--region ${options.region} is not one Artillery's run-fargate supports: ${regions.join(', ')}`,
      );
  }
  const warnings: string[] = [];
  if (plan.browsers > 0)
    warnings.push(
      `the scenario's ${plan.browsers} real browser${plan.browsers === 1 ? '' : 's'} do not run in a distributed run (only the crowd does)`,
    );
  if (plan.probes) warnings.push('the queue-integrity probes do not run in a distributed run');

  if (runner === 'aws-lambda') {
    const most = splitPlan(plan, count).shares.reduce(
      (largest, share) => Math.max(largest, share.people + share.bots),
      -Infinity,
    );
    if (most > LAMBDA_OPEN_FILES_PEOPLE) {
      warnings.push(
        `a Lambda function may hold 1,024 open files and each waiting person holds a connection: a share of ${most.toLocaleString('en')} people may run out of them (EMFILE) — use --count ${Math.ceil((plan.people + (plan.bots?.count ?? 0)) / LAMBDA_OPEN_FILES_PEOPLE)} or more, or --on aws-fargate`,
      );
    }
  }
  const runDir = await createRunDir(options.outDir ?? 'reports', scenario.name);
  await writePeoplePool(plan, runDir);
  const split = splitPlan(plan, count, { botRings: await poolBotRings(runDir, plan) });
  const args = cloudArtilleryArgs({
    runner,
    count,
    region: options.region,
    targetUrl,
    reportFile: CLOUD_REPORT_FILE,
    workerEnvFile: WORKER_ENV_FILE,
    testFile: TEST_FILE,
    name: `saleready ${scenario.name}`,
    flags,
    plannedMs: plan.expectedDurationMs,
  });
  const command = `ARTILLERY_DISABLE_TELEMETRY=1${options.instanceCredentials ? '' : ' AWS_EC2_METADATA_DISABLED=true'} ${shellCommand(['npx', 'artillery', ...args])}`;
  const compiled = compileCloudTest(plan, split, { command, runnerName: RUNNER_INFO[runner].name });
  const { testPath } = writeCloudTest(compiled, runDir);
  const bom = await createArtilleryBom(artillery, testPath, runner, WORKER_ENV_FILE);
  for (const warning of [...compiled.warnings, ...warnings]) event(`warning: ${warning}`);
  return {
    runDir,
    runner,
    region: options.region,
    targetUrl,
    command,
    args,
    plan,
    split,
    bom,
    warnings: [...compiled.warnings, ...warnings],
  };
}

export async function runCloud(options: RunCloudOptions): Promise<RunCloudResult> {
  const event = options.onEvent ?? (() => {});
  const prepared = await prepareCloudRun(options);
  if (options.planOnly) return { kind: 'plan', ...prepared };
  const credentials = requireAwsCredentials(options, prepared.runner);

  const artillery = await requireArtillery();
  const shown = relative(process.cwd(), prepared.runDir) || prepared.runDir;
  event(`AWS credentials: ${credentials.source}; run folder ${shown}`);
  event(
    `${prepared.plan.people.toLocaleString('en')} people${prepared.plan.bots ? ` and ${prepared.plan.bots.count.toLocaleString('en')} bots` : ''} on ${prepared.split.count} ${RUNNER_INFO[prepared.runner].name} workers in ${prepared.region} → ${prepared.targetUrl}`,
  );
  event(`artillery: ${prepared.command}`);
  const result = await runArtilleryCloud({
    artillery,
    args: prepared.args,
    cwd: prepared.runDir,
    env: credentials.env,
    reportPath: CLOUD_REPORT_FILE,
    logPath: resolve(prepared.runDir, CLOUD_LOG_FILE),
    onLine: (line) => {
      if (line.trim() !== '') event(`  ${line}`);
    },
    signal: options.signal,
    // workers take minutes to start; past the plan by an hour, something is stuck
    timeoutMs: prepared.plan.expectedDurationMs + 60 * 60_000,
  });
  if (result.reportPath === null) {
    throw new InterruptedError(
      'engine.cloud-interrupted',
      `${result.interruption ?? 'Artillery stopped'}; it writes no report when stopped, so there is nothing to judge (its output: ${join(shown, CLOUD_LOG_FILE)}).`,
    );
  }
  const { summary } = await buildCloudRunSummary({
    reportPath: result.reportPath,
    scenarioName: prepared.plan.scenario,
    plan: prepared.plan,
    targets: prepared.plan.targets,
    runner: prepared.runner,
    region: prepared.region,
    workers: prepared.split.count,
    split: prepared.split,
    targetUrl: prepared.targetUrl,
    toolVersion: readToolVersion(),
    artilleryVersion: artillery.version,
    exitCode: result.exitCode,
    complete: result.interruption === null,
    interruption: result.interruption,
  });
  await keepRawOutput(prepared.runDir, [result.reportPath], 'artillery');
  await writeAnalyzedReportFiles(prepared.runDir, summary, { lang: options.lang });
  const exitCode =
    result.interruption !== null
      ? ExitCode.interrupted
      : summary.verdict === 'fail'
        ? ExitCode.targetMissed
        : ExitCode.ok;
  return { kind: 'run', ...prepared, summary, exitCode };
}
