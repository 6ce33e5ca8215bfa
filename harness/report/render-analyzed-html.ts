import { analyzedKeyFigures, analyzedMethodNote, artilleryFiguresOf, groupRows } from './analyzed-rows.ts';
import { analyzedRunLabelsFor } from './analyzed-labels.ts';
import { escapeHtml } from './escape.ts';
import { REPORT_STYLE, VERDICT_COLOURS } from './report-style.ts';
import { buildGroupChartSpecs, MAX_GROUP_CHARTS } from './group-chart-specs.ts';
import { labelsFor } from './labels.ts';
import { renderChartSvg } from './render-chart.ts';
import { targetRows } from './report-rows.ts';
import type { RunSummary } from './run-summary.ts';
import type { Language } from '../vocabulary.ts';

/**
 * An analyzed run (k6 output or an Artillery report; summary with `groups`) as one
 * self-contained HTML page: the verdict, the targets, key figures, how the figures were
 * measured (an Artillery report's percentiles), the requests by group with intervals, then requests over time
 * and one response-time chart per group as inline SVG. No scripts and no fetches
 * (Content-Security-Policy default-src 'none'): it works offline and from a CI artifact.
 */
export async function renderAnalyzedHtml(
  summary: RunSummary,
  options: { readonly lang?: Language } = {},
): Promise<string> {
  const lang = options.lang ?? 'en';
  const labels = labelsFor(lang);
  const words = analyzedRunLabelsFor(lang, artilleryFiguresOf(summary) !== null);
  const method = analyzedMethodNote(summary, lang);
  const charts = buildGroupChartSpecs(summary, lang);
  const svgs = await Promise.all(charts.map((chart) => renderChartSvg(chart.spec)));
  const e = escapeHtml;
  const parts: string[] = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${labels.verdict[summary.verdict]} · ${summary.scenario.name} · ${words.title}`)}</title>`,
    `<style>${REPORT_STYLE}</style></head><body><main>`,
    `<h1>${e(words.title)}: ${e(summary.scenario.name)}</h1>`,
    `<p class="sub">${e(summary.startedAt)} → ${e(summary.endedAt)} · ${e(words.source(summary.ingest.sources.length))}</p>`,
    `<section class="verdict" id="verdict" style="background:${VERDICT_COLOURS[summary.verdict]}" data-verdict="${summary.verdict}">` +
      `<strong>${e(labels.verdict[summary.verdict])}</strong><span>${e(labels.verdictLine[summary.verdict])}</span></section>`,
    `<h2>${e(labels.targets)}</h2>`,
  ];
  const targets = targetRows(summary, lang);
  if (targets.length === 0) parts.push(`<p>${e(words.noTargets)}</p>`);
  else {
    parts.push(
      `<table id="targets"><thead><tr><th>${e(labels.target)}</th><th>${e(labels.measured)}</th><th>${e(labels.samples)}</th><th>${e(labels.result)}</th></tr></thead><tbody>`,
    );
    for (const row of targets) {
      parts.push(
        `<tr data-target="${e(row.id)}"><td>${e(row.description)}<div class="note">${e(row.id)} · <code>${e(row.metric)}</code></div>${row.note ? `<div class="note">${e(row.note)}</div>` : ''}</td>` +
          `<td class="num">${e(row.measured)}${row.interval ? `<div class="note">${e(row.interval)}</div>` : ''}</td><td class="num">${e(row.samples)}</td>` +
          `<td><span class="chip" style="background:${VERDICT_COLOURS[row.verdict]}">${e(labels.verdict[row.verdict])}</span></td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push(`<h2>${e(labels.keyFigures)}</h2><table id="key-figures"><tbody>`);
  for (const [name, value] of analyzedKeyFigures(summary, lang))
    parts.push(`<tr><th>${e(name)}</th><td class="num">${e(value)}</td></tr>`);
  parts.push('</tbody></table>');
  if (method !== null) parts.push(`<h2>${e(method.title)}</h2><p id="method">${e(method.text)}</p>`);
  const groups = groupRows(summary, lang);
  parts.push(
    `<h2>${e(words.groups)}</h2><p class="note">${e(words.groupedBy(summary.groups?.by ?? []))} ${e(words.intervalNote)}</p>`,
  );
  parts.push(
    `<div style="overflow-x:auto"><table id="groups"><thead><tr><th>${e(words.group)}</th><th>${e(labels.requests)}</th><th>${e(words.failed)}</th><th>${e(labels.errorRate)}</th>` +
      `<th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>${e(words.statuses)}</th></tr></thead><tbody>`,
  );
  for (const row of groups) {
    parts.push(
      `<tr data-group="${e(row.key)}"><th>${e(row.key)}</th>` +
        (
          [
            [row.requests, ''],
            [row.failed, ''],
            [row.errorRate, row.errorRateInterval],
            [row.p50, ''],
            [row.p90, ''],
            [row.p95, row.p95Interval],
            [row.p99, row.p99Interval],
            [row.max, ''],
          ] as const
        )
          .map(
            ([cell, range]) => `<td class="num">${e(cell)}${range ? `<div class="note">${e(range)}</div>` : ''}</td>`,
          )
          .join('') +
        `<td>${e(row.statuses)}</td></tr>`,
    );
  }
  parts.push('</tbody></table></div>', `<h2>${e(labels.charts)}</h2>`);
  if (groups.length > MAX_GROUP_CHARTS)
    parts.push(`<p class="note">${e(words.moreGroups(MAX_GROUP_CHARTS, groups.length))}</p>`);
  charts.forEach((chart, index) => {
    parts.push(
      `<figure class="chart" id="chart-${chart.id}"><figcaption>${e(chart.title)}</figcaption>${svgs[index] ?? ''}</figure>`,
    );
  });
  if (summary.ingest.warnings.length > 0) {
    parts.push(
      `<h2>${e(labels.warnings)}</h2><ul>`,
      ...summary.ingest.warnings.map((warning) => `<li>${e(warning)}</li>`),
      '</ul>',
    );
  }
  parts.push(
    `<footer>${e(labels.generatedBy(summary.tool.version))} · schema ${summary.schemaVersion}</footer></main></body></html>`,
  );
  return parts.join('\n');
}
