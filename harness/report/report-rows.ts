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
  /** For a queue-wait target judged over everyone who joined: who it counts, and the admitted-only figure beside it. */
  readonly overEveryone: string | null;
}

export function targetRows(summary: RunSummary, lang: Language): TargetRow[] {
  const labels = labelsFor(lang);
  return summary.targets.map((target) => ({
    id: target.id,
    description: lang === 'ko' ? target.descriptionKo : target.description,
    metric: target.metric,
    measured:
      target.measured === null && target.overEveryone && target.reason === 'missed'
        ? labels.notReached(formatValue(target.overEveryone.longestSeen, target.unit, lang))
        : formatValue(target.measured, target.unit, lang),
    interval: target.interval
      ? `${labels.interval(Math.round(target.confidence * 100))}: ${formatValue(target.interval[0], target.unit, lang)} – ${formatValue(target.interval[1], target.unit, lang)}`
      : target.overEveryone
        ? everyoneInterval(target, lang)
        : null,
    samples: formatNumber(target.samples),
    verdict: target.verdict,
    note: noteFor(target, lang),
    overEveryone: overEveryoneLine(target, lang),
  }));
}

/**
 * The interval shown for a target judged over everyone: the percentile's, with an open upper
 * bound when the curve's upper band never falls far enough; or, when the percentile itself is
 * not reached, the share still waiting at the threshold with its interval.
 */
export function everyoneInterval(target: TargetResult, lang: Language): string | null {
  const over = target.overEveryone!;
  const labels = labelsFor(lang);
  const percent = Math.round(target.confidence * 100);
  if (target.measured !== null) {
    const [lower, upper] = over.quantileInterval;
    if (lower === null) return null;
    return `${labels.interval(percent)}: ${formatValue(lower, target.unit, lang)} – ${upper === null ? (lang === 'ko' ? '도달 안 함' : 'not reached') : formatValue(upper, target.unit, lang)}`;
  }
  if (over.stillWaitingAtThreshold === null) return null;
  const share = (value: number): string => formatPercent(Math.round(value * 1000) / 1000);
  const range = over.stillWaitingInterval
    ? ` (${labels.interval(percent)}: ${share(over.stillWaitingInterval[0])} – ${share(over.stillWaitingInterval[1])})`
    : '';
  return `${labels.stillWaitingAt(formatValue(target.threshold, target.unit, lang), share(over.stillWaitingAtThreshold))}${range}`;
}

/** "3,327 who joined, 3,205 of them left before admission (censored) · admitted people only: 46 min (196 people)". */
function overEveryoneLine(target: TargetResult, lang: Language): string | null {
  const over = target.overEveryone;
  if (!over) return null;
  const admitted = over.admittedOnly;
  const admittedValue = formatValue(admitted.measured, target.unit, lang);
  const admittedVerdict = labelsFor(lang).verdict[admitted.verdict];
  return lang === 'ko'
    ? `줄을 선 ${formatNumber(over.joined)}명 기준, 그중 ${formatNumber(over.leftBeforeAdmission)}명은 입장 전에 떠남(중도 절단) · 입장한 사람만(${formatNumber(admitted.samples)}건): ${admittedValue}, ${admittedVerdict}`
    : `${formatNumber(over.joined)} people who joined, ${formatNumber(over.leftBeforeAdmission)} of them left before admission (censored) · admitted people only (${formatNumber(admitted.samples)} waits): ${admittedValue}, ${admittedVerdict}`;
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
      if (target.measured === null && target.overEveryone?.stillWaitingAtThreshold != null) {
        return `줄을 선 ${formatNumber(target.overEveryone.joined)}명 중 ${formatPercent(Math.round(target.overEveryone.stillWaitingAtThreshold * 1000) / 1000)}가 ${threshold}에도 아직 기다리고 있었습니다(카플란-마이어).`;
      }
      return `측정값 ${formatValue(target.measured, target.unit, 'ko')}, 목표 ${target.op} ${threshold}.`;
    case 'interval-crosses-threshold':
      return `신뢰구간이 기준값 ${threshold}에 걸쳐 있어 다시 실행하면 결과가 달라질 수 있습니다.`;
    case 'run-interrupted':
      return `실행이 중간에 멈춰 전체 실행의 합계는 판정할 수 없습니다 (지금까지 측정: ${formatValue(target.measured, target.unit, 'ko')}).`;
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
      : (['p50', 'p95', 'p99'] as const)
          .map((p) => `${p} ${wait[p] === null ? labels.none : formatDuration(wait[p], lang)}`)
          .join(' · ');
  const reasons = Object.entries(summary.reentries.byReason).map(
    ([reason, count]) => `${reason} ${formatNumber(count)}`,
  );
  return [
    [labels.scenario, `${summary.scenario.name} (${labels.timeScale(summary.scenario.timeScale)})`],
    [labels.shop, `${summary.target.url}${summary.target.embedded ? ` (${labels.embeddedShop})` : ''}`],
    ...(summary.engine
      ? [
          [
            labels.loadEngine,
            `${summary.engine.name} ${summary.engine.version ?? ''}`.trim() +
              (summary.engine.personEngine ? ` · ${labels.personEngine} ${summary.engine.personEngine}` : ''),
          ] as [string, string],
        ]
      : []),
    [labels.duration, formatDuration(summary.durationMs, lang)],
    [labels.people, formatNumber(people)],
    [labels.stock, summary.stock.stock === null ? labels.none : formatNumber(summary.stock.stock)],
    [labels.unitsSold, `${formatNumber(summary.stock.unitsSold)} (${summary.stock.unitsSoldSource})`],
    [labels.oversold, summary.stock.oversold === null ? labels.none : formatNumber(summary.stock.oversold)],
    [labels.requests, formatNumber(summary.requests.total)],
    [labels.errorRate, formatPercent(summary.requests.errorRate)],
    ...everyoneRows(summary, lang),
    [
      `${summary.queueWait.overEveryone ? labels.queueWaitAdmitted : labels.queueWaitSale}, ×${summary.queueWait.timeScale}`,
      waitText,
    ],
    [
      labels.reentries,
      `${formatNumber(summary.reentries.total)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    ],
    [labels.sessionExpiries, formatNumber(summary.sessionExpiries)],
  ];
}

/** The waits over everyone who joined (Kaplan–Meier) and who left before admission, when the run has them. */
function everyoneRows(summary: RunSummary, lang: Language): [string, string][] {
  const labels = labelsFor(lang);
  const over = summary.queueWait.overEveryone;
  if (!over) return [];
  const longest = formatDuration(over.saleTime.longestSeenMs, lang);
  const waits = (['p50', 'p95', 'p99'] as const)
    .map((p) => `${p} ${over.saleTime[p] === null ? `> ${longest}` : formatDuration(over.saleTime[p], lang)}`)
    .join(' · ');
  const outcomeWords = labels.outcome as Readonly<Record<string, string>>;
  const byOutcome = Object.entries(over.leftByOutcome)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, count]) => `${outcomeWords[outcome] ?? outcome} ${formatNumber(count)}`)
    .join(' · ');
  const left =
    lang === 'ko'
      ? `줄을 선 ${formatNumber(over.joined)}명 중 ${formatNumber(over.leftBeforeAdmission)}명${byOutcome ? ` (${byOutcome})` : ''}`
      : `${formatNumber(over.leftBeforeAdmission)} of ${formatNumber(over.joined)} who joined${byOutcome ? ` (${byOutcome})` : ''}`;
  return [
    [`${labels.queueWaitEveryone}, ×${summary.queueWait.timeScale}`, waits],
    [labels.leftBeforeAdmission, left],
  ];
}
