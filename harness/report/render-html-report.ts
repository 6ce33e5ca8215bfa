import { buildChartSpecs } from './chart-specs.ts';
import { escapeHtml } from './escape.ts';
import { REPORT_STYLE, VERDICT_COLOURS } from './report-style.ts';
import { keyFigures, targetRows } from './report-rows.ts';
import { labelsFor } from './labels.ts';
import { renderChartSvg } from './render-chart.ts';
import { renderCrowdHtml, renderRecommendationsHtml, type AssetReader } from './render-crowd-html.ts';
import { OUTCOMES, type RunSummary } from './run-summary.ts';
import { buildRunHeadline } from './run-headline.ts';
import { shopFigureRows } from './shop-figure-words.ts';
import type { Language } from '../vocabulary.ts';

export interface RenderReportOptions {
  readonly lang?: Language;
  /** Reads run-folder files (browser screenshots) to embed them; without it they are named only. */
  readonly readAsset?: AssetReader;
}

/**
 * The run as one self-contained HTML page: the verdict first (big, coloured, in words), the
 * targets table, key figures, outcomes per actor, then the charts as inline SVG (rendered
 * here from Vega-Lite specs). No scripts, no fonts, no fetches: a Content-Security-Policy of
 * default-src 'none' keeps it that way, so it works offline and from a CI artifact.
 */
export async function renderHtmlReport(summary: RunSummary, options: RenderReportOptions = {}): Promise<string> {
  const lang = options.lang ?? 'en';
  const labels = labelsFor(lang);
  const charts = buildChartSpecs(summary, lang);
  const svgs = await Promise.all(charts.map((chart) => renderChartSvg(chart.spec)));
  const colour = VERDICT_COLOURS[summary.verdict];
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${labels.verdict[summary.verdict]} · ${summary.scenario.name} · ${labels.title}`)}</title>`,
    `<style>${REPORT_STYLE}</style></head><body><main>`,
    `<h1>${escapeHtml(labels.title)}: ${escapeHtml(summary.scenario.name)}</h1>`,
    `<p class="sub">${escapeHtml(summary.startedAt)} → ${escapeHtml(summary.endedAt)} · ${escapeHtml(summary.target.url)}` +
      `${summary.target.embedded ? ` (${escapeHtml(labels.embeddedShop)})` : ''} · ${escapeHtml(labels.timeScale(summary.scenario.timeScale))}</p>`,
    `<p class="headline" id="headline">${escapeHtml(buildRunHeadline(summary, lang))}</p>`,
    `<section class="verdict" id="verdict" style="background:${colour}" data-verdict="${summary.verdict}">` +
      `<strong>${escapeHtml(labels.verdict[summary.verdict])}</strong><span>${escapeHtml(labels.verdictLine[summary.verdict])}</span></section>`,
  );
  if (!summary.complete) {
    parts.push(
      `<p class="notice">${escapeHtml(labels.incomplete)}${summary.interruption ? ` ${escapeHtml(summary.interruption)}` : ''}</p>`,
    );
  }
  parts.push(`<section class="part" id="targets-part"><h2>${escapeHtml(labels.targets)}</h2>`);
  const rows = targetRows(summary, lang);
  if (rows.length === 0) parts.push(`<p>${escapeHtml(labels.noTargets)}</p>`);
  else {
    parts.push(
      `<table id="targets"><thead><tr><th>${escapeHtml(labels.target)}</th><th>${escapeHtml(labels.measured)}</th>` +
        `<th>${escapeHtml(labels.samples)}</th><th>${escapeHtml(labels.result)}</th></tr></thead><tbody>`,
    );
    for (const row of rows) {
      parts.push(
        `<tr data-target="${escapeHtml(row.id)}"><td>${escapeHtml(row.description)}<div class="note">${escapeHtml(row.id)} · <code>${escapeHtml(row.metric)}</code></div>` +
          `${row.note ? `<div class="note">${escapeHtml(row.note)}</div>` : ''}` +
          `${row.overEveryone ? `<div class="note over-everyone">${escapeHtml(row.overEveryone)}</div>` : ''}</td>` +
          `<td class="num">${escapeHtml(row.measured)}${row.interval ? `<div class="note">${escapeHtml(row.interval)}</div>` : ''}</td>` +
          `<td class="num">${escapeHtml(row.samples)}</td>` +
          `<td><span class="chip" style="background:${VERDICT_COLOURS[row.verdict]}">${escapeHtml(labels.verdict[row.verdict])}</span></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
    if (summary.queueWait.overEveryone)
      parts.push(
        `<p class="note" id="waits-over-everyone-method">${escapeHtml(labels.everyoneNote(summary.queueWait.overEveryone.confidence))}</p>`,
      );
  }
  parts.push('</section>');
  parts.push(renderRecommendationsHtml(summary, lang));
  parts.push(
    `<section class="part" id="key-figures-part"><h2>${escapeHtml(labels.keyFigures)}</h2><table id="key-figures"><tbody>`,
  );
  for (const [name, value] of keyFigures(summary, lang)) {
    parts.push(`<tr><th>${escapeHtml(name)}</th><td class="num">${escapeHtml(value)}</td></tr>`);
  }
  parts.push(
    `</tbody></table><p class="note">${escapeHtml(labels.saleTimeNote(summary.queueWait.timeScale))}</p></section>`,
  );
  parts.push(outcomesTable(summary, lang));
  parts.push(renderCrowdHtml(summary, lang, options.readAsset));
  parts.push(`<section class="part page" id="charts-part"><h2>${escapeHtml(labels.charts)}</h2>`);
  charts.forEach((chart, index) => {
    parts.push(
      `<figure class="chart" id="chart-${chart.id}"><figcaption>${escapeHtml(chart.title)}</figcaption>${svgs[index] ?? ''}</figure>`,
    );
  });
  parts.push('</section>');
  if (summary.shop !== null && Object.keys(summary.shop).length > 0) {
    parts.push(`<section class="part" id="shop-part"><h2>${escapeHtml(labels.shop)}</h2><table id="shop"><tbody>`);
    for (const [name, value] of shopFigureRows(summary.shop, lang)) {
      parts.push(`<tr><th>${escapeHtml(name)}</th><td class="num">${escapeHtml(value)}</td></tr>`);
    }
    parts.push('</tbody></table></section>');
  }
  if (summary.ingest.warnings.length > 0) {
    parts.push(`<h2>${escapeHtml(labels.warnings)}</h2><ul>`);
    for (const warning of summary.ingest.warnings) parts.push(`<li>${escapeHtml(warning)}</li>`);
    parts.push('</ul>');
  }
  parts.push(
    `<footer>${escapeHtml(labels.generatedBy(summary.tool.version))} · schema ${summary.schemaVersion}</footer></main></body></html>`,
  );
  return parts.join('\n');
}

function outcomesTable(summary: RunSummary, lang: Language): string {
  const labels = labelsFor(lang);
  const actors = Object.entries(summary.actors);
  if (actors.length === 0) return '';
  const head = [labels.actor, labels.arrivals, labels.admitted, ...OUTCOMES.map((outcome) => labels.outcome[outcome])];
  const rows = actors.map(([actor, figures]) =>
    [actor, figures.arrivals, figures.admitted, ...OUTCOMES.map((outcome) => figures.outcomes[outcome])]
      .map((cell, index) => (index === 0 ? `<th>${escapeHtml(String(cell))}</th>` : `<td class="num">${cell}</td>`))
      .join(''),
  );
  return (
    `<h2>${escapeHtml(labels.outcomesPerActor)}</h2><table id="outcomes"><thead><tr>${head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`
  );
}
