/**
 * Lays out the plan report (plan-report.ts) as plain text for a terminal or as
 * markdown, verdict first, in English or Korean. Pure: returns strings, prints nothing.
 */
import type { PlanResult } from '../capacity/index.ts';
import { buildPlanReport } from './plan-report.ts';
import type { Language } from '../vocabulary.ts';

/** Display width: Hangul and other wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** Plain text: verdict, then each section with its sentences and an aligned table. */
export function renderPlanText(result: PlanResult, lang: Language = result.plan.language): string {
  const report = buildPlanReport(result, lang);
  const out: string[] = [report.title, '', report.verdict];
  for (const section of report.sections) {
    out.push('', `■ ${section.title}`);
    for (const line of section.lines) out.push(`  ${line}`);
    if (section.table) {
      const rows = [section.table.head, ...section.table.rows];
      const widths = section.table.head.map((_, i) =>
        rows.reduce((most, r) => Math.max(most, width(r[i] ?? '')), -Infinity),
      );
      out.push('');
      for (const row of rows)
        out.push(
          `  ${row
            .map((cell, i) => pad(cell, widths[i]!))
            .join('  ')
            .trimEnd()}`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}

const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

/** Markdown: a heading, the verdict in bold, a section per heading with a table where there is one. */
export function renderPlanMarkdown(result: PlanResult, lang: Language = result.plan.language): string {
  const report = buildPlanReport(result, lang);
  const out: string[] = [`# ${report.title}`, '', `**${report.verdict}**`];
  for (const section of report.sections) {
    out.push('', `## ${section.title}`, '');
    for (const line of section.lines) out.push(`- ${line}`);
    if (section.table) {
      out.push(
        '',
        `| ${section.table.head.map(escapeCell).join(' | ')} |`,
        `|${section.table.head.map(() => '---').join('|')}|`,
      );
      for (const row of section.table.rows) out.push(`| ${row.map(escapeCell).join(' | ')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
