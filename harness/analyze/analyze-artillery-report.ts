import { basename } from 'node:path';
import {
  artilleryReportToIngest,
  readArtilleryReport,
  type ArtilleryReport,
  type IngestResult,
} from '../results/index.ts';
import { buildRunSummary, type RunSummary, type TimelinePoint } from '../report/index.ts';
import { ARTILLERY_PERIOD_SECONDS, buildArtilleryGroups, chooseArtilleryGroupTags } from './artillery-groups.ts';
import { evaluateArtilleryTargets } from './artillery-targets.ts';
import type { TargetDraft } from './targets-file.ts';

export interface AnalyzeArtilleryReportOptions {
  /** The report `artillery run --output <file>` wrote (JSON, gzipped or not). */
  readonly path: string;
  readonly targets?: readonly TargetDraft[];
  readonly name: string;
  /** `['name']` (by endpoint) or `[]`; default by endpoint when the report has endpoints. */
  readonly groupBy?: readonly string[];
  readonly toolVersion: string;
}

/** How an analyzed Artillery run's figures were measured, in summary.json and the report. */
export const ARTILLERY_PERCENTILES_NOTE =
  'Percentiles are Artillery’s own, not exact merges of samples: the whole run’s come from Artillery’s aggregate (its merged DDSketch, ' +
  '1% relative accuracy), each 10-second period’s from that period’s summary (p50, p75, p90, p95, p99, p99.9, rounded to 0.1 ms). ' +
  'The report holds no samples, so percentiles have no confidence intervals, and there is no per-second time series: only 10-second periods. ' +
  'Counts (requests, status codes, errors, virtual users) are exact.';

/**
 * What summary.json keeps of an Artillery report beyond the common figures (`scenario.artillery`):
 * the method, Artillery's whole-run response time, virtual users, codes and errors.
 */
function artilleryFigures(report: ArtilleryReport): Record<string, unknown> {
  const whole = report.aggregate;
  const prefix = 'vusers.created_by_name.';
  const requestErrors = new Set(Object.keys(whole.http.errors));
  return {
    report: basename(report.source),
    percentiles: ARTILLERY_PERCENTILES_NOTE,
    periodSeconds: ARTILLERY_PERIOD_SECONDS,
    periods: report.intermediate.length,
    endpoints: report.hasEndpoints,
    responseTimeMs: whole.http.responseTime,
    requestsSent: whole.http.sent,
    responses: Object.values(whole.http.codes).reduce((sum, count) => sum + count, 0),
    codes: whole.http.codes,
    errors: Object.fromEntries(
      Object.entries(whole.counters)
        .filter(([name]) => name.startsWith('errors.'))
        .map(([name, count]) => [name.slice(7), count] as const)
        .sort((a, b) => a[0].localeCompare(b[0])),
    ),
    requestErrors: [...requestErrors].sort(),
    vusers: {
      created: whole.counters['vusers.created'] ?? 0,
      completed: whole.counters['vusers.completed'] ?? 0,
      failed: whole.counters['vusers.failed'] ?? 0,
      byScenario: Object.fromEntries(
        Object.entries(whole.counters)
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, count]) => [name.slice(prefix.length), count]),
      ),
    },
  };
}

/** The whole run, one bucket per 10-second period: requests sent, failures, virtual users created (arrivals). */
function periodTimeline(report: ArtilleryReport): TimelinePoint[] {
  const firstStartMs = report.intermediate[0]?.startMs ?? report.aggregate.startMs;
  return report.intermediate.map((period) => ({
    t: Math.max(0, Math.round((period.startMs - firstStartMs) / 1000)),
    arrivals: period.counters['vusers.created'] ?? 0,
    joins: 0,
    admitted: 0,
    queueLength: 0,
    requests: period.http.sent,
    failedRequests: period.http.failed,
    waitP50SaleMs: null,
    waitP95SaleMs: null,
  }));
}

/**
 * Turns Artillery's own report of any Artillery test into a RunSummary: exact counts, the
 * report's own percentiles (no exact merges: ARTILLERY_PERCENTILES_NOTE), requests grouped by
 * endpoint, targets judged on the report's figures, and a timeline of 10-second periods.
 */
export async function analyzeArtilleryReport(
  options: AnalyzeArtilleryReportOptions,
): Promise<{ summary: RunSummary; ingest: IngestResult; report: ArtilleryReport }> {
  const report = await readArtilleryReport(options.path);
  const by = chooseArtilleryGroupTags(report, options.groupBy);
  const verdicts = evaluateArtilleryTargets(report, options.targets ?? []);
  const ingest = artilleryReportToIngest(report);
  const summary = buildRunSummary({
    ingest,
    verdicts,
    toolVersion: options.toolVersion,
    scenario: {
      name: options.name,
      timeScale: 1,
      source: 'Artillery report (artillery run --output)',
      artillery: artilleryFigures(report),
    },
    target: { url: 'unknown (an Artillery run analyzed from its report)', embedded: false },
    startedAt: new Date(report.aggregate.firstMetricMs as number),
    endedAt: new Date(report.aggregate.lastMetricMs as number),
    engine: { name: 'artillery', version: null, exitCode: null, personEngine: null },
  });
  return {
    summary: {
      ...summary,
      timelineBucketSeconds: ARTILLERY_PERIOD_SECONDS,
      timeline: periodTimeline(report),
      stepLatencyTimeline: [],
      groups: buildArtilleryGroups(report, by),
    },
    ingest,
    report,
  };
}
