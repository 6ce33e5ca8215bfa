/** `saleready capacity fit` as text for a person, in English or Korean. */
import type { CapacityFitSummary } from '../capacity/index.ts';
import type { Language } from '../vocabulary.ts';

function num(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude >= 1000 ? value.toFixed(0) : magnitude >= 1 ? value.toPrecision(digits) : value.toPrecision(3);
}

function withInterval(value: number, interval: readonly [number, number] | undefined): string {
  return interval ? `${num(value)}   (95% CI ${num(interval[0])} … ${num(interval[1])})` : num(value);
}

const words = {
  en: {
    title: (s: CapacityFitSummary) => `Universal Scalability Law fit of ${s.source} (${s.points} points)`,
    sigma: 'σ contention',
    kappa: 'κ coherency',
    lambda: 'λ throughput at load 1',
    r2: 'R²',
    peak: (s: CapacityFitSummary) =>
      s.noPeak
        ? `no peak (contention only): throughput approaches λ/σ = ${s.peakThroughput === null ? '∞' : num(s.peakThroughput)}`
        : `peak throughput ${num(s.peakThroughput ?? NaN)} at load N* = ${num(s.peakLoad ?? NaN)}`,
    knee: (s: CapacityFitSummary) =>
      s.knee
        ? `knee of the measured curve at load ${num(s.knee.load)} (throughput ${num(s.knee.throughput)})`
        : 'no knee found in the measured curve',
    latency: (s: CapacityFitSummary) =>
      s.latencyTarget === null
        ? null
        : s.loadAtLatencyTarget === null
          ? `latency target ${s.latencyTarget} cannot be met at any load`
          : `latency reaches ${s.latencyTarget} at load ${num(s.loadAtLatencyTarget)}`,
    warning: 'warning',
  },
  ko: {
    title: (s: CapacityFitSummary) => `${s.source}의 범용 확장성 법칙(USL) 적합 (측정점 ${s.points}개)`,
    sigma: 'σ 경합',
    kappa: 'κ 일관성 비용',
    lambda: 'λ 부하 1일 때 처리량',
    r2: 'R²',
    peak: (s: CapacityFitSummary) =>
      s.noPeak
        ? `정점 없음(경합만 있음): 처리량이 λ/σ = ${s.peakThroughput === null ? '∞' : num(s.peakThroughput)}에 가까워짐`
        : `최대 처리량 ${num(s.peakThroughput ?? NaN)}, 부하 N* = ${num(s.peakLoad ?? NaN)}에서`,
    knee: (s: CapacityFitSummary) =>
      s.knee
        ? `측정 곡선의 무릎점: 부하 ${num(s.knee.load)} (처리량 ${num(s.knee.throughput)})`
        : '측정 곡선에서 무릎점을 찾지 못함',
    latency: (s: CapacityFitSummary) =>
      s.latencyTarget === null
        ? null
        : s.loadAtLatencyTarget === null
          ? `어떤 부하에서도 응답 시간 목표 ${s.latencyTarget}를 맞출 수 없음`
          : `부하 ${num(s.loadAtLatencyTarget)}에서 응답 시간이 ${s.latencyTarget}에 도달`,
    warning: '경고',
  },
} as const;

export function renderCapacityFitText(summary: CapacityFitSummary, language: Language = 'en'): string {
  const w = words[language];
  const lines = [
    w.title(summary),
    `  ${w.sigma.padEnd(24)} ${withInterval(summary.sigma, summary.intervals95?.sigma)}`,
    `  ${w.kappa.padEnd(24)} ${withInterval(summary.kappa, summary.intervals95?.kappa)}`,
    `  ${w.lambda.padEnd(24)} ${withInterval(summary.lambda, summary.intervals95?.lambda)}`,
    `  ${w.r2.padEnd(24)} ${summary.r2 === null || !Number.isFinite(summary.r2) ? '—' : summary.r2.toFixed(4)}`,
    `  ${w.peak(summary)}`,
    `  ${w.knee(summary)}`,
  ];
  const latency = w.latency(summary);
  if (latency) lines.push(`  ${latency}`);
  for (const warning of summary.warnings) lines.push(`  ${w.warning}: ${warning}`);
  return lines.join('\n');
}
