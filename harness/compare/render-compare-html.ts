import { CHART_FONT, escapeHtml, renderChartSvg, type RunSummary } from '../report/index.ts';
import { compareLabelsFor } from './compare-labels.ts';
import { buildCompareChartSpecs } from './compare-chart-specs.ts';
import { comparisonHeadline } from './comparison-headline.ts';
import type { RunComparison } from './comparison-types.ts';
import { figureRows } from './figure-rows.ts';
import { describeMinimumEffects } from './minimum-effect.ts';
import { describeRun } from './render-compare-text.ts';
import type { Language } from '../vocabulary.ts';

const OVERALL_COLOURS = { worse: '#cf222e', better: '#1a7f37', mixed: '#9a6700', same: '#59636e' } as const;
const VERDICT_COLOURS = {
  regressed: '#cf222e',
  improved: '#1a7f37',
  'no significant change': '#8c959f',
  'not compared': '#d1d9e0',
} as const;

const STYLE = `
body { font-family: ${CHART_FONT}; margin: 0; background: #f6f8fa; color: #1f2328; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.4rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 32px 0 8px; }
.verdict { color: #fff; border-radius: 10px; padding: 18px 24px; margin: 16px 0; font-size: 1.2rem; font-weight: 600; }
.runs { color: #59636e; margin: 0; padding-left: 20px; } .notice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 10px 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d1d9e0; padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: #eff2f5; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.chip { color: #fff; border-radius: 999px; padding: 2px 10px; font-weight: 600; white-space: nowrap; }
.chip.quiet { color: #1f2328; } .note { color: #59636e; font-size: 0.85em; }
figure { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; margin: 12px 0; padding: 12px; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 6px; }
`;

/**
 * compare.html: one self-contained page (inline SVG charts rendered here from Vega-Lite, no
 * scripts, no fetches; a Content-Security-Policy of default-src 'none' keeps it so): the verdict
 * first, the runs, every figure with its change, interval and verdict, then the two runs'
 * timelines overlaid.
 */
export async function renderCompareHtml(
  comparison: RunComparison,
  summaries: { a: RunSummary; b: RunSummary },
  lang: Language,
): Promise<string> {
  const labels = compareLabelsFor(lang);
  const charts = buildCompareChartSpecs(summaries.a, summaries.b, lang);
  const svgs = await Promise.all(charts.map((chart) => renderChartSvg(chart.spec)));
  const parts = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${labels.title}: ${comparison.a.name} → ${comparison.b.name}`)}</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<h1>${escapeHtml(labels.title)}: ${escapeHtml(comparison.b.scenario)}</h1>`,
    `<section class="verdict" id="verdict" data-overall="${comparison.overall}" style="background:${OVERALL_COLOURS[comparison.overall]}">${escapeHtml(comparisonHeadline(comparison, lang))}</section>`,
    `<ul class="runs"><li>A: ${escapeHtml(describeRun(comparison.a))}</li><li>B: ${escapeHtml(describeRun(comparison.b))}</li></ul>`,
  ];
  if (comparison.forcedDifferences.length > 0)
    parts.push(`<p class="notice">${escapeHtml(`${labels.forced} ${comparison.forcedDifferences.join('; ')}`)}</p>`);
  parts.push(
    `<h2>${escapeHtml(labels.figures)}</h2><table id="figures"><thead><tr>` +
      [
        labels.head.figure,
        labels.head.a,
        labels.head.b,
        `${labels.head.change} [${labels.head.interval}]`,
        labels.head.p,
        labels.head.verdict,
      ]
        .map((cell) => `<th>${escapeHtml(cell)}</th>`)
        .join('') +
      '</tr></thead><tbody>',
  );
  for (const row of figureRows(comparison, lang)) {
    const quiet = row.figure.verdict === 'not compared' ? ' quiet' : '';
    parts.push(
      `<tr data-figure="${escapeHtml(row.figure.id)}" data-verdict="${escapeHtml(row.figure.verdict)}"><td>${escapeHtml(row.name)}<div class="note">${escapeHtml(row.detail)}</div></td>` +
        `<td class="num">${escapeHtml(row.a)}</td><td class="num">${escapeHtml(row.b)}</td><td>${escapeHtml(row.change)}</td><td class="num">${escapeHtml(row.p)}</td>` +
        `<td><span class="chip${quiet}" style="background:${VERDICT_COLOURS[row.figure.verdict]}">${escapeHtml(row.verdict)}</span></td></tr>`,
    );
  }
  parts.push(
    '</tbody></table>',
    `<p class="note">${escapeHtml(labels.method(comparison.method))}</p>`,
    `<p class="note">${escapeHtml(`Practical significance: ${describeMinimumEffects(comparison.method.minimumEffect)}.`)}</p>`,
    `<h2>${escapeHtml(labels.charts)}</h2>`,
  );
  charts.forEach((chart, index) => {
    parts.push(
      `<figure class="chart" id="chart-${chart.id}"><figcaption>${escapeHtml(chart.title)}</figcaption>${svgs[index] ?? ''}</figure>`,
    );
  });
  parts.push('</main></body></html>');
  return parts.join('\n');
}
