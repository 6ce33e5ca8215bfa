import { analyzedLabelsFor, artilleryLabelsFor } from './analyzed-labels.ts';
import { formatDuration, formatNumber, formatPercent, formatValue } from './format-figures.ts';
import { labelsFor } from './labels.ts';
import type { RequestGroup, RunSummary } from './run-summary.ts';
import type { Language } from '../vocabulary.ts';

/** One group as the HTML and markdown tables of an analyzed run show it (cells as text). */
export interface GroupRow {
  readonly key: string;
  readonly requests: string;
  readonly failed: string;
  readonly errorRate: string;
  /** The 95% interval of the error rate as text, '' when there is none. */
  readonly errorRateInterval: string;
  readonly p50: string;
  readonly p90: string;
  readonly p95: string;
  readonly p99: string;
  readonly p95Interval: string;
  readonly p99Interval: string;
  readonly max: string;
  readonly statuses: string;
}

const ms = (value: number | null, lang: Language): string => formatValue(value, 'ms', lang);
const interval = (range: readonly [number, number] | null, format: (value: number) => string): string =>
  range === null ? '' : `[${format(range[0])} – ${format(range[1])}]`;

export function groupRows(summary: RunSummary, lang: Language): GroupRow[] {
  return (summary.groups?.rows ?? []).map((group: RequestGroup) => ({
    key: group.key,
    requests: formatNumber(group.requests),
    failed: formatNumber(group.failed),
    errorRate: formatPercent(group.errorRate),
    errorRateInterval: interval(group.errorRateInterval, (value) => formatPercent(value)),
    p50: ms(group.latency.p50, lang),
    p90: ms(group.latency.p90, lang),
    p95: ms(group.latency.p95, lang),
    p99: ms(group.latency.p99, lang),
    p95Interval: interval(group.p95Interval, (value) => ms(value, lang)),
    p99Interval: interval(group.p99Interval, (value) => ms(value, lang)),
    max: ms(group.latency.max, lang),
    statuses: Object.entries(group.statuses)
      .map(([status, count]) => `${status || '—'}: ${formatNumber(count)}`)
      .join(', '),
  }));
}

/** What `saleready analyze` keeps of an Artillery report in summary.json (`scenario.artillery`). */
export interface ArtilleryRunFigures {
  readonly percentiles: string;
  readonly periodSeconds: number;
  readonly periods: number;
  readonly responseTimeMs: {
    readonly count: number;
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  } | null;
  readonly codes: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
  readonly requestErrors: readonly string[];
  readonly vusers: {
    readonly created: number;
    readonly completed: number;
    readonly failed: number;
    readonly byScenario: Readonly<Record<string, number>>;
  };
}

/** The Artillery figures of an analyzed Artillery run, or null (a k6 run, or a summary without them). */
export function artilleryFiguresOf(summary: RunSummary): ArtilleryRunFigures | null {
  const figures = summary.scenario.artillery as Partial<ArtilleryRunFigures> | undefined;
  if (
    typeof figures !== 'object' ||
    figures === null ||
    typeof figures.percentiles !== 'string' ||
    typeof figures.vusers !== 'object'
  )
    return null;
  return {
    periodSeconds: 10,
    periods: 0,
    responseTimeMs: null,
    codes: {},
    errors: {},
    requestErrors: [],
    ...figures,
  } as ArtilleryRunFigures;
}

/** How an analyzed run's figures were measured, when that needs saying (an Artillery report); null otherwise. */
export function analyzedMethodNote(
  summary: RunSummary,
  lang: Language,
): { readonly title: string; readonly text: string } | null {
  const figures = artilleryFiguresOf(summary);
  if (figures === null) return null;
  const words = artilleryLabelsFor(lang);
  return { title: words.method, text: words.methodNote ?? figures.percentiles };
}

const counts = (map: Readonly<Record<string, number>>, note: (key: string) => string = () => ''): string =>
  Object.entries(map)
    .map(([key, count]) => `${key}: ${formatNumber(count)}${note(key)}`)
    .join(', ');

/** Key figures of an analyzed run as [label, value] pairs. */
export function analyzedKeyFigures(summary: RunSummary, lang: Language): [string, string][] {
  const labels = labelsFor(lang);
  const words = analyzedLabelsFor(lang);
  const seconds = summary.durationMs / 1000;
  const scenarios = Array.isArray(summary.scenario.k6Scenarios)
    ? (summary.scenario.k6Scenarios as unknown[]).map(String)
    : [];
  const rows: [string, string][] = [
    [labels.duration, formatDuration(summary.durationMs, lang)],
    [labels.requests, formatNumber(summary.requests.total)],
    [words.failed, formatNumber(summary.requests.failed)],
    [labels.errorRate, formatPercent(summary.requests.errorRate)],
    [
      words.requestsPerSecond,
      seconds > 0 ? formatNumber(Math.round((summary.requests.total / seconds) * 10) / 10) : labels.none,
    ],
    ...(scenarios.length > 0 ? [[words.k6Scenarios, scenarios.join(', ')] as [string, string]] : []),
  ];
  const artillery = artilleryFiguresOf(summary);
  if (artillery === null) return rows;
  const own = artilleryLabelsFor(lang);
  const time = artillery.responseTimeMs;
  if (time !== null && time.count > 0) {
    rows.push([
      own.responseTime,
      `p50 ${ms(time.p50, lang)} · p95 ${ms(time.p95, lang)} · p99 ${ms(time.p99, lang)} · max ${ms(time.max, lang)}`,
    ]);
  }
  const { vusers } = artillery;
  rows.push([
    own.vusers,
    own.vuserCounts(formatNumber(vusers.created), formatNumber(vusers.completed), formatNumber(vusers.failed)),
  ]);
  if (Object.keys(vusers.byScenario).length > 1) rows.push([own.vusersByScenario, counts(vusers.byScenario)]);
  if (Object.keys(artillery.codes).length > 0) rows.push([own.codes, counts(artillery.codes)]);
  if (Object.keys(artillery.errors).length > 0)
    rows.push([
      own.errors,
      counts(artillery.errors, (key) => (artillery.requestErrors.includes(key) ? ` (${own.requestError})` : '')),
    ]);
  rows.push([own.periods, own.periodCount(artillery.periods, artillery.periodSeconds)]);
  return rows;
}
