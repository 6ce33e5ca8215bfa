import { compareLabelsFor } from './compare-labels.ts';
import { comparisonHeadline, describeFigureChange, figuresWithVerdict } from './comparison-headline.ts';
import type { RunComparison, RunReference } from './comparison-types.ts';
import { describeMinimumEffects } from './minimum-effect.ts';
import type { Language } from '../vocabulary.ts';

export function describeRun(run: RunReference): string {
  const people = run.people === null ? '' : `, ${run.people.toLocaleString('en')} people`;
  return `${run.name} (scenario ${run.scenario}, k = ${run.timeScale}${people}, targets ${run.verdict}${run.complete ? '' : ', INCOMPLETE'})`;
}

/** The comparison as console lines: verdict first, then each changed figure, then the method. */
export function renderCompareText(comparison: RunComparison, lang: Language): string[] {
  const labels = compareLabelsFor(lang);
  const lines = [
    comparisonHeadline(comparison, lang),
    `  A: ${describeRun(comparison.a)}`,
    `  B: ${describeRun(comparison.b)}`,
  ];
  if (comparison.forcedDifferences.length > 0)
    lines.push(`  ${labels.forced} ${comparison.forcedDifferences.join('; ')}`);
  for (const verdict of ['regressed', 'improved'] as const) {
    for (const figure of figuresWithVerdict(comparison, verdict)) {
      const targets = figure.targetIds.length > 0 ? ` · target ${figure.targetIds.join(', ')}` : '';
      lines.push(
        `  ${verdict === 'regressed' ? '✘' : '✔'} ${labels.verdict[verdict]}: ${describeFigureChange(figure, lang)}${targets}`,
      );
    }
  }
  const same = comparison.figures.filter((figure) => figure.verdict === 'no significant change').length;
  const notCompared = comparison.figures.filter((figure) => figure.verdict === 'not compared').length;
  lines.push(
    `  ${labels.verdict['no significant change']}: ${same}${notCompared > 0 ? ` · ${labels.verdict['not compared']}: ${notCompared} (too few samples or nothing measured)` : ''}`,
  );
  lines.push(`  ${labels.method(comparison.method)}`);
  lines.push(`  Practical significance: ${describeMinimumEffects(comparison.method.minimumEffect)}.`);
  return lines;
}
