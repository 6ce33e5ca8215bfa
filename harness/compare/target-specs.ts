import type { TargetResult } from '../report/index.ts';
import type { BetterWhen, FigureUnit } from './comparison-types.ts';
import { histogramSample, type FigureSample, type FigureSpec } from './figure-specs.ts';
import type { LoadedRun } from './load-run.ts';

const percentileStat = /^p(\d{1,2}(?:\.\d+)?)$/;
/** Waits recorded in run time, which targets judge in sale time (× k). */
const RUN_TIME_WAITS = ['sr_queue_wait', 'sr_lost_after_wait'];

function betterWhen(target: TargetResult): BetterWhen {
  if (target.op === '>' || target.op === '>=') return 'higher';
  return 'lower';
}

function unitOf(target: TargetResult): FigureUnit {
  if (target.unit === 'ms') return 'ms';
  if (target.unit === 'ratio') return 'ratio';
  return 'count';
}

/** How one run's figure for a target is read: its histogram for percentiles, else summary.json's figure. */
function targetSample(target: TargetResult, run: LoadedRun): FigureSample {
  const own = run.summary.targets.find((candidate) => candidate.id === target.id);
  if (!own) return { type: 'missing', note: `the run has no target ${target.id}` };
  const percentile = percentileStat.exec(own.stat);
  if (percentile && own.unit === 'ms') {
    const scale = RUN_TIME_WAITS.some((metric) => own.metric.startsWith(metric)) ? run.summary.scenario.timeScale : 1;
    return histogramSample(run, own.metric, Number(percentile[1]) / 100, scale);
  }
  if (own.measured === null) return { type: 'missing', note: own.note ?? 'nothing was measured' };
  if ((own.stat === 'rate' || own.stat === 'share') && own.unit === 'ratio' && own.measured <= 1 && own.samples > 0) {
    return { type: 'proportion', x: Math.round(own.measured * own.samples), n: own.samples };
  }
  if (own.stat === 'count' && Number.isInteger(own.measured) && own.measured >= 0)
    return { type: 'count', value: own.measured };
  return { type: 'value', value: own.measured, samples: own.samples };
}

/**
 * Adds every target of either run to the figures: a target measured by a key figure (same
 * selector and statistic) is attached to it; any other becomes a figure of its own, read from
 * the run's histogram (percentiles) or its summary.json figure (rates, shares, counts).
 */
export function attachTargets(a: LoadedRun, b: LoadedRun, specs: FigureSpec[]): FigureSpec[] {
  const byKey = new Map(specs.map((spec) => [`${spec.metric}|${spec.stat}`, spec]));
  const targets = new Map<string, TargetResult>();
  for (const target of [...a.summary.targets, ...b.summary.targets])
    if (!targets.has(target.id)) targets.set(target.id, target);
  const extra: FigureSpec[] = [];
  for (const target of targets.values()) {
    const existing = byKey.get(`${target.metric}|${target.stat}`);
    if (existing) {
      existing.targetIds.push(target.id);
      continue;
    }
    extra.push({
      id: `target.${target.id}`,
      label: { en: target.description, ko: target.descriptionKo },
      kind: 'target',
      unit: unitOf(target),
      betterWhen: betterWhen(target),
      metric: target.metric,
      stat: target.stat,
      targetIds: [target.id],
      sample: (run) => targetSample(target, run),
    });
  }
  return [...specs, ...extra];
}
