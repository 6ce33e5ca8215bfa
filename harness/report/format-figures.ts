import { formatLongDuration, formatNumber, formatQuantity } from '../stats/index.ts';
import type { ReportLanguage } from './labels.ts';

/** A unit for showing durations of about `maxMs`, and how many ms one of it holds. */
export function durationUnit(maxMs: number): { readonly unit: 'ms' | 's' | 'min' | 'h'; readonly ms: number } {
  if (maxMs < 2_000) return { unit: 'ms', ms: 1 };
  if (maxMs < 120_000) return { unit: 's', ms: 1_000 };
  if (maxMs < 7_200_000) return { unit: 'min', ms: 60_000 };
  return { unit: 'h', ms: 3_600_000 };
}

/** A duration for people: 850 ms, 12.5 s, 14 min 30 s, 2 h 40 min (Korean: 2시간 40분). */
export function formatDuration(ms: number, lang: ReportLanguage): string {
  const ko = lang === 'ko';
  if (ms < 1_000) return `${formatNumber(Math.round(ms * 10) / 10)} ms`;
  if (ms < 60_000) return ko ? `${formatNumber(Math.round(ms / 100) / 10)}초` : `${formatNumber(Math.round(ms / 100) / 10)} s`;
  return formatLongDuration(ms, lang);
}

/** A measured value in its unit ('ratio' as %, durations in ms as such), or a dash. */
export function formatValue(value: number | null, unit: string, lang: ReportLanguage): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatQuantity(value, unit, lang);
}

/** A share as a percentage: 0.0412 → 4.12%. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value * 100)}%`;
}

export { formatNumber };
