import { UsageError } from '../errors.ts';
import {
  NO_RESPONSE,
  unnamedRequests,
  isSuccessCode,
  type ArtilleryPeriod,
  type ArtilleryReport,
  type ArtilleryRequests,
  type ArtillerySummary,
} from '../results/index.ts';
import type { Distribution, RequestGroup, RequestGroups } from '../report/index.ts';
import { wilsonInterval } from '../stats/index.ts';
import { groupKey } from './request-groups.ts';

/** Artillery periods are 10 s long (ENGINE.md); the groups' timeline has one bucket per period. */
export const ARTILLERY_PERIOD_SECONDS = 10;

/**
 * The tags an Artillery report's requests can be grouped by: `name`, the endpoint (from the
 * metrics-by-endpoint plugin), or none. Default: `name` when the report has endpoints.
 */
export function chooseArtilleryGroupTags(report: ArtilleryReport, groupBy: readonly string[] | undefined): string[] {
  if (groupBy === undefined) return report.hasEndpoints ? ['name'] : [];
  const other = groupBy.find((tag) => tag !== 'name');
  if (other !== undefined) {
    throw new UsageError(
      'analyze.bad-group-by',
      `--group-by ${groupBy.join(',')}: an Artillery report's requests can be grouped by name (the endpoint) only, not by ${other}`,
    );
  }
  if (groupBy.length > 0 && !report.hasEndpoints) {
    throw new UsageError(
      'analyze.no-endpoints',
      `--group-by name: the Artillery report ${report.source} has no per-endpoint metrics`,
      ['per-endpoint figures come from the metrics-by-endpoint plugin (on by default in Artillery 2)'],
    );
  }
  return [...new Set(groupBy)];
}

/** One group's requests of one period: by endpoint, the requests no endpoint accounts for, or all of them. */
function groupsOfPeriod(
  period: ArtilleryPeriod,
  by: readonly string[],
  withUnanswered: boolean,
): Map<string, ArtilleryRequests> {
  const groups = new Map<string, ArtilleryRequests>();
  if (by.length === 0) {
    const unanswered = withUnanswered ? Math.max(0, period.http.sent - period.http.requests) : 0;
    groups.set('', unanswered > 0 ? withExtra(period.http, { [NO_RESPONSE]: unanswered }) : period.http);
    return groups;
  }
  for (const [name, endpoint] of period.endpoints) groups.set(name, endpoint);
  const rest = unnamedRequests(period, withUnanswered);
  if (Object.keys(rest).length > 0) {
    const codes = Object.fromEntries(Object.entries(rest).filter(([status]) => /^\d+$/.test(status)));
    const errors = Object.fromEntries(Object.entries(rest).filter(([status]) => !/^\d+$/.test(status)));
    groups.set('', withExtra({ codes, errors: {}, requests: 0, failed: 0, responseTime: null }, errors));
  }
  return groups;
}

/** Adds requests that ended in an error (or got no response) to a group's figures. */
function withExtra(figures: ArtilleryRequests, errors: Readonly<Record<string, number>>): ArtilleryRequests {
  const all = { ...figures.errors, ...errors };
  let requests = 0;
  let failed = 0;
  for (const [code, count] of Object.entries(figures.codes)) {
    requests += count;
    if (!isSuccessCode(code)) failed += count;
  }
  for (const count of Object.values(all)) {
    requests += count;
    failed += count;
  }
  return { codes: figures.codes, errors: all, requests, failed, responseTime: figures.responseTime };
}

function latencyOf(summary: ArtillerySummary | null): Distribution {
  if (summary === null || summary.count === 0)
    return { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null, max: null };
  return {
    count: summary.count,
    mean: summary.mean,
    p50: summary.p50,
    p90: summary.p90,
    p95: summary.p95,
    p99: summary.p99,
    max: summary.max,
  };
}

/**
 * An Artillery report's requests grouped by endpoint (`by` = ['name']) or as one group: per
 * group the requests (responses plus request errors), failures (responses other than 2xx/3xx
 * plus request errors) with a Wilson 95% interval, the response time as Artillery summarised
 * it (the aggregate's merged DDSketch: p50/p90/p95/p99/max, no intervals: the report holds no
 * samples), and requests per status (HTTP code or error). The timeline has one bucket per
 * 10-second period, with that period's own summary. Counts are exact. Requests no endpoint
 * accounts for form the group `name=(none)`. Cost O(periods × endpoints).
 */
export function buildArtilleryGroups(report: ArtilleryReport, by: readonly string[]): RequestGroups {
  const keyOf = (name: string): { key: string; tags: Record<string, string> } => {
    const tags: Record<string, string> = by.length === 0 ? {} : { name };
    return { key: groupKey(by, tags), tags };
  };
  const rows: RequestGroup[] = [];
  for (const [name, figures] of groupsOfPeriod(report.aggregate, by, true)) {
    const wilson = figures.requests > 0 ? wilsonInterval(figures.failed, figures.requests) : null;
    rows.push({
      ...keyOf(name),
      requests: figures.requests,
      failed: figures.failed,
      errorRate: figures.requests > 0 ? figures.failed / figures.requests : null,
      errorRateInterval: wilson === null ? null : [wilson.lower, wilson.upper],
      latency: latencyOf(figures.responseTime),
      p95Interval: null,
      p99Interval: null,
      statuses: Object.fromEntries(
        Object.entries({ ...figures.codes, ...figures.errors }).sort((a, b) => a[0].localeCompare(b[0])),
      ),
    });
  }
  rows.sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));
  const firstStartMs = report.intermediate[0]?.startMs ?? report.aggregate.startMs;
  const timeline: RequestGroups['timeline'] = [];
  for (const period of report.intermediate) {
    const t = Math.max(0, Math.round((period.startMs - firstStartMs) / 1000));
    for (const [name, figures] of groupsOfPeriod(period, by, false)) {
      if (figures.requests === 0) continue;
      const latency = latencyOf(figures.responseTime);
      timeline.push({
        t,
        key: keyOf(name).key,
        requests: figures.requests,
        failed: figures.failed,
        p50: latency.p50,
        p95: latency.p95,
        p99: latency.p99,
      });
    }
  }
  return { by: [...by], rows, timeline };
}
