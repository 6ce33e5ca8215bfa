import type { ChartSpec } from './chart-specs.ts';
import { CHART_FONT, requestsOverTimeChart } from './chart-specs.ts';
import { analyzedLabelsFor } from './analyzed-labels.ts';
import { labelsFor } from './labels.ts';
import type { RunSummary } from './run-summary.ts';
import type { Language } from '../vocabulary.ts';

/** At most this many per-group charts: the groups with most requests. */
export const MAX_GROUP_CHARTS = 24;

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 640,
  height: 200,
  background: 'white',
  config: { font: CHART_FONT },
} as const;

/**
 * Charts of an analyzed k6 run (Vega-Lite, data inlined): requests and failures over time,
 * then one chart per group (most requests first, at most MAX_GROUP_CHARTS) with its response
 * time p50, p95 and p99 bucket by bucket.
 */
export function buildGroupChartSpecs(summary: RunSummary, lang: Language): ChartSpec[] {
  const labels = labelsFor(lang);
  const words = analyzedLabelsFor(lang);
  const bucket = summary.timelineBucketSeconds;
  const x = { field: 't', type: 'quantitative', title: labels.axis.runTime(bucket) } as const;
  const charts: ChartSpec[] = [requestsOverTimeChart(summary, lang, 'requests', words.requestsChart)];
  const rows = summary.groups?.rows ?? [];
  rows.slice(0, MAX_GROUP_CHARTS).forEach((row, index) => {
    const points = (summary.groups?.timeline ?? [])
      .filter((point) => point.key === row.key)
      .flatMap((point) =>
        (['p50', 'p95', 'p99'] as const).map((percentile) => ({ t: point.t, percentile, value: point[percentile] })),
      )
      .filter((point) => point.value !== null);
    charts.push({
      id: `group-${index + 1}`,
      title: words.groupChart(row.key),
      spec: {
        ...base,
        data: { values: points },
        mark: { type: 'line', point: points.length < 40 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: labels.axis.latencyMs },
          color: {
            field: 'of.percentile',
            type: 'nominal',
            title: labels.axis.percentile,
            scale: { domain: ['p50', 'p95', 'p99'], range: ['#0969da', '#bf8700', '#cf222e'] },
          },
        },
      },
    });
  });
  return charts;
}
