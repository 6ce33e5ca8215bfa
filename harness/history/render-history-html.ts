import { relative, sep } from 'node:path';
import { escapeHtml, formatDuration, renderChartSvg, REPORT_STYLE, VERDICT_COLOURS } from '../report/index.ts';
import { formatNumber, formatQuantity } from '../vocabulary.ts';
import { buildHistoryCharts } from './history-charts.ts';
import type { HistoryModel } from './history-model.ts';
import { keyFiguresOf } from './key-figures.ts';
import { MIN_TREND_RUNS, TREND_WINDOW_RUNS, type TargetTrend, type TrendHorizon } from './target-trends.ts';

const STATUS_WORDS = {
  warning: 'will cross the target',
  missed: 'missed by the latest run',
  ok: 'met, stays met',
  'too-few-runs': `fewer than ${MIN_TREND_RUNS} runs`,
} as const;
const e = escapeHtml;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function describeHorizon(horizon: TrendHorizon): string {
  return horizon.kind === 'runs'
    ? `${horizon.runs} more run${horizon.runs === 1 ? '' : 's'}`
    : `${horizon.days} day${horizon.days === 1 ? '' : 's'} after the last run`;
}

function methodText(horizon: TrendHorizon): string {
  return (
    `Method: for every target of a scenario, an ordinary least-squares line is fitted to the measured values of its latest ${TREND_WINDOW_RUNS} runs ` +
    `(at least ${MIN_TREND_RUNS}) against ${horizon.kind === 'runs' ? 'the run number' : 'the days since the scenario’s first run'}, ` +
    `and projected forward by the horizon: ${describeHorizon(horizon)}. A warning means the latest run met the target but the line misses it within the horizon. ` +
    'A projection is a straight-line extrapolation, not a forecast with a guarantee: read it with the runs that drew it.'
  );
}

function crossingWords(trend: TargetTrend, horizon: TrendHorizon): string {
  if (trend.crossingIn === null) return '';
  const amount =
    horizon.kind === 'runs'
      ? `${Math.ceil(trend.crossingIn)} run${Math.ceil(trend.crossingIn) === 1 ? '' : 's'}`
      : `${formatNumber(Math.round(trend.crossingIn * 10) / 10)} days`;
  return trend.crossingIn === 0 ? 'the trend line is already past the threshold' : `in about ${amount}`;
}

/**
 * The history as one self-contained HTML page (no scripts, no fetches): trend warnings first,
 * then every run in a table linking its report (paths relative to the page), then per scenario
 * the key figures' trend charts with targets as rules and a table of every target's trend.
 * Folders that were skipped are listed with the reason.
 */
export async function renderHistoryHtml(
  model: HistoryModel,
  indexDir: string,
  generatedAt: Date = new Date(),
): Promise<string> {
  const sections = await Promise.all(
    model.scenarios.map(async (scenario) => {
      const charts = buildHistoryCharts(scenario.name, scenario.runs, scenario.trends, model.horizon);
      const svgs = await Promise.all(charts.map((chart) => renderChartSvg(chart.spec)));
      return { scenario, charts, svgs };
    }),
  );
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Performance trend report · saleready</title><style>${REPORT_STYLE}\n.warn { background: #fff1e5; border: 1px solid #d18616; border-radius: 6px; padding: 10px 14px; margin: 8px 0; }</style></head><body><main>`,
    '<h1>Performance trend report</h1>',
    `<p class="sub">${plural(model.runs.length, 'run')} of ${plural(model.scenarios.length, 'scenario')} · generated ${e(generatedAt.toISOString())} · horizon: ${e(describeHorizon(model.horizon))}</p>`,
    `<p class="note" id="method">${e(methodText(model.horizon))}</p>`,
    '<h2>Trend warnings</h2>',
  ];
  if (model.warnings.length === 0)
    parts.push(
      `<p id="no-warnings">No target is projected to be crossed within ${e(describeHorizon(model.horizon))}.</p>`,
    );
  for (const { scenario, trend } of model.warnings) {
    parts.push(
      `<p class="warn" data-warning="${e(`${scenario}/${trend.targetId}`)}">⚠ <strong>${e(scenario)}</strong>: ${e(trend.description)} (<code>${e(trend.targetId)}</code>) ` +
        `is met now but its trend reaches ${e(formatQuantity(trend.threshold, trend.unit, 'en'))} ${e(crossingWords(trend, model.horizon))}: ` +
        `projected ${e(formatQuantity(trend.projected ?? NaN, trend.unit, 'en'))} after ${e(describeHorizon(model.horizon))}.</p>`,
    );
  }
  parts.push(
    '<h2>Runs</h2><div style="overflow-x:auto"><table id="runs"><thead><tr><th>Scenario</th><th>Started (UTC)</th><th>Verdict</th><th>Requests</th><th>Error rate</th><th>p95 (worst step or group)</th><th>Queue wait p95, sale time</th><th>Stock sold</th><th>Report</th></tr></thead><tbody>',
  );
  for (const run of model.runs) {
    const figures = keyFiguresOf(run.summary);
    const worst = [...figures.latencyP95].sort((a, b) => b[1] - a[1])[0];
    const link =
      run.reportFile === null
        ? '—'
        : `<a href="${e(relative(indexDir, run.reportFile).split(sep).join('/'))}">report</a>`;
    const cells = [
      formatNumber(run.summary.requests.total),
      figures.errorRate === null ? '—' : formatQuantity(figures.errorRate, 'ratio', 'en'),
      worst === undefined ? '—' : `${formatQuantity(worst[1], 'ms', 'en')} (${worst[0]})`,
      figures.queueWaitP95SaleMs === null ? '—' : formatDuration(figures.queueWaitP95SaleMs, 'en'),
      figures.stockSoldShare === null ? '—' : formatQuantity(figures.stockSoldShare, 'ratio', 'en'),
    ];
    parts.push(
      `<tr><td>${e(run.summary.scenario.name)}</td><td>${e(run.summary.startedAt)}</td>` +
        `<td><span class="chip" style="background:${VERDICT_COLOURS[run.summary.verdict]}">${e(run.summary.verdict.toUpperCase())}</span>${run.summary.complete ? '' : ' <span class="note">incomplete</span>'}</td>` +
        `${cells.map((cell) => `<td class="num">${e(cell)}</td>`).join('')}<td>${link}</td></tr>`,
    );
  }
  parts.push('</tbody></table></div>');
  for (const { scenario, charts, svgs } of sections) {
    parts.push(
      `<h2>${e(scenario.name)}</h2><p class="note">${plural(scenario.runs.length, 'run')}, ${e(scenario.runs[0]?.summary.startedAt ?? '')} → ${e(scenario.runs[scenario.runs.length - 1]?.summary.startedAt ?? '')}</p>`,
    );
    charts.forEach((chart, index) => {
      parts.push(
        `<figure class="chart" id="chart-${e(chart.id)}"><figcaption>${e(chart.title)}</figcaption>${svgs[index] ?? ''}</figure>`,
      );
    });
    if (scenario.trends.length > 0) {
      const per = model.horizon.kind === 'runs' ? 'per run' : 'per day';
      parts.push(
        `<table class="trends"><thead><tr><th>Target</th><th>Latest</th><th>Threshold</th><th>Slope ${per}</th><th>Projected at horizon</th><th>Status</th></tr></thead><tbody>`,
      );
      for (const trend of scenario.trends) {
        const show = (value: number | null | undefined): string =>
          value === null || value === undefined || !Number.isFinite(value)
            ? '—'
            : formatQuantity(value, trend.unit, 'en');
        const status = `${STATUS_WORDS[trend.status]}${trend.status === 'warning' ? ` (${crossingWords(trend, model.horizon)})` : ''}`;
        parts.push(
          `<tr data-trend="${e(trend.targetId)}" data-status="${trend.status}"><td>${e(trend.description)}<div class="note"><code>${e(trend.targetId)}</code></div></td>` +
            `<td class="num">${e(show(trend.points[trend.points.length - 1]?.value))}</td><td class="num">${e(`${trend.op} ${show(trend.threshold)}`)}</td>` +
            `<td class="num">${e(trend.trend === null ? '—' : `${trend.trend.slope >= 0 ? '+' : '−'}${show(Math.abs(trend.trend.slope))}`)}</td><td class="num">${e(show(trend.projected))}</td><td>${e(status)}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
  }
  if (model.skipped.length > 0) {
    parts.push('<h2>Skipped folders</h2><ul id="skipped">');
    for (const folder of model.skipped)
      parts.push(`<li><code>${e(relative(indexDir, folder.dir) || folder.dir)}</code>: ${e(folder.reason)}</li>`);
    parts.push('</ul>');
  }
  parts.push('<footer>Generated by saleready history</footer></main></body></html>');
  return parts.join('\n');
}
