/** The end of a run on screen: the verdict first, each target in words, then the key figures. */
import { formatDuration, formatNumber, formatPercent, formatValue } from './format-figures.ts';
import { labelsFor, type ReportLanguage } from './labels.ts';
import type { RunSummary } from './run-summary.ts';

const MARK = { pass: '✔', fail: '✘', inconclusive: '?' } as const;

export function renderConsoleSummary(summary: RunSummary, lang: ReportLanguage): string[] {
  const labels = labelsFor(lang);
  const lines = [`${MARK[summary.verdict]} ${labels.verdict[summary.verdict]} — ${labels.verdictLine[summary.verdict]}`];
  if (!summary.complete) lines.push(`  ${labels.incomplete}${summary.interruption ? ` ${summary.interruption}` : ''}`);
  for (const target of summary.targets) {
    const words = lang === 'ko' ? target.descriptionKo : target.description;
    const interval = target.interval ? ` [${formatValue(target.interval[0], target.unit, lang)} … ${formatValue(target.interval[1], target.unit, lang)}]` : '';
    lines.push(`  ${MARK[target.verdict]} ${words}: ${formatValue(target.measured, target.unit, lang)}${interval}`);
  }
  const outcomes: Record<string, number> = {};
  let arrivals = 0;
  for (const figures of Object.values(summary.actors)) {
    arrivals += figures.arrivals;
    for (const [outcome, value] of Object.entries(figures.outcomes)) outcomes[outcome] = (outcomes[outcome] ?? 0) + value;
  }
  const outcomeWords = Object.entries(outcomes)
    .filter(([, value]) => value > 0)
    .map(([outcome, value]) => `${labels.outcome[outcome as keyof typeof labels.outcome] ?? outcome} ${formatNumber(value)}`);
  lines.push(`  ${labels.people} ${formatNumber(arrivals)}: ${outcomeWords.join(' · ') || '—'}`);
  const wait = summary.queueWait.saleTime;
  if (wait.count > 0) {
    const p = (value: number | null): string => (value === null ? '—' : formatDuration(value, lang));
    lines.push(`  ${labels.queueWaitSale} (×${summary.queueWait.timeScale}): p50 ${p(wait.p50)} · p95 ${p(wait.p95)} · max ${p(wait.max)}`);
  }
  const stock = summary.stock;
  lines.push(
    `  ${labels.unitsSold} ${formatNumber(stock.unitsSold)}${stock.stock === null ? '' : ` / ${formatNumber(stock.stock)}`} · ${labels.oversold} ${stock.oversold === null ? '—' : formatNumber(stock.oversold)} · ${labels.requests} ${formatNumber(summary.requests.total)} · ${labels.errorRate} ${formatPercent(summary.requests.errorRate)}`,
  );
  lines.push(`  ${labels.reentries} ${formatNumber(summary.reentries.total)} · ${labels.sessionExpiries} ${formatNumber(summary.sessionExpiries)}`);
  return lines;
}
