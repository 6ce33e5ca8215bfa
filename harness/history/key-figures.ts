import { parseSelector } from '../results/index.ts';
import type { RunSummary, TargetResult } from '../report/index.ts';

/** The figures the history follows per run (the performance trend report's rows). */
export interface RunKeyFigures {
  /** p95 response time (ms) per step of a saleready run, or per group of an analyzed k6 run (`groups`). */
  readonly latencyP95: ReadonlyMap<string, number>;
  /** Failed share of all requests, 0…1. */
  readonly errorRate: number | null;
  /** p95 queue wait in sale time (ms); null when nobody waited. */
  readonly queueWaitP95SaleMs: number | null;
  /** Units sold over the run's stock, 0…1; null when the stock is not known. */
  readonly stockSoldShare: number | null;
}

export type KeyFigure = 'latency' | 'errors' | 'queue-wait' | 'stock-sold';

/** A target drawn as a rule on a key figure's chart, in that chart's unit. */
export interface TargetRule {
  readonly figure: KeyFigure;
  /** The latency series (step or group) it belongs to; null for single-series figures. */
  readonly series: string | null;
  readonly value: number;
  readonly targetId: string;
}

export function keyFiguresOf(summary: RunSummary): RunKeyFigures {
  const latency = new Map<string, number>();
  // An analyzed k6 run is followed by its groups; a saleready run by its journey steps.
  const series =
    summary.groups !== undefined
      ? summary.groups.rows.map((group) => [group.key, group.latency.p95] as const)
      : summary.latencyByStep.map((step) => [step.step, step.p95] as const);
  for (const [name, p95] of series) if (p95 !== null) latency.set(name, p95);
  const stock = summary.stock.stock;
  return {
    latencyP95: latency,
    errorRate: summary.requests.errorRate,
    queueWaitP95SaleMs: summary.queueWait.saleTime.count > 0 ? summary.queueWait.saleTime.p95 : null,
    stockSoldShare: stock !== null && stock > 0 ? summary.stock.unitsSold / stock : null,
  };
}

const MS_PER_UNIT: Readonly<Record<string, number>> = { ms: 1, s: 1_000, min: 60_000, h: 3_600_000 };

/**
 * The run's targets that measure one of the key figures, as rules on its chart: a p95 of
 * `http_req_duration{step:…}` (or of a group's exact tags), a rate of all `http_req_failed`,
 * a p95 of `sr_queue_wait` (in ms of sale time) and a count of all `sr_units_bought`
 * (as a share of the run's stock). Other targets have their own trend rows.
 */
export function targetRulesOf(summary: RunSummary): TargetRule[] {
  const rules: TargetRule[] = [];
  const add = (target: TargetResult, figure: KeyFigure, series: string | null, value: number): void => {
    rules.push({ figure, series, value, targetId: target.id });
  };
  for (const target of summary.targets) {
    let selector;
    try {
      selector = parseSelector(target.metric);
    } catch {
      continue;
    }
    const tags = Object.entries(selector.tags);
    if (selector.metric === 'http_req_duration' && target.stat === 'p95' && target.unit === 'ms') {
      if (tags.length === 1 && tags[0]?.[0] === 'step') add(target, 'latency', tags[0][1], target.threshold);
      const group = summary.groups?.rows.find(
        (row) =>
          tags.length > 0 &&
          tags.every(([key, value]) => row.tags[key] === value) &&
          Object.keys(row.tags).length === tags.length,
      );
      if (group !== undefined) add(target, 'latency', group.key, target.threshold);
    } else if (selector.metric === 'http_req_failed' && tags.length === 0 && target.stat === 'rate') {
      add(target, 'errors', null, target.threshold);
    } else if (selector.metric === 'sr_queue_wait' && target.stat === 'p95' && MS_PER_UNIT[target.unit] !== undefined) {
      add(target, 'queue-wait', null, target.threshold * (MS_PER_UNIT[target.unit] as number));
    } else if (
      selector.metric === 'sr_units_bought' &&
      tags.length === 0 &&
      target.stat === 'count' &&
      (target.op === '>=' || target.op === '>')
    ) {
      const stock = summary.stock.stock;
      if (stock !== null && stock > 0) add(target, 'stock-sold', null, target.threshold / stock);
    }
  }
  return rules;
}
