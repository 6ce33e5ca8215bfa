/**
 * Compiles a scenario's targets into TargetSpecs (docs/METRICS.md), each with a sentence
 * that says its intent ("95% of checkouts under 800 ms"), made by stats' generator
 * (`describeTarget`) from the words of what each target measures. The same sentences label
 * the ensure conditions of the generated Artillery test. Pure: no I/O.
 */
import { describeTarget, type TargetSpec, type TargetSubject } from '../stats/index.ts';
import { formatNumber, stepWords } from '../vocabulary.ts';
import { scaleCount } from './time-scale.ts';
import type { JourneyStep, Scenario } from './scenario-schema.ts';

type PercentileKey = 'p50' | 'p90' | 'p95' | 'p99' | 'max';
const PERCENTILE_KEYS: readonly PercentileKey[] = ['p50', 'p90', 'p95', 'p99', 'max'];

const SALE_TIME = { en: 'sale time', ko: '판매 시간 기준' };
const PEOPLE_WAITING: TargetSubject = {
  en: 'people',
  ko: '사람들',
  every: { en: 'every person', ko: '모든 사람' },
  verb: { en: 'wait', enOne: 'waits', ko: '기다림', where: { en: 'in the queue', ko: '대기열에서' } },
  note: SALE_TIME,
};
const REQUESTS_FAILING: TargetSubject = { en: 'requests', ko: '요청', verb: { en: 'fail', ko: '실패' } };
const PEOPLE_BUYING: TargetSubject = { en: 'people', ko: '사람들', verb: { en: 'buy', ko: '구매' } };
const STOCK = { en: 'the stock', ko: '재고' };

/** The spec with its sentences, from stats' generator (in the words of `subject`). */
function described(spec: Omit<TargetSpec, 'description' | 'descriptionKo'>, subject: TargetSubject): TargetSpec {
  const words = { ...spec, subject };
  return { ...spec, description: describeTarget(words, 'en'), descriptionKo: describeTarget(words, 'ko') };
}

/**
 * A count of units judged as the share of the stock the scenario names: said as that share
 * ("At least 90% of the stock is sold"), with the count of this run in the note.
 */
function stockShare(
  spec: Omit<TargetSpec, 'description' | 'descriptionKo'>,
  share: number,
  verb: TargetSubject['verb'],
  stock: number,
): TargetSpec {
  const note = {
    en: `${formatNumber(spec.threshold)} of ${formatNumber(stock)} units in this run`,
    ko: `이번 실행에서 ${formatNumber(stock)}개 중 ${formatNumber(spec.threshold)}개`,
  };
  const words = { ...spec, stat: 'share' as const, threshold: share, unit: 'ratio', subject: { ...STOCK, verb, note } };
  return { ...spec, description: describeTarget(words, 'en'), descriptionKo: describeTarget(words, 'ko') };
}

function latencyTargets(latency: Scenario['targets']['latency']): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const [step, limits] of Object.entries(latency ?? {}) as [
    JourneyStep,
    Partial<Record<PercentileKey, number>>,
  ][]) {
    for (const key of PERCENTILE_KEYS) {
      const ms = limits[key];
      if (ms === undefined) continue;
      specs.push(
        described(
          {
            id: `latency.${step}.${key}`,
            metric: `http_req_duration{step:${step}}`,
            stat: key,
            op: '<',
            threshold: ms,
            unit: 'ms',
          },
          stepWords(step),
        ),
      );
    }
  }
  return specs;
}

function queueWaitTargets(waits: Scenario['targets']['queueWaitMinutes'], timeScale: number): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const key of PERCENTILE_KEYS) {
    const minutes = waits?.[key];
    if (minutes === undefined) continue;
    specs.push(
      described(
        {
          id: `queue-wait.${key}`,
          metric: 'sr_queue_wait{actor:person}',
          stat: key,
          op: '<=',
          threshold: minutes * 60_000,
          unit: 'ms',
          scale: timeScale,
        },
        PEOPLE_WAITING,
      ),
    );
  }
  return specs;
}

/** TargetSpecs for every target the scenario names, in a fixed order. */
export function compileTargets(scenario: Scenario): TargetSpec[] {
  const { targets } = scenario;
  const stock = scaleCount(scenario.sale.stock, scenario.timeScale);
  const specs = [...latencyTargets(targets.latency)];
  if (targets.errorRate !== undefined) {
    specs.push(
      described(
        {
          id: 'errors.rate',
          metric: 'http_req_failed',
          stat: 'rate',
          op: '<=',
          threshold: targets.errorRate,
          unit: 'ratio',
        },
        REQUESTS_FAILING,
      ),
    );
  }
  specs.push(...queueWaitTargets(targets.queueWaitMinutes, scenario.timeScale));
  if (targets.servedShare?.people !== undefined) {
    specs.push(
      described(
        {
          id: 'served.people',
          metric: 'sr_outcome{actor:person,outcome:bought}',
          stat: 'share',
          op: '>=',
          threshold: targets.servedShare.people,
          unit: 'ratio',
          of: 'sr_arrivals{actor:person}',
        },
        PEOPLE_BUYING,
      ),
    );
  }
  if (targets.servedShare?.stock !== undefined) {
    const share = targets.servedShare.stock;
    const units = Math.ceil(share * stock - 1e-9);
    const spec = {
      id: 'served.stock',
      metric: 'sr_units_bought',
      stat: 'count',
      op: '>=',
      threshold: units,
      unit: 'count',
    } as const;
    specs.push(stockShare(spec, share, { en: 'is sold', ko: '판매' }, stock));
  }
  if (targets.bots !== undefined) {
    const share = targets.bots.maxStockShare;
    const units = Math.floor(share * stock + 1e-9);
    const spec = {
      id: 'bots.stock-share',
      metric: 'sr_units_bought{actor:bot}',
      stat: 'count',
      op: '<=',
      threshold: units,
      unit: 'count',
    } as const;
    specs.push(stockShare(spec, share, { en: 'is bought by bots', ko: '봇에게 판매' }, stock));
  }
  if (targets.oversold !== undefined) {
    specs.push(
      described(
        { id: 'oversold', metric: 'sr_units_bought', stat: 'count', op: '<=', threshold: stock, unit: 'count' },
        {
          en: 'units of stock',
          enOne: 'unit of stock',
          ko: '재고',
          koCounter: '개',
          verb: { en: 'are sold', enOne: 'is sold', ko: '판매', where: { en: 'in this run', ko: '이번 실행에서' } },
          note: { en: 'all of the stock, no overselling', ko: '재고 전부, 초과 판매 없음' },
        },
      ),
    );
  }
  return specs;
}
