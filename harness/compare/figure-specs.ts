import {
  aggregateOf,
  runDurationSeconds,
  trendBlocks,
  JOURNEY_TAG_VALUES,
  type TrendBlocks,
} from '../results/index.ts';
import { describeStatistic, type TargetSubject } from '../stats/index.ts';
import { stepWords } from '../vocabulary.ts';
import type { BetterWhen, Bilingual, FigureKind, FigureUnit } from './comparison-types.ts';
import type { LoadedRun } from './load-run.ts';

/** What one run gives a figure's test: a histogram, a proportion, a rate, a count, or nothing. */
export type FigureSample =
  | {
      readonly type: 'histogram';
      /** The run's values whole and by block of time (block bootstrap), and the blocks' length. */
      readonly values: TrendBlocks;
      readonly p: number;
      /** Multiplies run-time values into the figure's unit (k for waits shown in sale time). */
      readonly scale: number;
    }
  | { readonly type: 'proportion'; readonly x: number; readonly n: number }
  | { readonly type: 'rate'; readonly events: number; readonly exposure: number }
  | { readonly type: 'count'; readonly value: number }
  | { readonly type: 'value'; readonly value: number | null; readonly samples: number }
  | { readonly type: 'missing'; readonly note: string };

/** A figure to compare and how to read it from a run. */
export interface FigureSpec {
  readonly id: string;
  readonly label: Bilingual;
  readonly kind: FigureKind;
  readonly unit: FigureUnit;
  readonly betterWhen: BetterWhen;
  readonly metric: string;
  readonly stat: string;
  readonly targetIds: string[];
  readonly sample: (run: LoadedRun) => FigureSample;
}

const PERCENTILES = [
  { stat: 'p50', p: 0.5 },
  { stat: 'p95', p: 0.95 },
  { stat: 'p99', p: 0.99 },
] as const;

/** A percentile figure's sample: the Trend a selector names, whole and in blocks of time. */
export function histogramSample(run: LoadedRun, selector: string, p: number, scale: number): FigureSample {
  const blocks = trendBlocks(run.ingest, selector);
  if (blocks === null) return { type: 'missing', note: `${selector} was not recorded` };
  return { type: 'histogram', values: blocks, p, scale };
}

/** Steps either run measured, in the journey's order (steps the journey library does not know last). */
function stepsOf(a: LoadedRun, b: LoadedRun): string[] {
  const seen = new Set([...a.summary.latencyByStep, ...b.summary.latencyByStep].map((row) => row.step));
  const known = JOURNEY_TAG_VALUES.get('step') ?? [];
  return [...known.filter((step) => seen.has(step)), ...[...seen].filter((step) => !known.includes(step)).sort()];
}

function latencySpecs(a: LoadedRun, b: LoadedRun): FigureSpec[] {
  return stepsOf(a, b).flatMap((step) =>
    PERCENTILES.map(({ stat, p }) => {
      const words = stepWords(step);
      const metric = `http_req_duration{step:${step}}`;
      return {
        id: `latency.${step}.${stat}`,
        label: { en: describeStatistic(stat, words, 'en'), ko: describeStatistic(stat, words, 'ko') },
        kind: 'latency' as const,
        unit: 'ms' as const,
        betterWhen: 'lower' as const,
        metric,
        stat,
        targetIds: [],
        sample: (run: LoadedRun): FigureSample =>
          run.summary.latencyByStep.some((row) => row.step === step)
            ? histogramSample(run, metric, p, 1)
            : { type: 'missing', note: `no ${step} requests` },
      };
    }),
  );
}

/** People's waits in the queue, shown in sale time: "95% of people's queue waits (sale time)". */
const QUEUE_WAITS: TargetSubject = {
  en: "people's queue waits",
  ko: '대기 시간',
  note: { en: 'sale time', ko: '판매 시간 기준' },
};

function queueWaitSpecs(): FigureSpec[] {
  const metric = 'sr_queue_wait{actor:person}';
  return PERCENTILES.map(({ stat, p }) => ({
    id: `queue-wait.${stat}`,
    label: { en: describeStatistic(stat, QUEUE_WAITS, 'en'), ko: describeStatistic(stat, QUEUE_WAITS, 'ko') },
    kind: 'queue-wait' as const,
    unit: 'ms' as const,
    betterWhen: 'lower' as const,
    metric,
    stat,
    targetIds: [],
    sample: (run: LoadedRun) => histogramSample(run, metric, p, run.summary.scenario.timeScale),
  }));
}

const OUTCOME_WORDS = {
  bought: { en: 'share of people who bought', ko: '구매에 성공한 사람 비율', better: 'higher' },
  gave_up: { en: 'share of people who gave up', ko: '포기한 사람 비율', better: 'lower' },
  lost_place: { en: 'share of people who lost their place', ko: '순번을 잃은 사람 비율', better: 'lower' },
  error: { en: 'share of people who ended in an error', ko: '오류로 끝난 사람 비율', better: 'lower' },
} as const;

function outcomeSpecs(): FigureSpec[] {
  return Object.entries(OUTCOME_WORDS).map(([outcome, words]) => ({
    id: `outcome.${outcome}`,
    label: { en: words.en, ko: words.ko },
    kind: 'outcome-share' as const,
    unit: 'ratio' as const,
    betterWhen: words.better,
    stat: 'share',
    metric: `sr_outcome{actor:person,outcome:${outcome}}`,
    targetIds: [],
    sample: (run: LoadedRun): FigureSample => {
      const person = run.summary.actors.person;
      if (!person || person.arrivals === 0) return { type: 'missing', note: 'no people arrived' };
      const x = person.outcomes[outcome as keyof typeof person.outcomes];
      return { type: 'proportion', x: Math.min(x, person.arrivals), n: person.arrivals };
    },
  }));
}

function errorRateSpec(): FigureSpec {
  return {
    id: 'errors.rate',
    label: { en: 'request error rate', ko: '요청 오류율' },
    kind: 'error-rate',
    unit: 'ratio',
    betterWhen: 'lower',
    metric: 'http_req_failed',
    stat: 'rate',
    targetIds: [],
    sample: (run) => {
      const aggregate = aggregateOf(run.ingest, 'http_req_failed');
      if (aggregate === null || aggregate.kind !== 'rate' || aggregate.count === 0)
        return { type: 'missing', note: 'no requests recorded' };
      return { type: 'proportion', x: aggregate.nonZero, n: aggregate.count };
    },
  };
}

function throughputSpec(): FigureSpec {
  return {
    id: 'throughput.requests',
    label: { en: 'requests per second', ko: '초당 요청 수' },
    kind: 'throughput',
    unit: 'per-second',
    betterWhen: 'higher',
    metric: 'http_reqs',
    stat: 'rate',
    targetIds: [],
    sample: (run) => {
      const seconds = runDurationSeconds(run.ingest);
      if (!(seconds > 0)) return { type: 'missing', note: 'the run lasted less than a second of samples' };
      return { type: 'rate', events: run.summary.requests.total, exposure: seconds };
    },
  };
}

/** The key figures every comparison covers, in reading order. */
export function keyFigureSpecs(a: LoadedRun, b: LoadedRun): FigureSpec[] {
  return [...latencySpecs(a, b), errorRateSpec(), ...queueWaitSpecs(), ...outcomeSpecs(), throughputSpec()];
}
