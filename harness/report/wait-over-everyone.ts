/**
 * summary.json's `queueWait.overEveryone`: the Kaplan–Meier curve of the queue wait over
 * everyone who joined (harness/results estimateQueueWaitOverEveryone), in sale time, with its
 * percentiles and their intervals, and the curve thinned to at most MAX_CURVE_POINTS steps for
 * charts. Pure.
 */
import type { QueueWaitOverEveryone } from '../results/index.ts';
import { kaplanMeierQuantile } from '../stats/index.ts';
import type { QueueWaitOverEveryoneSummary } from './run-summary.ts';

const MAX_CURVE_POINTS = 400;

export function summarizeQueueWaitOverEveryone(
  over: QueueWaitOverEveryone,
  timeScale: number,
): QueueWaitOverEveryoneSummary {
  const { curve } = over;
  const sale = (value: number | null): number | null => (value === null ? null : value * timeScale);
  const quantile = (p: number) => kaplanMeierQuantile(curve, p);
  const q = { p50: quantile(0.5), p90: quantile(0.9), p95: quantile(0.95), p99: quantile(0.99) };
  const stride = Math.max(1, Math.ceil(curve.steps.length / MAX_CURVE_POINTS));
  const points: QueueWaitOverEveryoneSummary['curve'] = [];
  curve.steps.forEach((step, index) => {
    if (index % stride !== 0 && index !== curve.steps.length - 1) return;
    points.push({
      tSaleMs: step.time * timeScale,
      stillWaiting: step.survival,
      lower: step.lower,
      upper: step.upper,
      atRisk: step.atRisk,
    });
  });
  const last = curve.steps.at(-1);
  // the curve goes on, flat, to the longest time anyone was seen (censored ones included)
  if (curve.lastTime > (last?.time ?? 0)) {
    points.push({
      tSaleMs: curve.lastTime * timeScale,
      stillWaiting: last?.survival ?? 1,
      lower: last?.lower ?? 1,
      upper: last?.upper ?? 1,
      atRisk: curve.steps.length === 0 ? curve.subjects : 0,
    });
  }
  return {
    method: 'kaplan-meier',
    interval: curve.interval,
    confidence: curve.confidence,
    joined: over.joined,
    admitted: over.admitted,
    leftBeforeAdmission: over.leftBeforeAdmission,
    leftByOutcome: { ...over.leftByOutcome },
    neverJoined: over.neverJoined,
    saleTime: {
      p50: sale(q.p50.value),
      p90: sale(q.p90.value),
      p95: sale(q.p95.value),
      p99: sale(q.p99.value),
      longestSeenMs: curve.lastTime * timeScale,
    },
    intervals: {
      p50: [sale(q.p50.lower), sale(q.p50.upper)],
      p90: [sale(q.p90.lower), sale(q.p90.upper)],
      p95: [sale(q.p95.lower), sale(q.p95.upper)],
      p99: [sale(q.p99.lower), sale(q.p99.upper)],
    },
    curve: points,
  };
}
