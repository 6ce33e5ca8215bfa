import { escapeMarkdownCell, formatValue, type RunSummary } from '../report/index.ts';
import type { RunComparison } from './comparison-types.ts';
import type { GateDecision } from './gate-decision.ts';
import { renderCompareMarkdown } from './render-compare-markdown.ts';

/** The report's own formatting: 10,200 ms → "10 s", ratios as %, counts bare. */
function formatMeasured(value: number | null, unit: string): string {
  return formatValue(value, unit, 'en');
}

/**
 * gate.md (also appended to $GITHUB_STEP_SUMMARY): the verdict and its reasons first, then the
 * targets and the comparison with the baseline.
 */
export function renderGateMarkdown(
  summary: RunSummary,
  comparison: RunComparison | null,
  decision: GateDecision,
  runName: string,
): string {
  const lines = [
    `## saleready gate: ${decision.pass ? '✅ PASS' : '❌ FAIL'} — ${summary.scenario.name}`,
    '',
    `Run \`${runName}\` · ${summary.startedAt} · time scale k = ${summary.scenario.timeScale}${comparison ? ` · baseline \`${comparison.a.name}\`` : ''}`,
    '',
  ];
  for (const reason of decision.reasons) lines.push(`- ❌ ${reason}`);
  for (const note of decision.notes) lines.push(`- ℹ️ ${note}`);
  if (decision.reasons.length + decision.notes.length > 0) lines.push('');
  lines.push('### Targets', '', '| | Target | Measured | Result |', '|---|---|--:|---|');
  for (const target of summary.targets) {
    const mark = target.verdict === 'pass' ? '✅' : target.verdict === 'fail' ? '❌' : '⚠️';
    lines.push(
      `| ${mark} | ${escapeMarkdownCell(`${target.description} (${target.id})`)} | ${escapeMarkdownCell(formatMeasured(target.measured, target.unit))} | ${target.verdict} |`,
    );
  }
  lines.push('');
  if (comparison) lines.push(renderCompareMarkdown(comparison, 'en', { heading: '###' }));
  return lines.join('\n');
}
