import { compareLabelsFor } from './compare-labels.ts';
import type { FigureComparison, RunComparison } from './comparison-types.ts';
import { formatChange, formatFigureValue, formatPValue } from './format-change.ts';
import type { Language } from '../vocabulary.ts';

/** One table row per figure, as text cells (shared by markdown and HTML). */
export interface FigureRow {
  readonly figure: FigureComparison;
  readonly name: string;
  readonly detail: string;
  readonly a: string;
  readonly b: string;
  readonly change: string;
  readonly p: string;
  readonly verdict: string;
}

export function figureRows(comparison: RunComparison, lang: Language): FigureRow[] {
  const labels = compareLabelsFor(lang);
  return comparison.figures.map((figure) => ({
    figure,
    name: figure.label[lang],
    detail: [
      `${figure.metric} ${figure.stat}`,
      labels.test[figure.test],
      figure.targetIds.length > 0 ? `target ${figure.targetIds.join(', ')}` : '',
      figure.note ?? '',
    ]
      .filter((part) => part !== '' && part !== '—')
      .join(' · '),
    a: formatFigureValue(figure.a, figure.unit, lang),
    b: formatFigureValue(figure.b, figure.unit, lang),
    change: formatChange(figure, lang),
    p: formatPValue(figure.adjustedPValue),
    verdict: labels.verdict[figure.verdict],
  }));
}
