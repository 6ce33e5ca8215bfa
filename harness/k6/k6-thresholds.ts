/**
 * k6 thresholds for a plan's targets, each with its sentence, plus "counting" thresholds
 * that are always met and exist so that k6's end-of-test summary (and its REST API) carry
 * per-outcome and per-step counts. saleready judges targets itself (harness/stats); the k6
 * thresholds help a person who reruns the script with k6 alone.
 */
import type { RunPlan, TargetSpec } from '../scenario/index.ts';

export interface K6Threshold {
  /** k6 metric or sub-metric, e.g. `http_req_duration{step:checkout}`. */
  readonly metric: string;
  /** k6 threshold expression, e.g. `p(95)<800`. */
  readonly expression: string;
  /** What it means, in words. */
  readonly intent: string;
}

const K6_STAT: Record<string, string | null> = {
  p50: 'p(50)', p90: 'p(90)', p95: 'p(95)', p99: 'p(99)', max: 'max', min: 'min', mean: 'avg', rate: 'rate', count: 'count', share: null,
};

function round(value: number): number {
  return Number(value.toFixed(3));
}

/** The k6 threshold for one target; null when k6 cannot express it (a share of two metrics). */
export function thresholdForTarget(target: TargetSpec, timeScale: number): K6Threshold | null {
  const stat = K6_STAT[target.stat];
  if (!stat) return null;
  const value = round(target.threshold / (target.scale ?? 1));
  const runTime = target.scale && target.scale !== 1 ? ` (${value} ms in run time at time scale ${timeScale})` : '';
  return { metric: target.metric, expression: `${stat}${target.op}${value}`, intent: `${target.description}${runTime}` };
}

const OUTCOMES = ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error'] as const;
const STEPS = ['login', 'join', 'poll', 'product', 'cart', 'checkout'] as const;

/** Always-met thresholds that make k6 report these sub-metrics in its summary. */
export function countingThresholds(): K6Threshold[] {
  const counts: K6Threshold[] = [];
  for (const outcome of OUTCOMES) counts.push({ metric: `sr_outcome{outcome:${outcome}}`, expression: 'count>=0', intent: `people whose journey ended: ${outcome}` });
  for (const reason of ['ticket_expired', 'relogin_requeue']) counts.push({ metric: `sr_reentries{reason:${reason}}`, expression: 'count>=0', intent: `re-entries: ${reason}` });
  for (const step of STEPS) counts.push({ metric: `http_reqs{step:${step}}`, expression: 'count>=0', intent: `requests of step ${step}` });
  return counts;
}

/** Target thresholds (with intents) and the shares k6 cannot judge. */
export function buildThresholds(plan: Pick<RunPlan, 'targets' | 'timeScale'>): { thresholds: K6Threshold[]; notExpressible: TargetSpec[] } {
  const thresholds: K6Threshold[] = [];
  const notExpressible: TargetSpec[] = [];
  for (const target of plan.targets) {
    const threshold = thresholdForTarget(target, plan.timeScale);
    if (threshold) thresholds.push(threshold);
    else notExpressible.push(target);
  }
  return { thresholds, notExpressible };
}
