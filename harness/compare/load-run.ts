import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { parseRunSummary, type RunSummary } from '../report/index.ts';
import {
  ingestEngineRecords,
  ingestK6Output,
  listRecordFiles,
  mergeIngestResults,
  type IngestResult,
} from '../results/index.ts';
import type { RunReference } from './comparison-types.ts';

/** A run folder read back: its summary.json and its raw records (or k6 output) re-ingested (exact histograms). */
export interface LoadedRun {
  readonly reference: RunReference;
  readonly summary: RunSummary;
  readonly ingest: IngestResult;
}

const RAW_OUTPUT = 'k6-raw.json.gz';
/** The person engine's records of a `saleready run` (one file per worker thread). */
const RECORDS_DIR = 'records';

/** Reads summary.json of a run folder, validated against the schema; UsageError naming what is wrong. */
export function readRunSummary(dir: string): RunSummary {
  const path = join(dir, 'summary.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError('compare.no-run', `${dir} is not a run folder`, [
      'pass a folder that `saleready run` wrote, e.g. reports/smoke-2026-…Z',
    ]);
  }
  if (!existsSync(path))
    throw new UsageError(
      'compare.no-summary',
      `${dir} has no summary.json: it is not a run folder, or the run did not finish writing`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError('compare.bad-summary', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseRunSummary(json, path);
}

/** The run's raw k6 output files: `k6-raw.json.gz`, else the sources summary.json names that still exist. */
function rawOutputs(dir: string, summary: RunSummary): string[] {
  const own = join(dir, RAW_OUTPUT);
  if (existsSync(own)) return [own];
  const sources = summary.ingest.sources
    .map((source) =>
      isAbsolute(source) ? source : ([join(dir, source), resolve(source)].find((path) => existsSync(path)) ?? ''),
    )
    .filter((path) => path !== '' && existsSync(path));
  if (sources.length === 0) {
    throw new UsageError(
      'compare.no-raw-output',
      `${dir} has no k6 raw output (${RAW_OUTPUT}); percentiles are compared on the run's own samples`,
    );
  }
  return sources;
}

export function runReference(dir: string, summary: RunSummary): RunReference {
  return {
    dir,
    name: basename(resolve(dir)),
    scenario: summary.scenario.name,
    startedAt: summary.startedAt,
    verdict: summary.verdict,
    timeScale: summary.scenario.timeScale,
    people: summary.scenario.people ?? null,
    complete: summary.complete,
  };
}

/** Loads a run folder for comparison: summary.json plus its raw output ingested again. */
export async function loadRun(dir: string): Promise<LoadedRun> {
  const summary = readRunSummary(dir);
  const records = await listRecordFiles(join(dir, RECORDS_DIR));
  if (records.length > 0) {
    return { reference: runReference(dir, summary), summary, ingest: (await ingestEngineRecords(records)).result };
  }
  const ingests = await Promise.all(rawOutputs(dir, summary).map((path) => ingestK6Output(path)));
  const ingest = ingests.length === 1 ? ingests[0]! : mergeIngestResults(ingests);
  return { reference: runReference(dir, summary), summary, ingest };
}
