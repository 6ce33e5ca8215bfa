import { formatDuration } from '../report/index.ts';
import { formatNumber, type Language } from '../vocabulary.ts';
import { compareLabelsFor } from './compare-labels.ts';
import type { FigureComparison, FigureUnit } from './comparison-types.ts';

function round(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value);
  if (magnitude >= 10) return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}

/** One figure's value for a person: 21.3 ms, 1 min 24 s, 4.5%, 20.9/s, 20. */
export function formatFigureValue(value: number | null, unit: FigureUnit, lang: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'ms') return formatDuration(value, lang);
  if (unit === 'ratio') return `${formatNumber(round(value * 100))}%`;
  if (unit === 'per-second') return `${formatNumber(round(value))}/s`;
  return formatNumber(round(value));
}

/** A magnitude of change (no sign) in the figure's unit: 120 ms, 2.1 points, 3.4/s. */
function formatMagnitude(value: number, unit: FigureUnit, lang: Language): string {
  if (unit === 'ratio') return `${formatNumber(round(value * 100))} ${compareLabelsFor(lang).points}`;
  return formatFigureValue(value, unit, lang);
}

function bare(value: number, unit: FigureUnit): string {
  if (unit === 'ratio') return formatNumber(round(value * 100));
  return formatNumber(round(value));
}

function unitSuffix(unit: FigureUnit, lang: Language): string {
  if (unit === 'ms') return ' ms';
  if (unit === 'ratio') return ` ${compareLabelsFor(lang).points}`;
  return unit === 'per-second' ? '/s' : '';
}

/** The direction word of a change: slower/faster, longer/shorter, higher/lower, more/fewer. */
function directionWord(figure: FigureComparison, up: boolean, lang: Language): string {
  const words = compareLabelsFor(lang).direction;
  if (figure.kind === 'latency' || (figure.unit === 'ms' && figure.kind !== 'queue-wait'))
    return up ? words.slower : words.faster;
  if (figure.kind === 'queue-wait') return up ? words.longer : words.shorter;
  if (figure.unit === 'count') return up ? words.more : words.fewer;
  return up ? words.higher : words.lower;
}

/**
 * The change in words with its interval, oriented along the direction word:
 * "120 ms slower [95 … 150 ms]" (B − A = +120 ms), "2 points lower [1.1 … 2.9 points]".
 * An interval that crosses zero is shown signed: "+0.3 ms [−0.4 … +1.1 ms]".
 */
export function formatChange(figure: FigureComparison, lang: Language): string {
  if (figure.change === null) return '—';
  const up = figure.change >= 0;
  const interval = figure.interval;
  const relative =
    figure.relativeChange === null || figure.relativeChange === 0
      ? ''
      : ` (${figure.relativeChange > 0 ? '+' : '−'}${formatNumber(round(Math.abs(figure.relativeChange) * 100))}%)`;
  if (figure.change === 0 && (!interval || (interval[0] === 0 && interval[1] === 0)))
    return lang === 'ko' ? '변화 없음' : 'no change';
  if (interval && (interval[0] > 0 || interval[1] < 0)) {
    const [from, to] = up ? interval : [-interval[1], -interval[0]];
    return `${formatMagnitude(Math.abs(figure.change), figure.unit, lang)} ${directionWord(figure, up, lang)}${relative} [${bare(from, figure.unit)} … ${bare(to, figure.unit)}${unitSuffix(figure.unit, lang)}]`;
  }
  const signed = (value: number): string =>
    `${value > 0 ? '+' : value < 0 ? '−' : ''}${bare(Math.abs(value), figure.unit)}`;
  const shown = `${signed(figure.change)}${unitSuffix(figure.unit, lang)}${relative}`;
  return interval
    ? `${shown} [${signed(interval[0])} … ${signed(interval[1])}${unitSuffix(figure.unit, lang)}]`
    : shown;
}

/** A p-value for a table: "< 0.001", "0.023", "1". */
export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.001) return '< 0.001';
  return formatNumber(Math.round(p * 1000) / 1000);
}
