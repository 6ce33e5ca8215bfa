import { formatNumber, type Language } from '../vocabulary.ts';
import { formatDuration, formatPercent, formatValue } from './format-figures.ts';
import { labelsFor } from './labels.ts';
import type { RunSummary, TargetResult } from './run-summary.ts';

/** One target as the HTML and markdown tables show it. */
export interface TargetRow {
  readonly id: string;
  readonly description: string;
  readonly metric: string;
  readonly measured: string;
  readonly interval: string | null;
  readonly samples: string;
  readonly verdict: TargetResult['verdict'];
  readonly note: string | null;
}

export function targetRows(summary: RunSummary, lang: Language): TargetRow[] {
  const labels = labelsFor(lang);
  return summary.targets.map((target) => ({
    id: target.id,
    description: lang === 'ko' ? target.descriptionKo : target.description,
    metric: target.metric,
    measured: formatValue(target.measured, target.unit, lang),
    interval: target.interval
      ? `${labels.interval(Math.round(target.confidence * 100))}: ${formatValue(target.interval[0], target.unit, lang)} – ${formatValue(target.interval[1], target.unit, lang)}`
      : null,
    samples: formatNumber(target.samples),
    verdict: target.verdict,
    note: noteFor(target, lang),
  }));
}

/** Why a target is inconclusive or how it failed, in the report's language. */
export function noteFor(target: TargetResult, lang: Language): string | null {
  if (lang !== 'ko') return target.note ?? null;
  const threshold = formatValue(target.threshold, target.unit, 'ko');
  switch (target.reason) {
    case undefined:
      return null;
    case 'no-samples':
      return `${target.metric}에 기록된 표본이 없습니다.`;
    case 'too-few-samples':
      return `표본이 너무 적어 판정할 수 없습니다: ${target.samples}개 (최소 ${target.minSamples ?? '?'}개 필요).`;
    case 'not-a-number':
      return '측정값이 숫자가 아닙니다.';
    case 'missed':
      return `측정값 ${formatValue(target.measured, target.unit, 'ko')}, 목표 ${target.op} ${threshold}.`;
    case 'interval-crosses-threshold':
      return `신뢰구간이 기준값 ${threshold}에 걸쳐 있어 다시 실행하면 결과가 달라질 수 있습니다.`;
  }
}

/** The key figures of the run as [label, value] pairs, waits in sale time. */
export function keyFigures(summary: RunSummary, lang: Language): [string, string][] {
  const labels = labelsFor(lang);
  const actors = Object.values(summary.actors);
  const arrivals = actors.reduce((sum, actor) => sum + actor.arrivals, 0);
  const people = typeof summary.scenario.people === 'number' ? summary.scenario.people : arrivals;
  const wait = summary.queueWait.saleTime;
  const waitText =
    wait.count === 0
      ? labels.none
      : (['p50', 'p95', 'p99'] as const).map((p) => `${p} ${wait[p] === null ? labels.none : formatDuration(wait[p], lang)}`).join(' · ');
  const reasons = Object.entries(summary.reentries.byReason).map(([reason, count]) => `${reason} ${formatNumber(count)}`);
  return [
    [labels.scenario, `${summary.scenario.name} (${labels.timeScale(summary.scenario.timeScale)})`],
    [labels.shop, `${summary.target.url}${summary.target.embedded ? ` (${labels.embeddedShop})` : ''}`],
    ...(summary.engine
      ? [[labels.loadEngine, `${summary.engine.name} ${summary.engine.version ?? ''}`.trim() + (summary.engine.personEngine ? ` · ${labels.personEngine} ${summary.engine.personEngine}` : '')] as [string, string]]
      : []),
    [labels.duration, formatDuration(summary.durationMs, lang)],
    [labels.people, formatNumber(people)],
    [labels.stock, summary.stock.stock === null ? labels.none : formatNumber(summary.stock.stock)],
    [labels.unitsSold, `${formatNumber(summary.stock.unitsSold)} (${summary.stock.unitsSoldSource})`],
    [labels.oversold, summary.stock.oversold === null ? labels.none : formatNumber(summary.stock.oversold)],
    [labels.requests, formatNumber(summary.requests.total)],
    [labels.errorRate, formatPercent(summary.requests.errorRate)],
    [`${labels.queueWaitSale}, ×${summary.queueWait.timeScale}`, waitText],
    [labels.reentries, `${formatNumber(summary.reentries.total)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`],
    [labels.sessionExpiries, formatNumber(summary.sessionExpiries)],
  ];
}
