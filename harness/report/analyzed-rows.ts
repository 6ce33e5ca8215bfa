import { analyzedLabelsFor } from './analyzed-labels.ts';
import { formatDuration, formatNumber, formatPercent, formatValue } from './format-figures.ts';
import { labelsFor, type ReportLanguage } from './labels.ts';
import type { RequestGroup, RunSummary } from './run-summary.ts';

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

const ms = (value: number | null, lang: ReportLanguage): string => formatValue(value, 'ms', lang);
const interval = (range: readonly [number, number] | null, format: (value: number) => string): string =>
  range === null ? '' : `[${format(range[0])} – ${format(range[1])}]`;

export function groupRows(summary: RunSummary, lang: ReportLanguage): GroupRow[] {
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
    statuses: Object.entries(group.statuses).map(([status, count]) => `${status || '—'}: ${formatNumber(count)}`).join(', '),
  }));
}

/** Key figures of an analyzed run as [label, value] pairs. */
export function analyzedKeyFigures(summary: RunSummary, lang: ReportLanguage): [string, string][] {
  const labels = labelsFor(lang);
  const words = analyzedLabelsFor(lang);
  const seconds = summary.durationMs / 1000;
  const scenarios = Array.isArray(summary.scenario.k6Scenarios) ? (summary.scenario.k6Scenarios as unknown[]).map(String) : [];
  return [
    [labels.duration, formatDuration(summary.durationMs, lang)],
    [labels.requests, formatNumber(summary.requests.total)],
    [words.failed, formatNumber(summary.requests.failed)],
    [labels.errorRate, formatPercent(summary.requests.errorRate)],
    [words.requestsPerSecond, seconds > 0 ? formatNumber(Math.round((summary.requests.total / seconds) * 10) / 10) : labels.none],
    ...(scenarios.length > 0 ? [[words.k6Scenarios, scenarios.join(', ')] as [string, string]] : []),
  ];
}
