// Runs a scenario through the real person engine inside real Artillery against a real
// reference shop started for it, each run in a fresh folder inside `work` (a folder of useTempDir,
// tests/helpers/temp-dir.ts, removed with it).
import { join } from 'node:path';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import {
  compileTest,
  RECORDS_DIR,
  requireArtillery,
  runArtillery,
  writeCompiledTest,
  type ArtilleryRunResult,
} from '../../harness/engine/index.ts';
import { measure, type IngestResult } from '../../harness/results/index.ts';
import { parseScenario, planRun, type RunPlan, type ScenarioInput } from '../../harness/scenario/index.ts';
import { freshDirIn } from './temp-dir.ts';

export interface EngineRun {
  readonly dir: string;
  readonly plan: RunPlan;
  readonly result: ArtilleryRunResult;
  readonly ingest: IngestResult;
  readonly stats: ReturnType<RunningShop['stats']>;
}

export interface RunScenarioWithEngineOptions {
  /** Extra settings for the engine's block of the test (e.g. `rawSamples: true`). */
  readonly engineSettings?: Readonly<Record<string, string | boolean>>;
  readonly signal?: AbortSignal;
  /** Called with what the engine has recorded so far, every 0.5 s. */
  readonly onProgress?: (ingest: IngestResult) => void;
}

export async function runScenarioWithEngine(
  work: string,
  input: ScenarioInput,
  options: RunScenarioWithEngineOptions = {},
): Promise<EngineRun> {
  const artillery = await requireArtillery();
  const shop = await startShop(planRun(parseScenario(input)).shop);
  try {
    const plan = planRun(parseScenario(input), { targetUrl: shop.url });
    const dir = freshDirIn(work, 'run');
    const compiled = compileTest(plan);
    const extra = Object.entries(options.engineSettings ?? {}).map(
      ([key, value]) => `      ${key}: ${JSON.stringify(value)}`,
    );
    const test = compiled.test.replace('      records: "records"', ['      records: "records"', ...extra].join('\n'));
    const { testPath } = writeCompiledTest({ ...compiled, test }, dir);
    const result = await runArtillery({
      artillery,
      testPath,
      cwd: dir,
      targetUrl: shop.url,
      recordsDir: join(dir, RECORDS_DIR),
      reportPath: join(dir, 'artillery-report.json'),
      signal: options.signal,
      progressIntervalMs: 500,
      onProgress: (progress) => options.onProgress?.(progress.result),
      timeoutMs: plan.expectedDurationMs + 60_000,
    });
    return { dir, plan, result, ingest: result.ingest.result, stats: shop.stats() };
  } finally {
    await shop.close();
  }
}

/** A counter's total (0 when nothing was recorded). */
export function countOf(ingest: IngestResult, selector: string): number {
  return measure(ingest, selector, 'count')?.value ?? 0;
}
