import { escapeMarkdownCell, escapeMarkdownText, markdownCode } from './escape.ts';
import { labelsFor } from './labels.ts';
import type { RenderReportOptions } from './render-html-report.ts';
import { keyFigures, targetRows } from './report-rows.ts';
import type { RunSummary } from './run-summary.ts';
import { buildRunHeadline } from './run-headline.ts';

const ICONS = { pass: '✅', fail: '❌', inconclusive: '⚠️' } as const;

/** A short markdown summary for a pull request or CI job: verdict, targets table, key figures. */
export function renderMarkdownReport(summary: RunSummary, options: RenderReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const labels = labelsFor(lang);
  const lines: string[] = [
    `## ${ICONS[summary.verdict]} ${labels.verdict[summary.verdict]}: ${escapeMarkdownText(summary.scenario.name)}`,
    '',
    `**${escapeMarkdownText(buildRunHeadline(summary, lang))}**`,
    '',
    labels.verdictLine[summary.verdict],
  ];
  if (!summary.complete)
    lines.push(
      '',
      `> **${labels.incomplete}**${summary.interruption ? ` ${escapeMarkdownText(summary.interruption)}` : ''}`,
    );
  lines.push('', `### ${labels.targets}`, '');
  const rows = targetRows(summary, lang);
  if (rows.length === 0) lines.push(labels.noTargets);
  else {
    lines.push(
      `| ${labels.target} | ${labels.measured} | ${labels.samples} | ${labels.result} |`,
      '|---|---:|---:|---|',
    );
    for (const row of rows) {
      // Untrusted parts are escaped one by one; the line breaks between them are the report's own.
      const target = [
        `${escapeMarkdownCell(row.description)} (${markdownCode(row.id)})`,
        ...[row.note, row.overEveryone].filter((part): part is string => Boolean(part)).map(escapeMarkdownCell),
      ].join('<br>');
      const measured = [row.measured, row.interval]
        .filter((part): part is string => Boolean(part))
        .map(escapeMarkdownCell)
        .join('<br>');
      lines.push(`| ${target} | ${measured} | ${row.samples} | ${ICONS[row.verdict]} ${labels.verdict[row.verdict]} |`);
    }
  }
  if (rows.length > 0 && summary.queueWait.overEveryone)
    lines.push('', `_${labels.everyoneNote(summary.queueWait.overEveryone.confidence)}_`);
  const advice = summary.recommendations ?? [];
  if (advice.length > 0)
    lines.push(
      '',
      `### ${lang === 'ko' ? '바꿀 점' : 'What to change'}`,
      '',
      ...advice.map((item) => `- ${item[lang]}`),
    );
  lines.push('', `### ${labels.keyFigures}`, '', '| | |', '|---|---|');
  for (const [name, value] of keyFigures(summary, lang))
    lines.push(`| ${escapeMarkdownCell(name)} | ${escapeMarkdownCell(value)} |`);
  lines.push('', `_${labels.saleTimeNote(summary.queueWait.timeScale)}_`);
  lines.push(...markdownFooter(summary, labels));
  return lines.join('\n');
}

/** The end of a markdown report: the ingest's warnings, if any, and which saleready wrote it. */
export function markdownFooter(summary: RunSummary, labels: ReturnType<typeof labelsFor>): string[] {
  const warnings =
    summary.ingest.warnings.length > 0
      ? [
          '',
          `### ${labels.warnings}`,
          '',
          ...summary.ingest.warnings.map((warning) => `- ${escapeMarkdownText(warning)}`),
        ]
      : [];
  return [...warnings, '', `<sub>${labels.generatedBy(summary.tool.version)}</sub>`, ''];
}
