/**
 * A run's targets as Artillery `ensure` conditions over the metrics the person engine reports
 * to Artillery (`saleready.response_time.<step>`, `saleready.<actor>.<metric>[.<detail>]`,
 * `http.response_time`), so that `npx artillery run test.yml` alone gates the same targets.
 * Each condition keeps the target's sentence. A target Artillery cannot express (a request
 * share filtered by a tag it does not report) is listed as judged by saleready only.
 */
import { describeTarget, type TargetSpec } from '../stats/index.ts';

export interface EnsureCondition {
  /** filtrex expression over Artillery metric names, e.g. `saleready.response_time.checkout.p95 < 800`. */
  readonly expression: string;
  readonly intent: string;
}

/** saleready's statistic → the field of an Artillery summary (its mean is `mean`). */
const SUMMARY_STAT: Record<string, string | null> = {
  p50: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  max: 'max',
  min: 'min',
  'of.mean': 'mean',
  rate: null,
  count: null,
  share: null,
};

/** `metric{tag:value,…}` → its parts (selectors come from compiled targets, so well formed). */
function splitSelector(text: string): { metric: string; tags: Record<string, string> } {
  const match = /^([^{]+)(?:\{(.*)\})?$/.exec(text.trim());
  const tags: Record<string, string> = {};
  for (const pair of (match?.[2] ?? '').split(',').filter(Boolean)) {
    const [key, value] = pair.split(':');
    if (key && value !== undefined) tags[key.trim()] = value.trim();
  }
  return { metric: (match?.[1] ?? text).trim(), tags };
}

/** The Artillery name of a selector's counter or summary, or null when it has none. */
function artilleryMetric(selectorText: string): string | null {
  const { metric, tags } = splitSelector(selectorText);
  const keys = Object.keys(tags).sort().join(',');
  if (metric === 'http_req_duration') {
    if (keys === '') return 'http.response_time';
    if (keys === 'step') return `saleready.response_time.${tags.step}`;
    return null;
  }
  if (metric === 'http_req_failed') return keys === '' ? 'saleready.requests_failed / http.requests' : null;
  if (!metric.startsWith('sr_')) return null;
  // the engine reports sr_* per actor: without one, people and bots add up
  const detail = [tags.outcome, tags.reason, tags.kind && `${tags.kind}.${tags.result ?? ''}`]
    .filter(Boolean)
    .join('.');
  const allowed = new Set(['actor', 'outcome', 'reason', 'kind', 'result']);
  if (Object.keys(tags).some((key) => !allowed.has(key))) return null;
  const name = (actor: string): string => `saleready.${actor}.${metric.slice(3)}${detail ? `.${detail}` : ''}`;
  return tags.actor ? name(tags.actor) : `(${name('person')} + ${name('bot')})`;
}

function round(value: number): number {
  return Number(value.toFixed(3));
}

/** The condition for one target, or null when Artillery cannot express it. */
export function conditionForTarget(target: TargetSpec): EnsureCondition | null {
  const metric = artilleryMetric(target.metric);
  if (metric === null) return null;
  const value = round(target.threshold / (target.scale ?? 1));
  const op = target.op === '==' ? '==' : target.op;
  const runTime = target.scale && target.scale !== 1 ? ` (${value} ms in run time)` : '';
  const intent = `${describeTarget(target, 'en')}${runTime}`;
  if (target.stat === 'count') return { expression: `${metric} ${op} ${value}`, intent };
  // the mean of http_req_failed (k6's `avg`) is its rate
  if (target.stat === 'rate' || (target.stat === 'of.mean' && metric.includes('/')))
    return metric.includes('/') ? { expression: `${metric} ${op} ${value}`, intent } : null;
  if (target.stat === 'share') {
    const of = target.of ? artilleryMetric(target.of) : null;
    return of ? { expression: `(${metric}) / (${of}) ${op} ${value}`, intent } : null;
  }
  const stat = SUMMARY_STAT[target.stat];
  if (!stat || metric.includes(' ')) return null;
  return { expression: `${metric}.${stat} ${op} ${value}`, intent };
}

export function buildEnsureConditions(targets: readonly TargetSpec[]): {
  conditions: EnsureCondition[];
  notExpressible: TargetSpec[];
} {
  const conditions: EnsureCondition[] = [];
  const notExpressible: TargetSpec[] = [];
  for (const target of targets) {
    const condition = conditionForTarget(target);
    if (condition) conditions.push(condition);
    else notExpressible.push(target);
  }
  return { conditions, notExpressible };
}
