import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzedKeyFigures, analyzedMethodNote, artilleryFiguresOf, groupRows } from './analyzed-rows.ts';
import { analyzedRunLabelsFor } from './analyzed-labels.ts';
import { escapeMarkdownCell, escapeMarkdownText, markdownCode } from './escape.ts';
import { labelsFor } from './labels.ts';
import { renderAnalyzedHtml } from './render-analyzed-html.ts';
import { markdownFooter } from './render-markdown-report.ts';
import { renderJunit } from './render-junit.ts';
import { targetRows } from './report-rows.ts';
import { parseRunSummary, type RunSummary } from './run-summary.ts';
import type { ReportFiles } from './write-report-files.ts';
import type { Language } from '../vocabulary.ts';

const ICONS = { pass: '✅', fail: '❌', inconclusive: '⚠️' } as const;

/**
 * Writes the files of an analyzed run (k6 output or an Artillery report) — summary.json (validated first), report.html,
 * report.md and junit.xml — the same set `writeReportFiles` writes for a saleready run, with
 * the requests by group in place of the sale's figures.
 */
export async function writeAnalyzedReportFiles(
  runDir: string,
  summary: RunSummary,
  options: { readonly lang?: Language } = {},
): Promise<ReportFiles> {
  const checked = parseRunSummary(summary, 'the analyzed run summary');
  const files: ReportFiles = {
    summaryJson: join(runDir, 'summary.json'),
    html: join(runDir, 'report.html'),
    markdown: join(runDir, 'report.md'),
    junit: join(runDir, 'junit.xml'),
  };
  const html = await renderAnalyzedHtml(checked, options);
  await Promise.all([
    writeFile(files.summaryJson, `${JSON.stringify(checked, null, 2)}\n`),
    writeFile(files.html, html),
    writeFile(files.markdown, renderAnalyzedMarkdown(checked, options.lang ?? 'en')),
    writeFile(files.junit, renderJunit(checked)),
  ]);
  return files;
}

/** Markdown for a pull request or CI job: verdict, targets, key figures, requests by group. */
export function renderAnalyzedMarkdown(summary: RunSummary, lang: Language): string {
  const labels = labelsFor(lang);
  const words = analyzedRunLabelsFor(lang, artilleryFiguresOf(summary) !== null);
  const method = analyzedMethodNote(summary, lang);
  const lines = [
    `## ${ICONS[summary.verdict]} ${labels.verdict[summary.verdict]}: ${escapeMarkdownText(summary.scenario.name)}`,
    '',
    labels.verdictLine[summary.verdict],
    '',
    `### ${labels.targets}`,
    '',
  ];
  const targets = targetRows(summary, lang);
  if (targets.length === 0) lines.push(words.noTargets);
  else {
    lines.push(
      `| ${labels.target} | ${labels.measured} | ${labels.samples} | ${labels.result} |`,
      '|---|---:|---:|---|',
    );
    for (const row of targets) {
      // Untrusted parts (tag values reach ids and notes) are escaped one by one; the line breaks are the report's own.
      const measured = [row.measured, row.interval]
        .filter((part): part is string => Boolean(part))
        .map(escapeMarkdownCell)
        .join('<br>');
      const target = [
        `${escapeMarkdownCell(row.description)} (${markdownCode(row.id)})`,
        ...(row.note ? [escapeMarkdownCell(row.note)] : []),
      ].join('<br>');
      lines.push(`| ${target} | ${measured} | ${row.samples} | ${ICONS[row.verdict]} ${labels.verdict[row.verdict]} |`);
    }
  }
  lines.push('', `### ${labels.keyFigures}`, '', '| | |', '|---|---|');
  for (const [name, value] of analyzedKeyFigures(summary, lang))
    lines.push(`| ${escapeMarkdownCell(name)} | ${escapeMarkdownCell(value)} |`);
  if (method !== null) lines.push('', `### ${method.title}`, '', method.text);
  lines.push(
    '',
    `### ${words.groups}`,
    '',
    `${escapeMarkdownText(words.groupedBy(summary.groups?.by ?? []))} ${words.intervalNote}`,
    '',
  );
  lines.push(
    `| ${words.group} | ${labels.requests} | ${labels.errorRate} | p50 | p95 | p99 |`,
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const row of groupRows(summary, lang)) {
    const cells = [
      row.key,
      row.requests,
      `${row.errorRate} ${row.errorRateInterval}`,
      row.p50,
      `${row.p95} ${row.p95Interval}`,
      `${row.p99} ${row.p99Interval}`,
    ];
    lines.push(`| ${cells.map((cell) => escapeMarkdownCell(cell.trim())).join(' | ')} |`);
  }
  lines.push(...markdownFooter(summary, labels));
  return lines.join('\n');
}
