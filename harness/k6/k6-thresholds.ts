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

const BYPASS_KINDS = ['no_token', 'replayed_token', 'forged_token'] as const;
const BYPASS_RESULTS = ['refused', 'let_through', 'error'] as const;

export interface CountingThresholdsOptions {
  /** Also count per actor and the bots' own metrics (queue-skipping attempts, bot orders). */
  readonly bots?: boolean;
}

/** Always-met thresholds that make k6 report these sub-metrics in its summary. */
export function countingThresholds(options: CountingThresholdsOptions = {}): K6Threshold[] {
  const counts: K6Threshold[] = [];
  const count = (metric: string, intent: string): void => {
    counts.push({ metric, expression: 'count>=0', intent });
  };
  for (const outcome of OUTCOMES) count(`sr_outcome{outcome:${outcome}}`, `people whose journey ended: ${outcome}`);
  for (const reason of ['ticket_expired', 'relogin_requeue']) count(`sr_reentries{reason:${reason}}`, `re-entries: ${reason}`);
  for (const step of STEPS) count(`http_reqs{step:${step}}`, `requests of step ${step}`);
  if (!options.bots) return counts;
  for (const actor of ['person', 'bot']) {
    count(`sr_arrivals{actor:${actor}}`, `${actor}s who arrived`);
    count(`sr_admitted{actor:${actor}}`, `${actor}s admitted`);
    count(`sr_units_bought{actor:${actor}}`, `units bought by ${actor}s`);
    for (const outcome of OUTCOMES) count(`sr_outcome{actor:${actor},outcome:${outcome}}`, `${actor}s whose journey ended: ${outcome}`);
  }
  count('http_reqs{actor:bot,step:checkout,status:200}', 'orders placed by bots');
  for (const kind of BYPASS_KINDS) {
    for (const result of BYPASS_RESULTS) count(`sr_bypass_attempts{kind:${kind},result:${result}}`, `attempts to skip the queue: ${kind}, ${result}`);
  }
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
