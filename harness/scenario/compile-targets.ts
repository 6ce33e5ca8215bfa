/**
 * Compiles a scenario's targets into TargetSpecs (docs/METRICS.md), each with a sentence
 * that says its intent ("95% of checkouts under 800 ms"). The same sentences label the k6
 * thresholds in the generated script. Pure: no I/O.
 */
import { scaleCount } from './plan-run.ts';
import type { JourneyStep, Scenario } from './scenario-schema.ts';
import type { TargetSpec, TargetStat } from './target-spec.ts';

type PercentileKey = 'p50' | 'p90' | 'p95' | 'p99' | 'max';
const PERCENTILE_KEYS: readonly PercentileKey[] = ['p50', 'p90', 'p95', 'p99', 'max'];

const STEP_NOUNS: Record<JourneyStep, readonly [singular: string, plural: string]> = {
  login: ['login', 'logins'],
  join: ['queue join', 'queue joins'],
  poll: ['queue poll', 'queue polls'],
  product: ['product view', 'product views'],
  cart: ['add-to-cart request', 'add-to-cart requests'],
  checkout: ['checkout', 'checkouts'],
};

/** 0.01 → "1%", 0.005 → "0.5%". */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(6))}%`;
}

/** "95% of", "half of", "every": the quantifier for a percentile key. */
function quantifier(key: PercentileKey, plural: string, singular: string): string {
  if (key === 'max') return `every ${singular}`;
  if (key === 'p50') return `half of ${plural}`;
  return `${key.slice(1)}% of ${plural}`;
}

function latencyTargets(latency: Scenario['targets']['latency']): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const [step, limits] of Object.entries(latency ?? {}) as [JourneyStep, Partial<Record<PercentileKey, number>>][]) {
    const [singular, plural] = STEP_NOUNS[step];
    for (const key of PERCENTILE_KEYS) {
      const ms = limits[key];
      if (ms === undefined) continue;
      specs.push({
        id: `latency.${step}.${key}`,
        description: `${quantifier(key, plural, singular)} under ${ms} ms`.replace(/^./, (c) => c.toUpperCase()),
        metric: `http_req_duration{step:${step}}`,
        stat: key as TargetStat,
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
    const who = key === 'max' ? 'every person waits' : key === 'p50' ? 'half of people wait' : `${key.slice(1)}% of people wait`;
    specs.push({
      id: `queue-wait.${key}`,
      description: `${who} at most ${minutes} min in the queue (sale time)`.replace(/^./, (c) => c.toUpperCase()),
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
      description: `No unit is sold beyond the stock (${stock} units in this run)`,
      metric: 'sr_units_bought',
      stat: 'count',
      op: '<=',
      threshold: stock,
      unit: 'count',
    });
  }
  return specs;
}
