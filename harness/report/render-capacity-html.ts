/**
 * A capacity run as one offline HTML page: the verdict (highest load meeting the targets,
 * headroom), throughput against load with the fitted USL curve and the knee, latency against
 * load with the target, and the step table.
 */
import type { TopLevelSpec } from 'vega-lite';
import { uslThroughput, type CapacityProfile } from '../capacity/index.ts';
import { CHART_FONT } from './chart-specs.ts';
import { escapeHtml as h } from './escape.ts';
import { renderCapacityProfileText } from './capacity-profile-text.ts';
import { renderChartSvg } from './render-chart.ts';
import type { Language } from '../vocabulary.ts';

const say = (lang: Language, en: string, ko: string): string => (lang === 'ko' ? ko : en);

function throughputSpec(profile: CapacityProfile, lang: Language): TopLevelSpec {
  const measured = profile.steps.map((step) => ({
    load: step.load,
    value: step.throughputPerSecond,
    low: step.throughputInterval?.[0] ?? step.throughputPerSecond,
    high: step.throughputInterval?.[1] ?? step.throughputPerSecond,
  }));
  const maxLoad = profile.steps.reduce((most, step) => Math.max(most, step.load), -Infinity) * 1.25;
  const fit = profile.fit;
  const curve = fit
    ? Array.from({ length: 60 }, (_, i) => {
        const load = 1 + ((maxLoad - 1) * i) / 59;
        return { load, value: uslThroughput({ sigma: fit.sigma, kappa: fit.kappa, lambda: fit.lambda }, load) };
      })
    : [];
  const x = {
    field: 'load',
    type: 'quantitative',
    title: say(lang, 'people in the closed loop (load N)', '동시 사용자 수 (부하 N)'),
  } as const;
  const y = {
    field: 'value',
    type: 'quantitative',
    title: say(lang, 'journeys per second', '초당 구매 여정'),
  } as const;
  const layers: TopLevelSpec[] = [
    {
      data: { values: curve },
      mark: { type: 'line', color: '#8c959f', strokeDash: [4, 3] },
      encoding: { x, y },
    } as unknown as TopLevelSpec,
    {
      data: { values: measured },
      mark: { type: 'rule', color: '#0969da' },
      encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
    } as unknown as TopLevelSpec,
    {
      data: { values: measured },
      mark: { type: 'point', filled: true, color: '#0969da', size: 60 },
      encoding: { x, y },
    } as unknown as TopLevelSpec,
  ];
  if (profile.maxLoadMeetingTargets !== null) {
    layers.push({
      data: { values: [{ load: profile.maxLoadMeetingTargets }] },
      mark: { type: 'rule', color: '#1a7f37' },
      encoding: { x },
    } as unknown as TopLevelSpec);
  }
  if (fit?.knee)
    layers.push({
      data: { values: [{ load: fit.knee.load, value: fit.knee.throughput }] },
      mark: { type: 'point', shape: 'diamond', size: 160, color: '#bf8700', filled: true },
      encoding: { x, y },
    } as unknown as TopLevelSpec);
  return { width: 640, height: 260, config: { font: CHART_FONT }, layer: layers } as unknown as TopLevelSpec;
}

function latencySpec(profile: CapacityProfile, lang: Language): TopLevelSpec {
  const values = profile.steps
    .flatMap((step) => [
      { load: step.load, ms: step.latencyP50Ms, stat: 'p50' },
      { load: step.load, ms: step.latencyP95Ms, stat: 'p95' },
    ])
    .filter((point) => point.ms !== null);
  return {
    width: 640,
    height: 220,
    config: { font: CHART_FONT },
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'load', type: 'quantitative', title: say(lang, 'load N', '부하 N') },
          y: { field: 'ms', type: 'quantitative', title: 'ms' },
          color: { field: 'stat', type: 'nominal', title: null },
        },
      },
      {
        data: { values: [{ ms: profile.targets.latencyP95Ms }] },
        mark: { type: 'rule', color: '#cf222e', strokeDash: [6, 4] },
        encoding: { y: { field: 'ms', type: 'quantitative' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

export async function renderCapacityHtml(
  profile: CapacityProfile,
  lang: Language,
  shopLaw: { s0Ms: number; sigma: number; kappa: number } | null,
): Promise<string> {
  const [throughput, latency] = await Promise.all([
    renderChartSvg(throughputSpec(profile, lang)),
    renderChartSvg(latencySpec(profile, lang)),
  ]);
  const good = profile.maxLoadMeetingTargets !== null;
  const rows = profile.steps
    .map(
      (step) =>
        `<tr><td class="num">${step.load}</td><td class="num">${step.throughputPerSecond.toFixed(1)}</td><td class="num">${step.latencyP50Ms?.toFixed(1) ?? '—'}</td><td class="num">${step.latencyP95Ms?.toFixed(1) ?? '—'}</td><td class="num">${step.errorRate === null ? '—' : `${(step.errorRate * 100).toFixed(2)}%`}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(say(lang, 'Capacity', '처리 용량'))}: ${h(profile.target)}</title>
<style>body{font-family:${CHART_FONT};margin:0;background:#f6f8fa;color:#1f2328}main{max-width:900px;margin:0 auto;padding:24px}
.verdict{color:#fff;border-radius:10px;padding:16px 20px;background:${good ? '#1a7f37' : '#cf222e'}}pre{background:#fff;border:1px solid #d1d9e0;padding:12px;white-space:pre-wrap}
figure{background:#fff;border:1px solid #d1d9e0;border-radius:6px;margin:12px 0;padding:12px}table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d1d9e0;padding:6px 10px}td.num{text-align:right}</style></head>
<body><main><h1>${h(say(lang, 'Capacity of', '처리 용량:'))} ${h(profile.target)}</h1>
<section class="verdict" id="verdict">${h(renderCapacityProfileText(profile, lang, shopLaw).split('\n')[0] ?? '')}</section>
<figure id="chart-throughput"><figcaption>${h(say(lang, 'Throughput against load: measured (95% intervals), USL fit (dashed), knee (diamond), highest load meeting the targets (green)', '부하별 처리량: 측정값(95% 구간), USL 적합(점선), 무릎점(마름모), 목표를 지키는 최대 부하(초록)'))}</figcaption>${throughput}</figure>
<figure id="chart-latency"><figcaption>${h(say(lang, 'Latency against load, with the p95 target (red)', '부하별 응답 시간과 p95 목표(빨강)'))}</figcaption>${latency}</figure>
<h2>${h(say(lang, 'Fit and figures', '적합 결과'))}</h2><pre>${h(renderCapacityProfileText(profile, lang, shopLaw))}</pre>
<table id="steps"><thead><tr><th>N</th><th>${h(say(lang, 'journeys/s', '여정/초'))}</th><th>p50 ms</th><th>p95 ms</th><th>${h(say(lang, 'errors', '오류'))}</th></tr></thead><tbody>${rows}</tbody></table>
</main></body></html>`;
}
