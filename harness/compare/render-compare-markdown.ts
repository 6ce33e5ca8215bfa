import { escapeMarkdownCell } from '../report/index.ts';
import { compareLabelsFor } from './compare-labels.ts';
import { comparisonHeadline } from './comparison-headline.ts';
import type { RunComparison } from './comparison-types.ts';
import { figureRows } from './figure-rows.ts';
import { describeMinimumEffects } from './minimum-effect.ts';
import { describeRun } from './render-compare-text.ts';
import type { Language } from '../vocabulary.ts';

const MARK = { regressed: '🔴', improved: '🟢', 'no significant change': '⚪', 'not compared': '·' } as const;

/** compare.md: the verdict line, the two runs, every figure in a table, the method. */
export function renderCompareMarkdown(
  comparison: RunComparison,
  lang: Language,
  options: { heading?: string } = {},
): string {
  const labels = compareLabelsFor(lang);
  const lines = [
    `${options.heading ?? '#'} ${labels.title}: ${comparison.b.scenario}`,
    '',
    `**${comparisonHeadline(comparison, lang)}**`,
    '',
    `- A: \`${describeRun(comparison.a)}\``,
    `- B: \`${describeRun(comparison.b)}\``,
  ];
  if (comparison.forcedDifferences.length > 0)
    lines.push(`- ${labels.forced} ${comparison.forcedDifferences.join('; ')}`);
  lines.push(
    '',
    `| | ${labels.head.figure} | ${labels.head.a} | ${labels.head.b} | ${labels.head.change} [${labels.head.interval}] | ${labels.head.p} | ${labels.head.verdict} |`,
    '|---|---|--:|--:|---|--:|---|',
  );
  for (const row of figureRows(comparison, lang)) {
    const cells = [
      MARK[row.figure.verdict],
      `${row.name}<br><sub>${row.detail}</sub>`,
      row.a,
      row.b,
      row.change,
      row.p,
      row.verdict,
    ];
    lines.push(`| ${cells.map(escapeMarkdownCell).join(' | ')} |`);
  }
  lines.push(
    '',
    labels.method(comparison.method),
    '',
    `Practical significance: ${describeMinimumEffects(comparison.method.minimumEffect)}.`,
    '',
  );
  return lines.join('\n');
}
