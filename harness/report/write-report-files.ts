import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { RenderReportOptions } from './render-html-report.ts';
import { renderHtmlReport } from './render-html-report.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdownReport } from './render-markdown-report.ts';
import { parseRunSummary, type RunSummary } from './run-summary.ts';

export interface ReportFiles {
  readonly summaryJson: string;
  readonly html: string;
  readonly markdown: string;
  readonly junit: string;
}

/**
 * Writes summary.json (validated against the schema first), report.html, report.md and
 * junit.xml into the run folder and returns their paths.
 */
export async function writeReportFiles(
  runDir: string,
  summary: RunSummary,
  options: RenderReportOptions = {},
): Promise<ReportFiles> {
  const checked = parseRunSummary(summary, 'the run summary');
  const files: ReportFiles = {
    summaryJson: join(runDir, 'summary.json'),
    html: join(runDir, 'report.html'),
    markdown: join(runDir, 'report.md'),
    junit: join(runDir, 'junit.xml'),
  };
  // Screenshots are embedded from the run folder (never from outside it), so the page stays one file.
  const readAsset = (file: string): Uint8Array | null => {
    const path = normalize(join(runDir, file));
    return path.startsWith(normalize(runDir)) && existsSync(path) ? readFileSync(path) : null;
  };
  const html = await renderHtmlReport(checked, { readAsset, ...options });
  await Promise.all([
    writeFile(files.summaryJson, `${JSON.stringify(checked, null, 2)}\n`),
    writeFile(files.html, html),
    writeFile(files.markdown, renderMarkdownReport(checked, options)),
    writeFile(files.junit, renderJunit(checked)),
  ]);
  return files;
}
