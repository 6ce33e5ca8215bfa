import { compareLabelsFor } from './compare-labels.ts';
import type { FigureComparison, RunComparison } from './comparison-types.ts';
import { formatChange } from './format-change.ts';
import type { Language } from '../vocabulary.ts';

/** Figures with a given verdict: those measuring a target first, then the largest change (in minimum effects). */
export function figuresWithVerdict(
  comparison: RunComparison,
  verdict: FigureComparison['verdict'],
): FigureComparison[] {
  const size = (figure: FigureComparison): number =>
    Math.abs(figure.change ?? 0) / Math.max(figure.minimumEffect ?? 1, 1e-12);
  const isTarget = (figure: FigureComparison): number => (figure.targetIds.length > 0 ? 1 : 0);
  return comparison.figures
    .filter((figure) => figure.verdict === verdict)
    .sort((x, y) => isTarget(y) - isTarget(x) || size(y) - size(x));
}

/** One figure's change as a phrase: "95% of checkouts 120 ms slower [95 … 150 ms]". */
export function describeFigureChange(figure: FigureComparison, lang: Language): string {
  return `${figure.label[lang]} ${formatChange(figure, lang)}`;
}

/**
 * The verdict first, in one line: "B is worse than A: 95% of checkouts 120 ms slower
 * [95 … 150 ms]", naming the largest regression (or improvement) and how many more there are.
 */
export function comparisonHeadline(comparison: RunComparison, lang: Language): string {
  const labels = compareLabelsFor(lang);
  const regressed = figuresWithVerdict(comparison, 'regressed');
  const improved = figuresWithVerdict(comparison, 'improved');
  const lead = (figures: FigureComparison[]): string => {
    const first = figures[0];
    if (!first) return '';
    return describeFigureChange(first, lang) + (figures.length > 1 ? ` (${labels.andMore(figures.length - 1)})` : '');
  };
  switch (comparison.overall) {
    case 'worse':
      return `${labels.overall.worse}: ${lead(regressed)}`;
    case 'better':
      return `${labels.overall.better}: ${lead(improved)}`;
    case 'mixed':
      return `${labels.overall.mixed}: ${lead(regressed)}; ${lead(improved)}`;
    case 'same':
      return `${labels.overall.same}: ${labels.noChangeLine(comparison.method.family)}`;
  }
}
