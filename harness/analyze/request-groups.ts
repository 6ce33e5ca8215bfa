import { readStat, type IngestResult, type RecordedSeries } from '../results/index.ts';
import type { Distribution, RequestGroup, RequestGroups } from '../report/index.ts';
import { mergeHistograms, wilsonInterval, type Histogram } from '../stats/index.ts';

/** The k6 tags a plain script's requests can be grouped by, in key order (k6 docs, "Tags"). */
export const GROUP_TAGS: readonly string[] = ['scenario', 'group', 'name', 'method'];

/** What the HTTP metrics of one group add up to while the series are read. */
interface GroupAccumulator {
  readonly tags: Record<string, string>;
  requests: number;
  failed: number;
  failedSamples: number;
  readonly statuses: Map<string, number>;
  readonly histograms: Histogram[];
  readonly bucketHistograms: Map<number, Histogram[]>;
  readonly bucketRequests: Map<number, number>;
  readonly bucketFailed: Map<number, number>;
}

/**
 * The tags that split a run's requests into groups: of GROUP_TAGS in order, each one that
 * splits the groups chosen so far further (a tag with one value everywhere, or one that
 * follows from the others — `method` from `name`, usually — tells nothing); when none does,
 * `name` if the requests carry it. A request without the tag counts as the value ''.
 */
export function chooseGroupTags(ingest: IngestResult): string[] {
  const tagsOfSeries = httpSeries(ingest, 'http_reqs').map((series) => series.tags);
  const chosen: string[] = [];
  for (const tag of GROUP_TAGS) {
    if (!ingest.tagKeys.includes(tag)) continue;
    const valuesPerGroup = new Map<string, Set<string>>();
    for (const tags of tagsOfSeries) {
      const key = groupKey(chosen, fill(chosen, tags));
      const values = valuesPerGroup.get(key) ?? new Set<string>();
      values.add(tags[tag] ?? '');
      valuesPerGroup.set(key, values);
    }
    if ([...valuesPerGroup.values()].some((values) => values.size > 1)) chosen.push(tag);
  }
  if (chosen.length > 0 || !ingest.tagKeys.includes('name')) return chosen;
  return tagsOfSeries.some((tags) => (tags.name ?? '') !== '') ? ['name'] : [];
}

function fill(by: readonly string[], tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(by.map((tag) => [tag, tags[tag] ?? '']));
}

/** A group's tag values as one readable key: `group=::checkout · name=checkout`. */
export function groupKey(by: readonly string[], tags: Readonly<Record<string, string>>): string {
  if (by.length === 0) return 'all requests';
  return by.map((tag) => `${tag}=${tags[tag] === '' || tags[tag] === undefined ? '(none)' : tags[tag]}`).join(' · ');
}

/**
 * Requests grouped by the tags `by`: per group `http_reqs`, failures (`http_req_failed`, Wilson
 * 95% interval), `http_req_duration` percentiles from the merged histograms (≤ 1% error, with
 * distribution-free 95% intervals), requests per status, and the same per time bucket
 * (bucketSeconds wide, from the run's first second). Exact merges only: histograms and counts
 * add up, no percentile is averaged. Cost O(series × seconds).
 */
export function buildRequestGroups(ingest: IngestResult, by: readonly string[], bucketSeconds: number): RequestGroups {
  const groups = new Map<string, GroupAccumulator>();
  const originSecond = Math.floor((ingest.firstSampleMs ?? 0) / 1000);
  const bucketOf = (second: number): number => Math.floor((second - originSecond) / bucketSeconds) * bucketSeconds;
  const groupOf = (series: RecordedSeries): GroupAccumulator => {
    const tags = fill(by, series.tags);
    const key = groupKey(by, tags);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        tags,
        requests: 0,
        failed: 0,
        failedSamples: 0,
        statuses: new Map(),
        histograms: [],
        bucketHistograms: new Map(),
        bucketRequests: new Map(),
        bucketFailed: new Map(),
      };
      groups.set(key, group);
    }
    return group;
  };
  const add = (map: Map<number, number>, bucket: number, value: number): void => {
    map.set(bucket, (map.get(bucket) ?? 0) + value);
  };
  for (const series of httpSeries(ingest, 'http_reqs')) {
    if (series.total.kind !== 'counter') continue;
    const group = groupOf(series);
    group.requests += series.total.sum;
    const status = series.tags.status ?? '';
    if (ingest.tagKeys.includes('status'))
      group.statuses.set(status, (group.statuses.get(status) ?? 0) + series.total.sum);
    for (const [second, bucket] of series.perSecond)
      if (bucket.kind === 'counter') add(group.bucketRequests, bucketOf(second), bucket.sum);
  }
  for (const series of httpSeries(ingest, 'http_req_failed')) {
    if (series.total.kind !== 'rate') continue;
    const group = groupOf(series);
    group.failed += series.total.nonZero;
    group.failedSamples += series.total.count;
    for (const [second, bucket] of series.perSecond)
      if (bucket.kind === 'rate') add(group.bucketFailed, bucketOf(second), bucket.nonZero);
  }
  for (const series of httpSeries(ingest, 'http_req_duration')) {
    if (series.total.kind !== 'trend') continue;
    const group = groupOf(series);
    group.histograms.push(series.total.histogram);
    for (const [second, bucket] of series.perSecond) {
      if (bucket.kind !== 'trend') continue;
      const index = bucketOf(second);
      const list = group.bucketHistograms.get(index);
      if (list === undefined) group.bucketHistograms.set(index, [bucket.histogram]);
      else list.push(bucket.histogram);
    }
  }
  const rows: RequestGroup[] = [];
  const timeline: RequestGroups['timeline'] = [];
  for (const [key, group] of groups) {
    rows.push(groupRow(key, group));
    const buckets = new Set([...group.bucketRequests.keys(), ...group.bucketHistograms.keys()]);
    for (const t of [...buckets].sort((a, b) => a - b)) {
      if (t < 0) continue;
      const histograms = group.bucketHistograms.get(t) ?? [];
      const merged = histograms.length > 0 ? mergeHistograms(...histograms) : null;
      const read = (stat: string): number | null =>
        merged === null || merged.count === 0
          ? null
          : readStat({ kind: 'trend', histogram: merged, negative: 0 }, stat, 0).value;
      timeline.push({
        t,
        key,
        requests: Math.round(group.bucketRequests.get(t) ?? 0),
        failed: Math.round(group.bucketFailed.get(t) ?? 0),
        p50: read('p50'),
        p95: read('p95'),
        p99: read('p99'),
      });
    }
  }
  rows.sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));
  return { by: [...by], rows, timeline };
}

function groupRow(key: string, group: GroupAccumulator): RequestGroup {
  const histogram = group.histograms.length > 0 ? mergeHistograms(...group.histograms) : null;
  const trend = histogram === null ? null : ({ kind: 'trend', histogram, negative: 0 } as const);
  const read = (stat: string): { value: number | null; interval: [number, number] | null } => {
    if (trend === null || trend.histogram.count === 0) return { value: null, interval: null };
    const measured = readStat(trend, stat, 0);
    return { value: measured.value, interval: measured.interval ? [measured.interval[0], measured.interval[1]] : null };
  };
  const latency: Distribution = {
    count: histogram?.count ?? 0,
    mean: read('of.mean').value,
    p50: read('p50').value,
    p90: read('p90').value,
    p95: read('p95').value,
    p99: read('p99').value,
    max: read('max').value,
  };
  const wilson = group.failedSamples > 0 ? wilsonInterval(group.failed, group.failedSamples) : null;
  return {
    key,
    tags: group.tags,
    requests: Math.round(group.requests),
    failed: group.failed,
    errorRate: group.failedSamples > 0 ? group.failed / group.failedSamples : null,
    errorRateInterval: wilson === null ? null : [wilson.lower, wilson.upper],
    latency,
    p95Interval: read('p95').interval,
    p99Interval: read('p99').interval,
    statuses: Object.fromEntries(
      [...group.statuses].sort((a, b) => a[0].localeCompare(b[0])).map(([status, n]) => [status, Math.round(n)]),
    ),
  };
}

function httpSeries(ingest: IngestResult, metric: string): RecordedSeries[] {
  return [...ingest.series.values()].filter((series) => series.metric === metric);
}
