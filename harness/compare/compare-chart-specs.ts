import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT, type RunSummary } from '../report/index.ts';
import type { Language } from '../vocabulary.ts';

/** One overlay chart: id, title (both languages resolved by the caller), Vega-Lite spec. */
export interface CompareChartSpec {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 640,
  height: 220,
  background: 'white',
  config: { font: CHART_FONT },
} as const;
const RUN_COLOURS = { domain: ['A', 'B'], range: ['#0969da', '#cf222e'] };

const TITLES = {
  en: {
    latency: 'Latency p95 per step over time (A solid, B dashed)',
    queue: 'People in the queue over time',
    requests: 'Requests per bucket over time',
    wait: 'Queue wait p95 over time (sale time, s)',
    x: 'run time (s)',
    latencyAxis: 'latency p95 (ms)',
    people: 'people',
    requestsAxis: 'requests',
    waitAxis: 'wait p95, sale time (s)',
    step: 'step',
    run: 'run',
  },
  ko: {
    latency: '단계별 지연 시간 p95 추이 (A 실선, B 점선)',
    queue: '대기열 인원 추이',
    requests: '구간별 요청 수 추이',
    wait: '대기 시간 p95 추이 (판매 시간 기준, 초)',
    x: '실행 시간 (초)',
    latencyAxis: '지연 시간 p95 (ms)',
    people: '명',
    requestsAxis: '요청 수',
    waitAxis: '대기 p95, 판매 시간 (초)',
    step: '단계',
    run: '실행',
  },
} as const;

/** The two runs' timelines overlaid, data inlined from each summary (no URLs), run A and B by colour or dash. */
export function buildCompareChartSpecs(a: RunSummary, b: RunSummary, lang: Language): CompareChartSpec[] {
  const words = TITLES[lang];
  const runs = [
    ['A', a],
    ['B', b],
  ] as const;
  const x = { field: 't', type: 'quantitative', title: words.x } as const;
  const run = { field: 'run', type: 'nominal', title: words.run, scale: RUN_COLOURS } as const;
  const perRun = (pick: (point: RunSummary['timeline'][number]) => number | null) =>
    runs.flatMap(([name, summary]) => summary.timeline.map((point) => ({ t: point.t, run: name, value: pick(point) })));
  return [
    {
      id: 'latency-p95',
      title: words.latency,
      spec: {
        ...base,
        data: {
          values: runs.flatMap(([name, summary]) =>
            summary.stepLatencyTimeline.map((point) => ({ t: point.t, step: point.step, run: name, value: point.p95 })),
          ),
        },
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'line', point: { size: 12 } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: words.latencyAxis },
          color: { field: 'step', type: 'nominal', title: words.step },
          strokeDash: {
            field: 'run',
            type: 'nominal',
            title: words.run,
            scale: {
              domain: ['A', 'B'],
              range: [
                [1, 0],
                [6, 3],
              ],
            },
          },
          detail: { field: 'run', type: 'nominal' },
        },
      },
    },
    {
      id: 'queue-length',
      title: words.queue,
      spec: {
        ...base,
        data: { values: perRun((point) => point.queueLength) },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: words.people, axis: { format: 'd', tickMinStep: 1 } },
          color: run,
        },
      },
    },
    {
      id: 'requests',
      title: words.requests,
      spec: {
        ...base,
        data: { values: perRun((point) => point.requests) },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: words.requestsAxis, axis: { format: 'd', tickMinStep: 1 } },
          color: run,
        },
      },
    },
    {
      id: 'queue-wait-p95',
      title: words.wait,
      spec: {
        ...base,
        data: { values: perRun((point) => (point.waitP95SaleMs === null ? null : point.waitP95SaleMs / 1000)) },
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'line', point: true },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: words.waitAxis }, color: run },
      },
    },
  ];
}
