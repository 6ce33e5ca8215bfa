/**
 * Compiles a scenario's targets into TargetSpecs (docs/METRICS.md), each with a sentence
 * that says its intent ("95% of checkouts under 800 ms"). The same sentences label the
 * ensure conditions of the generated Artillery test. Pure: no I/O.
 */
import { formatPercent } from '../vocabulary.ts';
import { scaleCount } from './time-scale.ts';
import type { JourneyStep, Scenario } from './scenario-schema.ts';
import type { TargetSpec } from '../stats/index.ts';

type PercentileKey = 'p50' | 'p90' | 'p95' | 'p99' | 'max';
const PERCENTILE_KEYS: readonly PercentileKey[] = ['p50', 'p90', 'p95', 'p99', 'max'];

/** Korean nouns for the same requests. */
const STEP_NOUNS_KO: Record<JourneyStep, string> = {
  login: '로그인 요청',
  join: '대기열 입장 요청',
  poll: '대기 순번 조회',
  product: '상품 조회',
  cart: '장바구니 요청',
  checkout: '결제 요청',
};

/** "95%", "절반", "모든": the Korean quantifier of a percentile key. */
function quantifierKo(key: PercentileKey): string {
  if (key === 'max') return '모두';
  if (key === 'p50') return '절반';
  return `${key.slice(1)}%`;
}

const STEP_NOUNS: Record<JourneyStep, readonly [singular: string, plural: string]> = {
  login: ['login', 'logins'],
  join: ['queue join', 'queue joins'],
  poll: ['queue poll', 'queue polls'],
  product: ['product view', 'product views'],
  cart: ['add-to-cart request', 'add-to-cart requests'],
  checkout: ['checkout', 'checkouts'],
};

/** "95% of", "half of", "every": the quantifier for a percentile key. */
function quantifier(key: PercentileKey, plural: string, singular: string): string {
  if (key === 'max') return `every ${singular}`;
  if (key === 'p50') return `half of ${plural}`;
  return `${key.slice(1)}% of ${plural}`;
}

function latencyTargets(latency: Scenario['targets']['latency']): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const [step, limits] of Object.entries(latency ?? {}) as [
    JourneyStep,
    Partial<Record<PercentileKey, number>>,
  ][]) {
    const [singular, plural] = STEP_NOUNS[step];
    for (const key of PERCENTILE_KEYS) {
      const ms = limits[key];
      if (ms === undefined) continue;
      specs.push({
        id: `latency.${step}.${key}`,
        description: `${quantifier(key, plural, singular)} under ${ms} ms`.replace(/^./, (c) => c.toUpperCase()),
        descriptionKo: `${STEP_NOUNS_KO[step]}의 ${quantifierKo(key)}가 ${ms} ms 미만`,
        metric: `http_req_duration{step:${step}}`,
        stat: key,
        op: '<',
        threshold: ms,
        unit: 'ms',
      });
    }
  }
  return specs;
}

function queueWaitTargets(waits: Scenario['targets']['queueWaitMinutes'], timeScale: number): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const key of PERCENTILE_KEYS) {
    const minutes = waits?.[key];
    if (minutes === undefined) continue;
    const who =
      key === 'max' ? 'every person waits' : key === 'p50' ? 'half of people wait' : `${key.slice(1)}% of people wait`;
    specs.push({
      id: `queue-wait.${key}`,
      description: `${who} at most ${minutes} min in the queue (sale time)`.replace(/^./, (c) => c.toUpperCase()),
      descriptionKo: `${key === 'max' ? '모든 사람이' : key === 'p50' ? '사람들의 절반이' : `사람들의 ${key.slice(1)}%가`} 대기열에서 ${minutes}분 이내로 기다림 (판매 시간 기준)`,
      metric: 'sr_queue_wait{actor:person}',
      stat: key,
      op: '<=',
      threshold: minutes * 60_000,
      unit: 'ms',
      scale: timeScale,
    });
  }
  return specs;
}

/** TargetSpecs for every target the scenario names, in a fixed order. */
export function compileTargets(scenario: Scenario): TargetSpec[] {
  const { targets } = scenario;
  const stock = scaleCount(scenario.sale.stock, scenario.timeScale);
  const specs = [...latencyTargets(targets.latency)];
  if (targets.errorRate !== undefined) {
    specs.push({
      id: 'errors.rate',
      description: `At most ${formatPercent(targets.errorRate)} of requests fail`,
      descriptionKo: `실패한 요청이 ${formatPercent(targets.errorRate)} 이하`,
      metric: 'http_req_failed',
      stat: 'rate',
      op: '<=',
      threshold: targets.errorRate,
      unit: 'ratio',
    });
  }
  specs.push(...queueWaitTargets(targets.queueWaitMinutes, scenario.timeScale));
  if (targets.servedShare?.people !== undefined) {
    specs.push({
      id: 'served.people',
      description: `At least ${formatPercent(targets.servedShare.people)} of people buy`,
      descriptionKo: `사람들의 ${formatPercent(targets.servedShare.people)} 이상이 구매`,
      metric: 'sr_outcome{actor:person,outcome:bought}',
      stat: 'share',
      op: '>=',
      threshold: targets.servedShare.people,
      unit: 'ratio',
      of: 'sr_arrivals{actor:person}',
    });
  }
  if (targets.servedShare?.stock !== undefined) {
    const units = Math.ceil(targets.servedShare.stock * stock - 1e-9);
    specs.push({
      id: 'served.stock',
      description: `At least ${formatPercent(targets.servedShare.stock)} of the stock is sold (${units} of ${stock} units in this run)`,
      descriptionKo: `재고의 ${formatPercent(targets.servedShare.stock)} 이상 판매 (이번 실행에서 ${stock}개 중 ${units}개)`,
      metric: 'sr_units_bought',
      stat: 'count',
      op: '>=',
      threshold: units,
      unit: 'count',
    });
  }
  if (targets.bots !== undefined) {
    const units = Math.floor(targets.bots.maxStockShare * stock + 1e-9);
    specs.push({
      id: 'bots.stock-share',
      description: `Bots buy at most ${formatPercent(targets.bots.maxStockShare)} of the stock (${units} of ${stock} units in this run)`,
      descriptionKo: `봇 구매가 재고의 ${formatPercent(targets.bots.maxStockShare)} 이하 (이번 실행에서 ${stock}개 중 ${units}개)`,
      metric: 'sr_units_bought{actor:bot}',
      stat: 'count',
      op: '<=',
      threshold: units,
      unit: 'count',
    });
  }
  if (targets.oversold !== undefined) {
    specs.push({
      id: 'oversold',
      description: `No overselling: at most the ${stock} units of stock are sold in this run`,
      descriptionKo: `초과 판매 없음: 이번 실행의 재고 ${stock}개 이하로 판매`,
      metric: 'sr_units_bought',
      stat: 'count',
      op: '<=',
      threshold: stock,
      unit: 'count',
    });
  }
  return specs;
}
