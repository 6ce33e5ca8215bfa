import type { TopLevelSpec } from 'vega-lite';
import { durationUnit } from './format-figures.ts';
import { labelsFor } from './labels.ts';
import { OUTCOMES, type RunSummary } from './run-summary.ts';
import type { Language } from '../vocabulary.ts';

/** One chart of the report: a stable id, its title in the report's language, its Vega-Lite spec. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

const WIDTH = 640;
const HEIGHT = 220;
/** The page's font stack, so Korean labels use a Hangul font wherever the reader has one. */
export const CHART_FONT =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: WIDTH,
  height: HEIGHT,
  background: 'white',
  config: { font: CHART_FONT },
} as const;

/** Requests and failed requests, bucket by bucket: the same chart in run and analyzed reports. */
export function requestsOverTimeChart(summary: RunSummary, lang: Language, id: string, title: string): ChartSpec {
  const labels = labelsFor(lang);
  const bucket = summary.timelineBucketSeconds;
  return {
    id,
    title,
    spec: {
      ...base,
      height: HEIGHT,
      data: {
        values: summary.timeline.flatMap((point) => [
          { t: point.t, series: labels.series.total, value: point.requests },
          { t: point.t, series: labels.series.failed, value: point.failedRequests },
        ]),
      },
      mark: { type: 'line', interpolate: 'step-after' },
      encoding: {
        x: { field: 't', type: 'quantitative', title: labels.axis.runTime(bucket) },
        y: {
          field: 'value',
          type: 'quantitative',
          title: `${labels.axis.requests} ${labels.axis.perBucket(bucket)}`,
          axis: { format: 'd', tickMinStep: 1 },
        },
        color: {
          field: 'series',
          type: 'nominal',
          title: labels.axis.series,
          scale: { domain: [labels.series.total, labels.series.failed], range: ['#8c959f', '#cf222e'] },
        },
      },
    },
  };
}

/** The report's charts as Vega-Lite specs, data inlined from the summary (no URLs). */
export function buildChartSpecs(summary: RunSummary, lang: Language): ChartSpec[] {
  const labels = labelsFor(lang);
  const bucket = summary.timelineBucketSeconds;
  const x = { field: 't', type: 'quantitative', title: labels.axis.runTime(bucket) } as const;
  const waitMaxMs = summary.timeline.reduce(
    (most, point) => Math.max(most, point.waitP95SaleMs ?? 0),
    Math.max(0, summary.queueWait.saleTime.p99 ?? 0),
  );
  const wait = durationUnit(waitMaxMs);
  const shopQueue = summary.queueLengthSource === 'shop';
  const stepLatency = summary.stepLatencyTimeline.flatMap((point) =>
    (['p50', 'p95', 'p99'] as const).map((percentile) => ({
      t: point.t,
      step: point.step,
      percentile,
      value: point[percentile],
    })),
  );
  return [
    {
      id: 'arrivals-admissions',
      title: labels.chart.arrivalsAdmissions,
      spec: {
        ...base,
        data: {
          values: summary.timeline.flatMap((point) => [
            { t: point.t, series: labels.series.arrivals, value: point.arrivals },
            { t: point.t, series: labels.series.admitted, value: point.admitted },
          ]),
        },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            title: `${labels.axis.people} ${labels.axis.perBucket(bucket)}`,
            axis: { format: 'd', tickMinStep: 1 },
          },
          color: { field: 'series', type: 'nominal', title: labels.axis.series },
        },
      },
    },
    {
      id: 'queue-length',
      title: shopQueue ? labels.chart.queueLength : labels.chart.queueLengthDerived,
      spec: {
        ...base,
        data: { values: summary.timeline.map((point) => ({ t: point.t, value: point.queueLength })) },
        mark: { type: 'area', line: true, opacity: 0.4, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: labels.axis.people, axis: { format: 'd', tickMinStep: 1 } },
        },
      },
    },
    ...waitOverEveryoneChart(summary, lang),
    {
      id: 'queue-wait-over-time',
      title: `${labels.chart.queueWaitOverTime} · ${labels.timeScale(summary.queueWait.timeScale)}`,
      spec: {
        ...base,
        data: {
          values: summary.timeline.flatMap((point) => [
            {
              t: point.t,
              percentile: 'p50',
              value: point.waitP50SaleMs === null ? null : point.waitP50SaleMs / wait.ms,
            },
            {
              t: point.t,
              percentile: 'p95',
              value: point.waitP95SaleMs === null ? null : point.waitP95SaleMs / wait.ms,
            },
          ]),
        },
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: labels.axis.waitSale(wait.unit) },
          color: { field: 'of.percentile', type: 'nominal', title: labels.axis.percentile },
        },
      },
    },
    {
      id: 'latency-per-step',
      title: labels.chart.latencyPerStep,
      spec: {
        ...base,
        data: { values: stepLatency },
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: labels.axis.latencyMs },
          color: { field: 'step', type: 'nominal', title: labels.axis.step },
          strokeDash: { field: 'of.percentile', type: 'nominal', title: labels.axis.percentile },
        },
      },
    },
    requestsOverTimeChart(summary, lang, 'errors-over-time', labels.chart.errorsOverTime),
    {
      id: 'outcomes-per-actor',
      title: labels.chart.outcomesPerActor,
      spec: {
        ...base,
        height: Math.max(60, 40 * Object.keys(summary.actors).length),
        data: {
          values: Object.entries(summary.actors).flatMap(([actor, figures]) =>
            OUTCOMES.map((outcome, order) => ({
              actor,
              outcome: labels.outcome[outcome],
              order,
              count: figures.outcomes[outcome],
            })),
          ),
        },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'actor', type: 'nominal', title: labels.actor },
          x: { field: 'count', type: 'quantitative', stack: 'zero', title: labels.axis.people },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: labels.result,
            scale: { domain: OUTCOMES.map((outcome) => labels.outcome[outcome]) },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    },
    {
      id: 'wait-distribution',
      title: `${labels.chart.waitDistribution} · ${labels.timeScale(summary.queueWait.timeScale)}`,
      spec: {
        ...base,
        data: {
          values: summary.queueWait.saleTimeBins
            .filter((bin) => bin.fromMs > 0)
            .map((bin) => ({ from: bin.fromMs / wait.ms, to: bin.toMs / wait.ms, count: bin.count })),
        },
        mark: { type: 'rect', color: '#0969da' },
        encoding: {
          x: { field: 'from', type: 'quantitative', scale: { type: 'log' }, title: labels.axis.waitSale(wait.unit) },
          x2: { field: 'to' },
          y: { field: 'count', type: 'quantitative', title: labels.axis.people },
          y2: { datum: 0 },
        },
      },
    },
  ];
}

/**
 * The Kaplan–Meier curve of the queue wait over everyone who joined: the share still waiting
 * after each wait (sale time), its pointwise interval as a band, and each queue-wait target as
 * a rule at its threshold with the share it allows (a p95 target allows 5% past it).
 */
function waitOverEveryoneChart(summary: RunSummary, lang: Language): ChartSpec[] {
  const over = summary.queueWait.overEveryone;
  if (!over || over.curve.length === 0) return [];
  const labels = labelsFor(lang);
  const targets = summary.targets.filter((target) => target.overEveryone && target.unit === 'ms');
  const wait = durationUnit(
    targets.reduce((most, target) => Math.max(most, target.threshold), over.saleTime.longestSeenMs),
  );
  const points = [
    { t: 0, s: 1, lower: 1, upper: 1 },
    ...over.curve.map((point) => ({
      t: point.tSaleMs / wait.ms,
      s: point.stillWaiting,
      lower: point.lower,
      upper: point.upper,
    })),
  ];
  const rules = targets.map((target) => {
    const p = /^p(\d+(?:\.\d+)?)$/.exec(target.stat);
    return {
      t: target.threshold / wait.ms,
      allowed: p ? 1 - Number(p[1]) / 100 : 0,
      label: `${labels.axis.targetLabel} ${target.stat}`,
    };
  });
  const x = { field: 't', type: 'quantitative', title: labels.axis.waitSale(wait.unit) } as const;
  const y = {
    field: 's',
    type: 'quantitative' as const,
    title: labels.axis.stillWaiting,
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  return [
    {
      id: 'wait-over-everyone',
      title: `${labels.chart.waitOverEveryone} · ${labels.timeScale(summary.queueWait.timeScale)}`,
      spec: {
        ...base,
        layer: [
          {
            data: { values: points },
            mark: { type: 'area', interpolate: 'step-after', opacity: 0.25, color: '#0969da' },
            encoding: {
              x,
              y: {
                field: 'lower',
                type: 'quantitative',
                scale: { domain: [0, 1] },
                title: labels.axis.stillWaiting,
                axis: { format: '.0%' },
              },
              y2: { field: 'upper' },
            },
          },
          {
            data: { values: points },
            mark: { type: 'line', interpolate: 'step-after', color: '#0969da' },
            encoding: { x, y },
          },
          ...(rules.length > 0
            ? [
                {
                  data: { values: rules },
                  mark: { type: 'rule' as const, color: '#cf222e', strokeDash: [4, 3] },
                  encoding: { x: { field: 't', type: 'quantitative' as const } },
                },
                {
                  data: { values: rules },
                  mark: { type: 'point' as const, color: '#cf222e', filled: true, size: 60 },
                  encoding: {
                    x: { field: 't', type: 'quantitative' as const },
                    y: { field: 'allowed', type: 'quantitative' as const },
                  },
                },
                {
                  data: { values: rules },
                  mark: { type: 'text' as const, color: '#cf222e', align: 'left' as const, dx: 4, dy: -8 },
                  encoding: {
                    x: { field: 't', type: 'quantitative' as const },
                    y: { datum: 1 },
                    text: { field: 'label' },
                  },
                },
              ]
            : []),
        ],
      },
    },
  ];
}
