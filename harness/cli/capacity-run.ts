/**
 * A capacity run: closed-loop load steps (one Artillery run each, on the person engine), measured with intervals, until
 * the targets are clearly missed or the steps run out; then the USL fit and the profile.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildCapacityProfile,
  clearlyPastTargets,
  type CapacityProfile,
  type CapacityStepMeasurement,
  type CapacityTargets,
} from '../capacity/index.ts';
import {
  compileCapacityStep,
  compressRecords,
  requireArtillery,
  runArtillery,
  type CapacityStep,
} from '../engine/index.ts';
import { createRunDir, measure, measureOverTime, type IngestResult } from '../results/index.ts';
import { meanInterval } from '../stats/index.ts';
import { renderCapacityHtml } from '../report/index.ts';
import { startShop, type RunningShop, type ShopConfigInput } from '../shop/index.ts';
import { InterruptedError } from '../errors.ts';
import { checkTargetUrl } from './target-guard.ts';
import type { Language } from '../vocabulary.ts';

/**
 * The embedded shop for capacity runs: a known service-time law (s0 20 ms, σ 0.02,
 * κ 0.0005 → peak at N* = √((1−σ)/κ) ≈ 44), instant admission, stock and limits that never
 * run out, so every request measures the law and nothing else.
 */
export const CAPACITY_SHOP: ShopConfigInput = {
  service: { s0Ms: 20, sigma: 0.02, kappa: 0.0005, workers: 256, backlog: 4096 },
  admissionRatePerMinute: 1_000_000,
  maxActiveUsers: 1_000_000,
  stock: 1_000_000_000,
  perPersonLimit: 1_000_000_000,
  perAddressLimit: 1_000_000_000,
  sessionTtlMs: 3_600_000,
  admissionTtlMs: 3_600_000,
  ticketTtlMs: 3_600_000,
};

export interface CapacityRunOptions {
  readonly targetUrl?: string;
  readonly allowRemote?: boolean;
  readonly shopOverrides?: ShopConfigInput;
  readonly journey: readonly CapacityStep[];
  readonly loads: readonly number[];
  readonly stepSeconds: number;
  readonly targets: CapacityTargets;
  readonly outDir: string;
  readonly lang: Language;
  readonly signal?: AbortSignal;
  readonly onStep?: (step: CapacityStepMeasurement) => void;
  readonly onEvent?: (line: string) => void;
}

export interface CapacityRunResult {
  readonly runDir: string;
  readonly profile: CapacityProfile;
  readonly shop: { s0Ms: number; sigma: number; kappa: number } | null;
}

const MEASURE = '{phase:measure}';

/**
 * One step's figures from its raw output: throughput as the mean of whole seconds (the first
 * and last, partly outside the step, dropped) with its interval; a step too short for two
 * whole seconds falls back to its journeys over its length, without an interval.
 */
export function measureCapacityStep(
  ingest: IngestResult,
  load: number,
  journeyLength: number,
  stepSeconds: number,
): CapacityStepMeasurement {
  const perSecond = measureOverTime(ingest, `http_reqs${MEASURE}`, 'count')
    .map((point) => (point.value ?? 0) / journeyLength)
    .slice(1, -1);
  const throughput = perSecond.length >= 2 ? meanInterval(perSecond) : null;
  const requests = measure(ingest, `http_reqs${MEASURE}`, 'count')?.value ?? 0;
  const p50 = measure(ingest, `http_req_duration${MEASURE}`, 'p50');
  const p95 = measure(ingest, `http_req_duration${MEASURE}`, 'p95');
  const failed = measure(ingest, `http_req_failed${MEASURE}`, 'rate');
  return {
    load,
    throughputPerSecond: throughput?.estimate ?? requests / journeyLength / stepSeconds,
    throughputInterval: throughput ? [throughput.lower, throughput.upper] : null,
    latencyP50Ms: p50?.value ?? null,
    latencyP95Ms: p95?.value ?? null,
    latencyP95IntervalMs: p95?.interval ?? null,
    errorRate: failed?.value ?? null,
    errorRateInterval: failed?.interval ?? null,
    requests,
  };
}

export async function runCapacity(options: CapacityRunOptions): Promise<CapacityRunResult> {
  const event = options.onEvent ?? (() => {});
  const artillery = await requireArtillery();
  const explicitTarget = options.targetUrl ? checkTargetUrl(options.targetUrl, options.allowRemote ?? false) : null;
  // The run folder before the shop: a folder that cannot be made must not leave a shop open.
  const runDir = await createRunDir(options.outDir, 'capacity', new Date(), '--out');
  let shop: RunningShop | null = null;
  const steps: CapacityStepMeasurement[] = [];
  let stoppedBecause = 'all load steps were measured';
  try {
    let targetUrl: string;
    if (explicitTarget) targetUrl = explicitTarget;
    else {
      shop = await startShop({
        ...CAPACITY_SHOP,
        ...options.shopOverrides,
        service: { ...CAPACITY_SHOP.service, ...options.shopOverrides?.service },
      });
      targetUrl = shop.url;
      const law = shop.config.service;
      event(
        `embedded shop ${targetUrl}: service time S(N) = ${law.s0Ms} ms · (1 + ${law.sigma}(N−1) + ${law.kappa}·N(N−1))`,
      );
    }
    for (const load of options.loads) {
      if (options.signal?.aborted)
        throw new InterruptedError(
          'cli.interrupted',
          `capacity run interrupted after ${steps.length} steps; raw data kept in ${runDir}`,
        );
      await shop?.reset();
      const name = `step-${String(load).padStart(4, '0')}`;
      const compiled = compileCapacityStep({
        load,
        seconds: options.stepSeconds,
        journey: options.journey,
        recordsDir: `${name}-records`,
        planFile: `${name}.plan.json`,
      });
      const testPath = join(runDir, `${name}.yml`);
      await writeFile(testPath, compiled.test);
      await writeFile(join(runDir, `${name}.plan.json`), compiled.plan);
      const recordsDir = join(runDir, `${name}-records`);
      const result = await runArtillery({
        artillery,
        testPath,
        cwd: runDir,
        targetUrl,
        recordsDir,
        logPath: join(runDir, `${name}.log`),
        ingestOptions: { tagKeys: ['step', 'phase', 'status', 'expected_response'] },
        signal: options.signal,
        timeoutMs: options.stepSeconds * 1000 + 120_000,
      });
      await compressRecords(recordsDir);
      if (result.interrupted)
        throw new InterruptedError(
          'cli.interrupted',
          `capacity run interrupted at load ${load} (${result.interruption}); raw data kept in ${runDir}`,
        );
      const ingest = result.ingest.result;
      const step = measureCapacityStep(ingest, load, options.journey.length, options.stepSeconds);
      steps.push(step);
      options.onStep?.(step);
      if (clearlyPastTargets(step, options.targets)) {
        stoppedBecause = `load ${load} is clearly past the targets (p95 ≤ ${options.targets.latencyP95Ms} ms, errors ≤ ${(options.targets.maxErrorRate * 100).toFixed(1)}%)`;
        break;
      }
    }
    const profile = buildCapacityProfile({
      target: targetUrl,
      journey: options.journey,
      targets: options.targets,
      steps,
      stoppedBecause,
    });
    await writeFile(join(runDir, 'capacity-profile.json'), `${JSON.stringify(profile, null, 2)}\n`);
    const law = shop?.config.service;
    const shopLaw = law ? { s0Ms: law.s0Ms, sigma: law.sigma, kappa: law.kappa } : null;
    await writeFile(join(runDir, 'capacity-report.html'), await renderCapacityHtml(profile, options.lang, shopLaw));
    return { runDir, profile, shop: law ? { s0Ms: law.s0Ms, sigma: law.sigma, kappa: law.kappa } : null };
  } finally {
    await shop?.close();
  }
}
