/**
 * The sale plan as one offline page a business department shares (plan.html): the decision
 * first in one sentence, then one round vs rounds vs a raffle against the target, people
 * waiting and waits over time for each way, who buys and who leaves empty-handed, the plan as
 * written, the waiting-room settings per product, login session and queue-ticket lengths, and
 * when it sells out and whether to announce it. The sentences and tables are the plan report's
 * own (buildPlanReport), the charts Vega-Lite rendered to inline SVG as in the run report; the
 * page prints to A4 with each part starting on a new page and no chart cut (REPORT_STYLE).
 */
import type { PlanResult } from '../capacity/index.ts';
import type { Language } from '../vocabulary.ts';
import type { ChartSpec } from './chart-specs.ts';
import { escapeHtml as h } from './escape.ts';
import { buildPlanChartSpecs } from './plan-chart-specs.ts';
import { buildPlanReport, type PlanReportSection } from './plan-report.ts';
import { renderChartSvg } from './render-chart.ts';
import { REPORT_STYLE } from './report-style.ts';

const say = (lang: Language, en: string, ko: string): string => (lang === 'ko' ? ko : en);

const PLAN_STYLE = `
.decision { background: #0969da; color: #fff; border-radius: 10px; padding: 18px 22px; margin: 16px 0; font-size: 1.2rem; font-weight: 600; }
.facts { color: #59636e; margin: 0 0 8px; }
section.part ul { padding-left: 1.2em; } section.part li { margin: 4px 0; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.product { break-inside: avoid; }
`;

async function figure(chart: ChartSpec, note?: string): Promise<string> {
  const svg = await renderChartSvg(chart.spec);
  return `<figure class="chart" id="chart-${h(chart.id)}"><figcaption>${h(chart.title)}</figcaption>${svg}${note ? `<div class="note">${h(note)}</div>` : ''}</figure>`;
}

function lines(section: PlanReportSection): string {
  return section.lines.length === 0 ? '' : `<ul>${section.lines.map((line) => `<li>${h(line)}</li>`).join('')}</ul>`;
}

/** A table whose first column heads its rows; `numeric` columns are right-aligned and not wrapped. */
function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  id: string,
  numeric: readonly number[] = [],
): string {
  const cell = (text: string, i: number): string =>
    i === 0 ? `<th>${h(text)}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ''}>${h(text)}</td>`;
  return (
    `<table id="${h(id)}"><thead><tr>${head.map((text) => `<th>${h(text)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

/** The settings table split by product: a heading and a small table each. */
function settingsByProduct(section: PlanReportSection): string {
  if (!section.table) return '';
  const [, ...head] = section.table.head;
  const products = new Map<string, (readonly string[])[]>();
  for (const [product, ...rest] of section.table.rows) {
    const rows = products.get(product!) ?? [];
    rows.push(rest);
    products.set(product!, rows);
  }
  return [...products]
    .map(
      ([product, rows]) =>
        `<div class="product" data-product="${h(product)}"><h3>${h(product)}</h3>${table(head, rows, `settings-${product.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, [1])}</div>`,
    )
    .join('');
}

export async function renderPlanHtml(result: PlanResult, lang: Language = result.plan.language): Promise<string> {
  const report = buildPlanReport(result, lang);
  const charts = buildPlanChartSpecs(result, lang);
  const section = (id: PlanReportSection['id']): PlanReportSection => report.sections.find((s) => s.id === id)!;
  const { plan } = result;
  const facts = say(
    lang,
    `${plan.people.toLocaleString('en-US')} people, ${plan.stock.toLocaleString('en-US')} units, the shop serves ${plan.capacity.peoplePerMinute.toLocaleString('en-US')} people a minute; longest acceptable wait ${plan.targets.maxWaitMinutes} min. Simulated (seed ${plan.seed}).`,
    `${plan.people.toLocaleString('en-US')}명, 재고 ${plan.stock.toLocaleString('en-US')}개, 쇼핑몰 처리 용량 분당 ${plan.capacity.peoplePerMinute.toLocaleString('en-US')}명, 허용 대기 ${plan.targets.maxWaitMinutes}분. 시뮬레이션 결과입니다(시드 ${plan.seed}).`,
  );
  const options = section('options');
  const asPlanned = section('as-planned');
  const room = section('waiting-room');
  const sessions = section('sessions');
  const soldOut = section('sold-out');
  const [optionsSvg, queueSvg, waitSvg, whoSvg] = await Promise.all([
    figure(charts.options),
    figure(
      charts.queue,
      say(
        lang,
        'A raffle has no queue: each winner comes at their slot.',
        '추첨은 줄이 없습니다: 당첨자는 배정된 시간에 옵니다.',
      ),
    ),
    figure(charts.wait),
    figure(charts.whoBuys),
  ]);
  const parts = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(report.title)}</title>`,
    `<style>${REPORT_STYLE}${PLAN_STYLE}</style></head><body><main>`,
    `<h1>${h(report.title)}</h1>`,
    `<p class="decision" id="decision" data-choice="${h(result.verdict.choice)}">${h(report.verdict)}</p>`,
    `<p class="facts">${h(facts)}</p>`,
    `<section class="part" id="options"><h2>${h(options.title)}</h2>${optionsSvg}${lines(options)}${options.table ? table(options.table.head, options.table.rows, 'options-table', [1, 2, 3, 4]) : ''}</section>`,
    `<section class="part page" id="over-time"><h2>${h(say(lang, 'The queue over time', '시간에 따른 대기열'))}</h2>${queueSvg}${waitSvg}</section>`,
    `<section class="part page" id="who-buys"><h2>${h(say(lang, 'Who buys and who leaves empty-handed', '누가 사고 누가 빈손으로 돌아가나'))}</h2>${whoSvg}` +
      `<h2>${h(asPlanned.title)}</h2>${lines(asPlanned)}</section>`,
    `<section class="part page" id="waiting-room"><h2>${h(room.title)}</h2>${lines(room)}${settingsByProduct(room)}</section>`,
    `<section class="part" id="sessions"><h2>${h(sessions.title)}</h2>${lines(sessions)}</section>`,
    `<section class="part" id="sold-out"><h2>${h(soldOut.title)}</h2>${lines(soldOut)}</section>`,
    `<footer>${h(say(lang, 'Generated by saleready plan · figures from the sale-day simulator (docs/PLAN-FORMAT.md)', 'saleready plan에서 생성 · 판매일 시뮬레이터의 수치 (docs/PLAN-FORMAT.md)'))}</footer>`,
    '</main></body></html>',
  ];
  return parts.join('\n');
}
