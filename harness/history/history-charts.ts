import type { ChartSpec } from '../report/index.ts';
import { CHART_FONT } from '../report/index.ts';
import { runDirSlug } from '../results/index.ts';
import type { HistoryRun } from './find-runs.ts';
import { keyFiguresOf, targetRulesOf, type KeyFigure } from './key-figures.ts';
import type { TargetTrend, TrendHorizon } from './target-trends.ts';

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 640,
  height: 200,
  background: 'white',
  config: { font: CHART_FONT },
} as const;

/** At most this many latency series (steps or groups) per chart: those with most runs, then by name. */
export const MAX_LATENCY_SERIES = 10;

interface FigureDefinition {
  readonly figure: KeyFigure;
  readonly title: string;
  readonly axis: string;
  /** The figure of one run in the chart's unit, per series; empty when the run has none. */
  readonly read: (run: HistoryRun) => [string, number][];
  /** A target's rule value in the chart's unit. */
  readonly scale: number;
}

const FIGURES: readonly FigureDefinition[] = [
  {
    figure: 'latency',
    title: 'p95 response time per step (or group)',
    axis: 'p95 response time (ms)',
    read: (run) => [...keyFiguresOf(run.summary).latencyP95],
    scale: 1,
  },
  {
    figure: 'errors',
    title: 'Error rate (failed share of requests)',
    axis: 'error rate (%)',
    read: (run) => single('error rate', keyFiguresOf(run.summary).errorRate, 100),
    scale: 100,
  },
  {
    figure: 'queue-wait',
    title: 'p95 queue wait, sale time',
    axis: 'p95 wait, sale time (min)',
    read: (run) => single('p95 wait', keyFiguresOf(run.summary).queueWaitP95SaleMs, 1 / 60_000),
    scale: 1 / 60_000,
  },
  {
    figure: 'stock-sold',
    title: 'Share of stock sold',
    axis: 'stock sold (%)',
    read: (run) => single('stock sold', keyFiguresOf(run.summary).stockSoldShare, 100),
    scale: 100,
  },
];

function single(series: string, value: number | null, scale: number): [string, number][] {
  return value === null ? [] : [[series, value * scale]];
}

/**
 * The trend charts of one scenario (Vega-Lite, data inlined): each key figure over the runs'
 * start times with its targets as dashed rules (a figure no run measured is left out), then
 * one chart per target whose trend warns: the measured values, the fitted line projected to
 * the horizon, and the threshold.
 */
export function buildHistoryCharts(
  scenario: string,
  runs: readonly HistoryRun[],
  trends: readonly TargetTrend[],
  horizon: TrendHorizon,
): ChartSpec[] {
  const slug = runDirSlug(scenario);
  const charts: ChartSpec[] = [];
  for (const definition of FIGURES) {
    let points = runs.flatMap((run) =>
      definition.read(run).map(([series, value]) => ({ time: run.summary.startedAt, series, value })),
    );
    if (points.length === 0) continue;
    if (definition.figure === 'latency') {
      const runsPerSeries = new Map<string, number>();
      for (const point of points) runsPerSeries.set(point.series, (runsPerSeries.get(point.series) ?? 0) + 1);
      const kept = [...runsPerSeries]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_LATENCY_SERIES)
        .map(([series]) => series);
      points = points.filter((point) => kept.includes(point.series));
    }
    const series = [...new Set(points.map((point) => point.series))];
    const latest = runs[runs.length - 1];
    const rules = (latest ? targetRulesOf(latest.summary) : [])
      .filter((rule) => rule.figure === definition.figure && (rule.series === null || series.includes(rule.series)))
      .map((rule) => ({
        series: rule.series ?? series[0] ?? '',
        value: rule.value * definition.scale,
        target: rule.targetId,
      }));
    const color = {
      field: 'series',
      type: 'nominal',
      title: definition.figure === 'latency' ? 'step / group' : 'figure',
      scale: { domain: series },
      legend: { labelLimit: 320 },
    } as const;
    charts.push({
      id: `${slug}-${definition.figure}`,
      title: `${scenario}: ${definition.title}${rules.length > 0 ? ' (dashed: targets)' : ''}`,
      spec: {
        ...base,
        layer: [
          {
            data: { values: points },
            mark: { type: 'line', point: true },
            encoding: {
              x: {
                field: 'time',
                type: 'temporal',
                title: 'run started (UTC)',
                timeUnit: 'utcyearmonthdatehoursminutesseconds',
              },
              y: { field: 'value', type: 'quantitative', title: definition.axis },
              color,
            },
          },
          {
            data: { values: rules },
            mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2 },
            encoding: { y: { field: 'value', type: 'quantitative' }, color },
          },
        ],
      },
    });
  }
  for (const trend of trends.filter((each) => each.status === 'warning' && each.trend !== null)) {
    const line = trend.trend!;
    const fromX = trend.points[Math.max(0, trend.points.length - 20)]?.x ?? 0;
    charts.push({
      id: `${slug}-trend-${runDirSlug(trend.targetId)}`,
      title: `${scenario}: ${trend.targetId} — trend projected ${horizon.kind === 'runs' ? `${horizon.runs} runs` : `${horizon.days} days`} ahead`,
      spec: {
        ...base,
        layer: [
          {
            data: { values: trend.points.map((point) => ({ x: point.x, value: point.value, series: 'measured' })) },
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              x: {
                field: 'x',
                type: 'quantitative',
                title: horizon.kind === 'runs' ? 'run number' : 'days since the first run',
              },
              y: { field: 'value', type: 'quantitative', title: `${trend.targetId} (${trend.unit || 'value'})` },
              color: {
                field: 'series',
                type: 'nominal',
                title: '',
                scale: { domain: ['measured', 'trend', 'target'], range: ['#0969da', '#bf8700', '#cf222e'] },
              },
            },
          },
          {
            data: {
              values: [fromX, trend.horizonX].map((x) => ({
                x,
                value: line.intercept + line.slope * x,
                series: 'trend',
              })),
            },
            mark: { type: 'line', strokeDash: [4, 3] },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'value', type: 'quantitative' },
              color: { field: 'series', type: 'nominal' },
            },
          },
          {
            data: { values: [{ value: trend.threshold, series: 'target' }] },
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: { y: { field: 'value', type: 'quantitative' }, color: { field: 'series', type: 'nominal' } },
          },
        ],
      },
    });
  }
  return charts;
}
