/** The end of a run on screen: the verdict first, each target in words, then the key figures. */
import { formatDuration, formatNumber, formatPercent, formatValue } from './format-figures.ts';
import { labelsFor } from './labels.ts';
import type { RunSummary } from './run-summary.ts';
import { buildRunHeadline } from './run-headline.ts';
import { everyoneInterval } from './report-rows.ts';
import type { Language } from '../vocabulary.ts';

const MARK = { pass: '✔', fail: '✘', inconclusive: '?' } as const;

function actorName(actor: string, lang: Language): string {
  const names: Record<string, [string, string]> = { person: ['People', '사람'], bot: ['Bots', '봇'] };
  const pair = names[actor];
  return pair ? (lang === 'ko' ? pair[1] : pair[0]) : actor;
}

export function renderConsoleSummary(summary: RunSummary, lang: Language): string[] {
  const labels = labelsFor(lang);
  const lines = [
    `${MARK[summary.verdict]} ${labels.verdict[summary.verdict]} — ${labels.verdictLine[summary.verdict]}`,
  ];
  if (!summary.complete) lines.push(`  ${labels.incomplete}${summary.interruption ? ` ${summary.interruption}` : ''}`);
  lines.splice(0, 0, buildRunHeadline(summary, lang));
  for (const target of summary.targets) {
    const words = lang === 'ko' ? target.descriptionKo : target.description;
    const over = target.overEveryone;
    const everyone = over ? everyoneInterval(target, lang) : null;
    const interval = target.interval
      ? ` [${formatValue(target.interval[0], target.unit, lang)} … ${formatValue(target.interval[1], target.unit, lang)}]`
      : everyone
        ? ` [${everyone}]`
        : '';
    const measured =
      target.measured === null && over && target.reason === 'missed'
        ? labels.notReached(formatValue(over.longestSeen, target.unit, lang))
        : formatValue(target.measured, target.unit, lang);
    lines.push(`  ${MARK[target.verdict]} ${words}: ${measured}${interval}`);
    if (over) {
      lines.push(
        lang === 'ko'
          ? `      줄을 선 ${formatNumber(over.joined)}명 중 ${formatNumber(over.leftBeforeAdmission)}명이 입장 전에 떠남 · 입장한 사람만: ${formatValue(over.admittedOnly.measured, target.unit, lang)} (${formatNumber(over.admittedOnly.samples)}건)`
          : `      ${formatNumber(over.leftBeforeAdmission)} of ${formatNumber(over.joined)} who joined left before admission · admitted people only: ${formatValue(over.admittedOnly.measured, target.unit, lang)} (${formatNumber(over.admittedOnly.samples)} waits)`,
      );
    }
  }
  for (const [actor, figures] of Object.entries(summary.actors)) {
    const outcomeWords = Object.entries(figures.outcomes)
      .filter(([, value]) => value > 0)
      .map(
        ([outcome, value]) =>
          `${labels.outcome[outcome as keyof typeof labels.outcome] ?? outcome} ${formatNumber(value)}`,
      );
    lines.push(`  ${actorName(actor, lang)} ${formatNumber(figures.arrivals)}: ${outcomeWords.join(' · ') || '—'}`);
  }
  const bots = summary.crowd?.bots;
  if (bots) {
    const share =
      bots.shareOfStock === null
        ? ''
        : lang === 'ko'
          ? ` (재고의 ${formatPercent(bots.shareOfStock)})`
          : ` (${formatPercent(bots.shareOfStock)} of the stock)`;
    const over = bots.ringsOverAddressLimit ?? 0;
    lines.push(
      lang === 'ko'
        ? `  봇 구매 ${formatNumber(bots.units)}개${share} · 주소당 한도를 넘긴 조직 ${formatNumber(over)}개`
        : `  Bots bought ${formatNumber(bots.units)} units${share} · rings over the per-address limit ${formatNumber(over)}`,
    );
  }
  const lost = summary.crowd?.waitedAndLost;
  if (lost && lost.lostPlaces > 0) {
    lines.push(
      lang === 'ko'
        ? `  ${formatDuration(lost.thresholdSaleMs, lang)} 넘게 기다린 뒤 순번을 잃음: ${formatNumber(lost.people)}번`
        : `  Waited over ${formatDuration(lost.thresholdSaleMs, lang)} and then lost their place: ${formatNumber(lost.people)} times`,
    );
  }
  for (const person of summary.browsers ?? []) {
    lines.push(`  ${person.person} (Chromium): ${person.outcome}${person.message ? ` — ${person.message}` : ''}`);
  }
  if (summary.probes) {
    const holes = summary.probes.findings
      .filter((finding) => finding.verdict === 'bypassed')
      .map((finding) => finding.id);
    lines.push(
      lang === 'ko'
        ? `  대기열 점검 ${summary.probes.findings.length}건: ${holes.length === 0 ? '모두 막음' : `뚫림 ${holes.join(', ')}`}`
        : `  Probes ${summary.probes.findings.length}: ${holes.length === 0 ? 'every defence held' : `bypassed ${holes.join(', ')}`}`,
    );
  }
  const over = summary.queueWait.overEveryone;
  if (over && over.joined > 0) {
    const longest = formatDuration(over.saleTime.longestSeenMs, lang);
    const p = (value: number | null): string => (value === null ? `> ${longest}` : formatDuration(value, lang));
    lines.push(
      `  ${labels.queueWaitEveryone} (×${summary.queueWait.timeScale}): p50 ${p(over.saleTime.p50)} · p95 ${p(over.saleTime.p95)}`,
    );
  }
  const wait = summary.queueWait.saleTime;
  if (wait.count > 0) {
    const p = (value: number | null): string => (value === null ? '—' : formatDuration(value, lang));
    lines.push(
      `  ${labels.queueWaitSale} (×${summary.queueWait.timeScale}): p50 ${p(wait.p50)} · p95 ${p(wait.p95)} · max ${p(wait.max)}`,
    );
  }
  const stock = summary.stock;
  lines.push(
    `  ${labels.unitsSold} ${formatNumber(stock.unitsSold)}${stock.stock === null ? '' : ` / ${formatNumber(stock.stock)}`} · ${labels.oversold} ${stock.oversold === null ? '—' : formatNumber(stock.oversold)} · ${labels.requests} ${formatNumber(summary.requests.total)} · ${labels.errorRate} ${formatPercent(summary.requests.errorRate)}`,
  );
  lines.push(
    `  ${labels.reentries} ${formatNumber(summary.reentries.total)} · ${labels.sessionExpiries} ${formatNumber(summary.sessionExpiries)}`,
  );
  for (const item of summary.recommendations ?? []) lines.push(`  → ${item[lang]}`);
  return lines;
}
