import { formatQuantity, type Language } from '../vocabulary.ts';

/** A unit for showing durations of about `maxMs`, and how many ms one of it holds. */
export function durationUnit(maxMs: number): { readonly unit: 'ms' | 's' | 'min' | 'h'; readonly ms: number } {
  if (maxMs < 2_000) return { unit: 'ms', ms: 1 };
  if (maxMs < 120_000) return { unit: 's', ms: 1_000 };
  if (maxMs < 7_200_000) return { unit: 'min', ms: 60_000 };
  return { unit: 'h', ms: 3_600_000 };
}

/** A measured value in its unit ('ratio' as %, durations in ms as such), or a dash. */
export function formatValue(value: number | null, unit: string, lang: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatQuantity(value, unit, lang);
}

export { formatDuration, formatNumber, formatPercent } from '../vocabulary.ts';
