import { basename } from 'node:path';
import { UsageError } from '../errors.ts';
import {
  DEFAULT_TAG_KEYS,
  evaluateTargets,
  ingestK6Csv,
  ingestK6Output,
  tagValuesOf,
  type IngestResult,
} from '../results/index.ts';
import { buildRunSummary, type RunSummary } from '../report/index.ts';
import { analyzeArtilleryReport } from './analyze-artillery-report.ts';
import { detectOutputFormat, type OutputFormat } from './detect-format.ts';
import { buildRequestGroups, chooseGroupTags, GROUP_TAGS } from './request-groups.ts';
import { resolveTargetUnits, tagKeysOfTargets } from './target-units.ts';
import type { TargetDraft } from './targets-file.ts';

export interface AnalyzeK6RunOptions {
  /** k6 raw output files (JSON or CSV, gzipped or not), one per k6 instance; or one Artillery report. */
  readonly paths: readonly string[];
  /** Targets to judge (from parseTargetsFile); none: the verdict is inconclusive. */
  readonly targets?: readonly TargetDraft[];
  /** The run's name in reports and its folder; default from the first file's name. */
  readonly name?: string;
  /** Tags to group requests by; default chooseGroupTags (those of scenario, group, name, method that vary; an Artillery report's endpoint `name`). */
  readonly groupBy?: readonly string[];
  readonly toolVersion: string;
}

export interface AnalyzedK6Run {
  readonly summary: RunSummary;
  readonly ingest: IngestResult;
  readonly format: OutputFormat;
}

/** `results.json.gz` → `results`: a run name from a raw output file's name. */
export function defaultRunName(path: string): string {
  return (
    basename(path)
      .replace(/(\.gz)?$/i, '')
      .replace(/\.(json|ndjson|jsonl|csv)$/i, '') || 'k6-run'
  );
}

/**
 * Turns the raw output of any k6 run (not only saleready's) into a RunSummary: several files
 * merge exactly; requests are grouped by the tags the run has; targets are judged like a
 * saleready run's (a selector matching nothing is a UsageError naming the target). Waits have
 * no time scale here (k = 1). An Artillery report (`artillery run --output`) goes to
 * analyzeArtilleryReport: one report at a time, its summaries cannot be merged.
 */
export async function analyzeK6Run(options: AnalyzeK6RunOptions): Promise<AnalyzedK6Run> {
  if (options.paths.length === 0)
    throw new UsageError('analyze.no-input', 'name at least one k6 output file or Artillery report');
  const formats = await Promise.all(options.paths.map((path) => detectOutputFormat(path)));
  const format = formats[0] as OutputFormat;
  const other = formats.findIndex((each) => each !== format);
  if (other >= 0) {
    const what = (each: OutputFormat): string => (each === 'artillery' ? 'an Artillery report' : `k6 ${each} output`);
    throw new UsageError(
      'analyze.mixed-formats',
      `${options.paths[other]} is ${what(formats[other] as OutputFormat)} but ${options.paths[0]} is ${what(format)}`,
      ['analyze the outputs of one run: k6 files all JSON or all CSV, or one Artillery report'],
    );
  }
  if (format === 'artillery') {
    if (options.paths.length > 1) {
      throw new UsageError(
        'analyze.several-artillery-reports',
        `${options.paths.length} Artillery reports given: a report holds summaries, which cannot be merged exactly`,
        [
          'analyze one report at a time (Artillery’s run-fargate and run-lambda already merge their workers into one report)',
        ],
      );
    }
    const path = options.paths[0] as string;
    const analyzed = await analyzeArtilleryReport({ ...options, path, name: options.name ?? defaultRunName(path) });
    return { summary: analyzed.summary, ingest: analyzed.ingest, format };
  }
  const drafts = options.targets ?? [];
  const tagKeys = [
    ...new Set([...DEFAULT_TAG_KEYS, ...GROUP_TAGS, ...tagKeysOfTargets(drafts), ...(options.groupBy ?? [])]),
  ];
  const ingest =
    format === 'json'
      ? await ingestK6Output(options.paths, { tagKeys })
      : await ingestK6Csv(options.paths, { tagKeys });
  if (ingest.samples === 0 || ingest.firstSampleMs === null || ingest.lastSampleMs === null) {
    throw new UsageError('analyze.no-samples', `no k6 samples in ${options.paths.join(', ')}`, [
      'was the run cut short before its first sample?',
    ]);
  }
  const verdicts = evaluateTargets(ingest, resolveTargetUnits(ingest, drafts));
  const by = options.groupBy ? [...options.groupBy] : chooseGroupTags(ingest);
  const summary = buildRunSummary({
    ingest,
    verdicts,
    toolVersion: options.toolVersion,
    scenario: {
      name: options.name ?? defaultRunName(options.paths[0] as string),
      timeScale: 1,
      source: `k6 ${format} output`,
      k6Scenarios: tagValuesOf(ingest, 'http_reqs', 'scenario'),
    },
    target: { url: 'unknown (a k6 run analyzed from its output)', embedded: false },
    startedAt: new Date(ingest.firstSampleMs),
    endedAt: new Date(ingest.lastSampleMs),
    engine: null,
  });
  return {
    summary: { ...summary, groups: buildRequestGroups(ingest, by, summary.timelineBucketSeconds) },
    ingest,
    format,
  };
}
