/**
 * The main job, stage by stage: scenario → plan → (embedded shop) → compiled Artillery test →
 * Artillery run with the person engine and live progress → its records → target verdicts →
 * report files.
 * Prints nothing itself: progress and events go to callbacks, the caller decides the exit.
 */
import { join, relative } from 'node:path';
import { EnvironmentError, ExitCode, InterruptedError, UsageError } from '../errors.ts';
import { compileTest, RECORDS_DIR, requireArtillery, runArtillery, writeCompiledTest } from '../engine/index.ts';
import {
  createRunDir,
  describeTargetOutage,
  findTargetOutage,
  estimateQueueWaitOverEveryone,
  evaluateTargets,
  judgeQueueWaitOverEveryone,
  measure,
  tagValuesOf,
  type IngestResult,
} from '../results/index.ts';
import { loadScenario, planRun, type RunPlan, type Scenario } from '../scenario/index.ts';
import { summarizeVerdicts, type TargetVerdict } from '../stats/index.ts';
import {
  buildCrowdFigures,
  buildRunSummary,
  recommendFromRun,
  writeReportFiles,
  type RunSettings,
  type QueueLengthSample,
  type RunSummary,
} from '../report/index.ts';
import { applyShopOverrides, parseShopConfig, startShop, type RunningShop, type ShopStats } from '../shop/index.ts';
import { checkBrowsersAvailable, runProbesAfterLoad, startBrowsersBesideLoad } from './run-extras.ts';
import { checkTargetUrl } from './target-guard.ts';
import { writePeoplePool } from './write-people-pool.ts';
import { compressRecordsOrKeep, engineHitFullDisk, fullDiskWords, writeReportOrSay } from './disk-full.ts';
import { readToolVersion } from './tool-version.ts';
import type { Language } from '../vocabulary.ts';

/** "Waited and lost" counts places lost after at least this long a wait (sale time). */
const LOST_AFTER_SALE_MS = 10 * 60_000;

export interface RunScenarioOptions {
  readonly scenarioPath: string;
  readonly targetUrl?: string;
  readonly allowRemote?: boolean;
  /** Where run folders go (default `reports`). */
  readonly outDir?: string;
  readonly lang: Language;
  /** `key=value` settings for the embedded shop as run (after the time scale), e.g. `service.s0Ms=20`. */
  readonly shopOverrides?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly onEvent?: (line: string) => void;
}

/** What the live progress line shows. */
export interface RunProgress {
  readonly elapsedMs: number;
  readonly totalMs: number;
  readonly arrived: number;
  readonly inQueue: number | null;
  readonly admitted: number;
  readonly bought: number;
  readonly p95Ms: number | null;
  readonly errorRate: number | null;
}

export interface RunScenarioResult {
  readonly runDir: string;
  readonly summary: RunSummary;
  readonly verdicts: readonly TargetVerdict[];
  readonly exitCode: number;
  readonly plan: RunPlan;
  /** What kept the run from being measured or reported whole (a full disk): said after the figures; exit 3. */
  readonly problem?: string;
}

/** The live line, from what the engine has recorded so far. */
function toRunProgress(ingest: IngestResult, elapsedMs: number, plan: RunPlan, shop: RunningShop | null): RunProgress {
  const count = (selector: string): number => measure(ingest, selector, 'count')?.value ?? 0;
  const arrived = count('sr_arrivals');
  const admitted = count('sr_admitted');
  const lost = count('sr_outcome{outcome:gave_up}') + count('sr_outcome{outcome:lost_place}');
  return {
    elapsedMs,
    totalMs: plan.expectedDurationMs,
    arrived,
    inQueue: shop ? shop.stats().queueLength : Math.max(0, arrived - admitted - lost),
    admitted,
    bought: count('sr_outcome{outcome:bought}'),
    p95Ms: measure(ingest, 'http_req_duration', 'p95')?.value ?? null,
    errorRate: measure(ingest, 'http_req_failed', 'rate')?.value ?? null,
  };
}

/** Any HTTP answer from the target will do; none at all is an environment problem (exit 3). */
async function checkTargetAnswers(url: string): Promise<void> {
  try {
    await fetch(new URL('healthz', url.endsWith('/') ? url : `${url}/`), {
      signal: AbortSignal.timeout(10_000),
      redirect: 'manual',
    });
  } catch (error) {
    throw new EnvironmentError(
      'engine.target-unreachable',
      `target ${url} is unreachable: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`,
      ['Start the shop, or leave out --target to use the embedded reference shop.'],
    );
  }
}

/**
 * The target the run will load, checked and normalised: `--target` (even when empty), else the
 * scenario's `target.url` (named as such in messages), else null for the embedded shop.
 */
function checkedTargetUrl(scenario: Scenario, options: RunScenarioOptions): string | null {
  const allowRemote = options.allowRemote ?? false;
  if (options.targetUrl !== undefined) return checkTargetUrl(options.targetUrl, allowRemote, '--target');
  if (scenario.target.url !== undefined)
    return checkTargetUrl(scenario.target.url, allowRemote, 'target.url in the scenario');
  return null;
}

/** The plan with `--set` applied to its embedded shop, validated so a bad key or value names itself. */
function withShopOverrides(plan: RunPlan, options: RunScenarioOptions): RunPlan {
  const overrides = options.shopOverrides ?? [];
  if (overrides.length === 0) {
    // the embedded shop refuses what its configuration does not allow: before any folder, not after
    if (plan.embeddedShop) parseShopConfig(plan.shop, 'target.shop');
    return plan;
  }
  if (!plan.embeddedShop)
    throw new UsageError(
      'cli.bad-flag',
      '--set configures the embedded shop; it cannot be used with --target or target.url.',
    );
  const shop = applyShopOverrides(plan.shop, overrides);
  parseShopConfig(shop, '--set');
  return { ...plan, shop };
}

/**
 * Why the run is incomplete, and what that leaves out: units the embedded shop sold whose
 * checkout answer the engine did not record before it was stopped (the report's units sold
 * are the shop's; the people's outcomes are the engine's).
 */
function describeInterruption(reason: string | null, ingest: IngestResult, shop: ShopStats | null): string {
  const recorded = measure(ingest, 'sr_units_bought', 'count')?.value ?? 0;
  const unrecorded = shop ? shop.unitsSold - recorded : 0;
  const gap =
    unrecorded > 0
      ? ` The shop sold ${unrecorded} unit${unrecorded === 1 ? '' : 's'} more than the engine recorded as bought: checkouts under way when it stopped, whose answers it never saw.`
      : '';
  return `${reason ?? 'The run stopped before its end'}; figures cover only what was measured until then.${gap}`;
}

/** The run's session, ticket and journey lengths in sale time, for its recommendations. */
function runSettings(plan: RunPlan, ingest: IngestResult): RunSettings {
  const k = plan.timeScale;
  const shop = plan.shop;
  return {
    sessionTtlSaleMs: shop.sessionTtlMs * k,
    ticketTtlSaleMs: shop.ticketTtlMs * k,
    reloginRequeues: shop.reloginRequeues ?? null,
    journeySaleMs: 3 * plan.behaviour.thinkMs * k,
    serverErrors: tagValuesOf(ingest, 'http_reqs', 'status')
      .filter((status) => status === '0' || Number(status) >= 500)
      .reduce((sum, status) => sum + (measure(ingest, `http_reqs{status:${status}}`, 'count')?.value ?? 0), 0),
  };
}

export async function runScenario(options: RunScenarioOptions): Promise<RunScenarioResult> {
  const event = options.onEvent ?? (() => {});
  // Everything that can refuse the run comes first: a refused run leaves no run folder behind.
  const scenario = await loadScenario(options.scenarioPath, { signal: options.signal });
  const targetUrl = checkedTargetUrl(scenario, options);
  const plan = withShopOverrides(planRun(scenario, targetUrl === null ? {} : { targetUrl }), options);
  const specs = plan.targets; // compiled once, by planRun
  const artillery = await requireArtillery();
  await checkBrowsersAvailable(plan);
  const compiled = compileTest(plan, { peoplePool: true });
  if (targetUrl !== null) await checkTargetAnswers(targetUrl);
  if (options.signal?.aborted)
    throw new InterruptedError(
      'cli.interrupted-before-run',
      'interrupted before the run started; nothing was run or written',
    );
  for (const warning of compiled.warnings) event(`warning: ${warning}`);

  const runDir = await createRunDir(options.outDir ?? 'reports', scenario.name);
  const { testPath } = writeCompiledTest(compiled, runDir);
  await writePeoplePool(plan, runDir);
  const shop = targetUrl === null ? await startShop(plan.shop) : null;
  const target = { url: targetUrl ?? shop!.url, shop };
  event(
    `target ${target.url}${target.shop ? ' (embedded reference shop)' : ''}; run folder ${relative(process.cwd(), runDir) || runDir}`,
  );
  event(
    `${plan.people.toLocaleString('en')} people for ${plan.stock.toLocaleString('en')} units, time scale k = ${plan.timeScale} (waits are shown ×${plan.timeScale} in sale time)`,
  );

  const startedAt = new Date();
  let shopStats: ShopStats | null = null;
  // The embedded shop knows its real queue length: sample it once a second for the chart.
  const queueLength: QueueLengthSample[] = [];
  const sampler = target.shop
    ? setInterval(() => queueLength.push({ timeMs: Date.now(), length: target.shop!.stats().queueLength }), 1000)
    : null;
  try {
    const browsers = startBrowsersBesideLoad(plan, target.url, runDir, options.signal);
    if (browsers)
      event(`${plan.browsers} real browser${plan.browsers > 1 ? 's' : ''} (Chromium) will join at the opening`);
    const engineRun = await runArtillery({
      artillery,
      testPath,
      cwd: runDir,
      targetUrl: target.url,
      recordsDir: join(runDir, RECORDS_DIR),
      reportPath: join(runDir, 'artillery-report.json'),
      logPath: join(runDir, 'artillery.log'),
      signal: options.signal,
      // a run past its planned length by a minute is stuck: stop it and keep what it measured
      timeoutMs: plan.expectedDurationMs + 60_000,
      onProgress: (progress, elapsedMs) =>
        options.onProgress?.(toRunProgress(progress.result, elapsedMs, plan, target.shop)),
    });
    if (sampler) clearInterval(sampler);
    const browserJourneys = browsers ? await browsers : undefined;
    shopStats = target.shop ? target.shop.stats() : null;
    const endedAt = new Date();
    const probes = engineRun.interrupted
      ? null
      : await runProbesAfterLoad(plan, target.shop ? null : target.url, options.allowRemote ?? false);
    if (probes)
      event(
        `probes: ${probes.findings.length} run, ${probes.highSeverityFailures} high-severity hole${probes.highSeverityFailures === 1 ? '' : 's'}`,
      );
    const ingest = engineRun.ingest.result;
    // A target that died mid-run: say when, in the report's warnings and on screen.
    const outage = findTargetOutage(ingest);
    if (outage) {
      ingest.warnings.push(describeTargetOutage(outage, target.url));
      event(`warning: ${describeTargetOutage(outage, target.url)}`);
    }
    // A full disk: what was measured stays (records uncompressed, figures on screen); exit 3.
    const diskFull =
      engineRun.interrupted && engineHitFullDisk(engineRun.outputTail)
        ? `${fullDiskWords(runDir)}: the engine could not write its records and stopped`
        : null;
    const keptRaw = await compressRecordsOrKeep(join(runDir, RECORDS_DIR), runDir);
    if (keptRaw) ingest.warnings.push(keptRaw);
    const crowd = buildCrowdFigures(ingest, {
      timeScale: plan.timeScale,
      stock: plan.stock,
      perAddressLimit: plan.perAddressLimit,
      orderToleranceMs: plan.behaviour.pollIntervalMs,
      lostAfterSaleMs: LOST_AFTER_SALE_MS,
      shopAddressesOverLimit: shopStats?.ordersByAddress.addressesOverLimit ?? null,
    });
    // queue-wait targets count everyone who joined: people who left before admission are censored (Kaplan–Meier)
    const waitsOverEveryone = estimateQueueWaitOverEveryone(engineRun.ingest.people);
    const verdicts = judgeQueueWaitOverEveryone(
      evaluateTargets(ingest, specs, { complete: !engineRun.interrupted }),
      specs,
      waitsOverEveryone,
    );
    const complete = !engineRun.interrupted;
    const built = buildRunSummary({
      toolVersion: readToolVersion(),
      plan,
      scenario: {
        name: scenario.name,
        description: scenario.description ?? null,
        timeScale: plan.timeScale,
        people: plan.people,
        stock: plan.stock,
      },
      shopQueueLength: queueLength,
      target: { url: target.url, embedded: target.shop !== null },
      ingest,
      verdicts,
      startedAt,
      endedAt,
      complete,
      interruption: complete ? null : describeInterruption(diskFull ?? engineRun.interruption, ingest, shopStats),
      shopStats,
      engine: {
        name: 'artillery',
        version: artillery.version,
        exitCode: engineRun.exitCode,
        personEngine: engineRun.ingest.engineVersion,
      },
      crowd,
      queueWaitOverEveryone: waitsOverEveryone,
      ...(browserJourneys ? { browsers: browserJourneys } : {}),
      ...(probes ? { probes } : {}),
    });
    const summary = { ...built, recommendations: recommendFromRun(built, runSettings(plan, ingest)) };
    const reportLost = await writeReportOrSay(runDir, () => writeReportFiles(runDir, summary, { lang: options.lang }));
    const overall = summarizeVerdicts(verdicts);
    const holes = (probes?.highSeverityFailures ?? 0) > 0;
    const problem = reportLost ?? diskFull ?? keptRaw;
    const exitCode = problem
      ? ExitCode.environment
      : !complete
        ? ExitCode.interrupted
        : overall === 'fail' || holes
          ? ExitCode.targetMissed
          : ExitCode.ok;
    return { runDir, summary, verdicts, exitCode, plan, ...(problem ? { problem } : {}) };
  } finally {
    if (sampler) clearInterval(sampler);
    await target.shop?.close();
  }
}
