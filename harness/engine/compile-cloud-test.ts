/**
 * A run plan compiled for Artillery's AWS runners (`run-fargate`, `run-lambda --count N`):
 * the same test `compileTest` writes, with what N workers running the same files need —
 * - each phase brings the most arrivals any share has in that segment (`slots`), the same on
 *   every worker; each worker's share (plan-<k>.json) says which of them are real;
 * - the engine block names `plan-{share}.json` and `shares: N` (the engine claims its share);
 * - `includeFiles` lists what Artillery's bill of materials would not find by itself: the
 *   share plans, the people pools and the person engine's package folder;
 * - a package.json with the engine as a `file:` dependency, so the `npm install
 *   artillery-engine-saleready` each worker runs resolves to the uploaded folder, not the registry;
 * - worker.env (passed with `--dotenv`): telemetry off on the workers too.
 * Ensure conditions, comments and everything else are compileTest's, unchanged.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunPlan } from '../scenario/index.ts';
import {
  commentText,
  compileTest,
  PEOPLE_POOL_FILES,
  PLAN_FILE,
  SHOP_CONFIG_FILE,
  TEST_FILE,
  yamlValue,
  type CompiledTest,
} from './compile-test.ts';
import { wakeupsFor } from './arrival-segments.ts';
import { sharePlanJson, type PlanSplit } from './split-plan.ts';

/** The person engine's package folder in this checkout, and its name in a cloud run folder. */
export const ENGINE_PACKAGE_DIR = fileURLToPath(new URL('./artillery-engine-saleready/', import.meta.url));
export const ENGINE_PACKAGE_NAME = 'artillery-engine-saleready';
export const WORKER_ENV_FILE = 'worker.env';
export const SHARE_PLAN_TEMPLATE = 'plan-{share}.json';

export function sharePlanFile(index: number): string {
  return SHARE_PLAN_TEMPLATE.replace('{share}', String(index));
}

export interface CompileCloudTestOptions {
  /** The Artillery command line that runs it, shown in the test's header. */
  readonly command: string;
  /** "AWS Fargate" / "AWS Lambda", for the header. */
  readonly runnerName: string;
}

export interface CompiledCloudTest extends CompiledTest {
  readonly split: PlanSplit;
}

function replaceOnce(text: string, find: RegExp, replace: (match: RegExpExecArray) => string, what: string): string {
  const match = find.exec(text);
  if (!match) throw new Error(`compileCloudTest: the compiled test has no ${what} (compileTest changed?)`);
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

/** The cloud test and the files beside it (plan-1.json … plan-N.json, package.json, worker.env). */
export function compileCloudTest(plan: RunPlan, split: PlanSplit, options: CompileCloudTestOptions): CompiledCloudTest {
  const base = compileTest(plan, { peoplePool: true });
  const n = split.count;
  let test = base.test;
  // the header: how this test is run
  test = replaceOnce(
    test,
    /^# {3}ARTILLERY_DISABLE_TELEMETRY=1 npx artillery run .*$/m,
    () =>
      [
        `#   ${commentText(options.command)}`,
        `#`,
        `# Distributed over ${n} worker${n === 1 ? '' : 's'} on ${commentText(options.runnerName)}: every worker runs this same test, and each runs one`,
        `# share of the crowd (${sharePlanFile(1)}${n > 1 ? ` … ${sharePlanFile(n)}` : ''}): the shares' people and bots add up to exactly the plan's,`,
        `# each bot ring on one worker, the stock (${plan.stock} units) shared. A phase's arrivals are the most any share has`,
        `# in it; a worker whose share has fewer leaves the rest idle (counted as saleready.idle_slots).`,
      ].join('\n'),
    'rerun line',
  );
  // phases: the same slots on every worker
  split.segments.forEach((segment, index) => {
    const total = segment.people + segment.bots;
    if (total === 0) return;
    const name = yamlValue(`segment ${index + 1}`);
    const line = new RegExp(
      `^( {4}- \\{ name: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, duration: "\\d+ms", arrivalCount: )${segment.wakeups}( \\})$`,
      'm',
    );
    const slots = split.slots[index]!;
    const wakeups = wakeupsFor(slots, segment.durationMs);
    test = replaceOnce(
      test,
      line,
      (match) =>
        `    #   on each of ${n} workers: ${slots} arrival slots, this worker's share of the ${total}, in ${wakeups} wake-ups\n${match[1]}${wakeups}${match[2]}`,
      `phase for segment ${index + 1}`,
    );
  });
  // the engine: one plan per share
  test = replaceOnce(
    test,
    new RegExp(`^ {6}plan: ${yamlValue(PLAN_FILE).replace(/[.]/g, '\\.')}$`, 'm'),
    () =>
      [
        `      plan: ${yamlValue(SHARE_PLAN_TEMPLATE)}`,
        `      # ${n} workers, one share each (claimed by each worker process: SALEREADY_SHARE, or a create-only S3 object)`,
        `      shares: ${n}`,
      ].join('\n'),
    'engine plan setting',
  );
  // the files Artillery uploads beside the test
  const include = [
    ...split.shares.map((share) => sharePlanFile(share.index)),
    PEOPLE_POOL_FILES.person,
    ...(plan.bots ? [PEOPLE_POOL_FILES.bot] : []),
    ENGINE_PACKAGE_NAME,
  ];
  test = replaceOnce(
    test,
    /^( {2}target: .*)$/m,
    (match) =>
      [
        match[1],
        '  # uploaded to the workers beside this test (Artillery finds the test and package.json itself)',
        '  includeFiles:',
        ...include.map((file) => `    - ${yamlValue(file)}`),
      ].join('\n'),
    'target',
  );

  const { targets: _targets, ...planForEngine } = plan;
  const files: Record<string, string> = { ...base.files };
  delete files[PLAN_FILE];
  // the shop is the user's: there is no embedded shop to configure
  delete files[SHOP_CONFIG_FILE];
  for (const share of split.shares) {
    files[sharePlanFile(share.index)] =
      `${JSON.stringify(sharePlanJson(planForEngine as unknown as Record<string, unknown>, split, share), null, 2)}\n`;
  }
  files['package.json'] = `${JSON.stringify(
    {
      name: 'saleready-cloud-run',
      version: '1.0.0',
      private: true,
      description:
        'A saleready run for Artillery’s AWS runners: the person engine, installed by each worker from the uploaded folder',
      dependencies: { [ENGINE_PACKAGE_NAME]: `file:./${ENGINE_PACKAGE_NAME}` },
    },
    null,
    2,
  )}\n`;
  files[WORKER_ENV_FILE] =
    '# passed to every worker with --dotenv: no usage reports from Artillery\nARTILLERY_DISABLE_TELEMETRY=1\n';
  return { test, files, segments: base.segments, warnings: [...base.warnings, ...split.warnings], split };
}

/** Copies the person engine's package (its .js files and package.json, no node_modules) into the run folder. */
export function copyEnginePackage(runDir: string): string {
  const target = join(runDir, ENGINE_PACKAGE_NAME);
  mkdirSync(target, { recursive: true });
  cpSync(ENGINE_PACKAGE_DIR, target, {
    recursive: true,
    filter: (source) => !source.split(/[\\/]/).includes('node_modules'),
  });
  return target;
}

/** Writes the cloud test, its files and the engine package into the run folder. */
export function writeCloudTest(compiled: CompiledCloudTest, runDir: string): { testPath: string } {
  mkdirSync(runDir, { recursive: true });
  const testPath = join(runDir, TEST_FILE);
  writeFileSync(testPath, compiled.test);
  for (const [name, text] of Object.entries(compiled.files)) {
    mkdirSync(dirname(join(runDir, name)), { recursive: true });
    writeFileSync(join(runDir, name), text);
  }
  copyEnginePackage(runDir);
  return { testPath };
}
