import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../report/index.ts';
import { formatRunTimestamp } from '../results/index.ts';
import type { RunComparison } from './comparison-types.ts';
import { renderCompareHtml } from './render-compare-html.ts';
import { renderCompareMarkdown } from './render-compare-markdown.ts';
import type { Language } from '../vocabulary.ts';

export interface CompareFiles {
  readonly dir: string;
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
}

/** `reports/compare-<A>-vs-<B>-<UTC>`: where a comparison goes unless told otherwise. */
export function defaultCompareDir(baseDir: string, comparison: RunComparison, now: Date = new Date()): string {
  return join(baseDir, `compare-${comparison.a.name}-vs-${comparison.b.name}-${formatRunTimestamp(now)}`);
}

/** Writes compare.html, compare.md and compare.json (the RunComparison as data) into `dir`. */
export async function writeCompareFiles(
  dir: string,
  comparison: RunComparison,
  summaries: { a: RunSummary; b: RunSummary },
  lang: Language,
): Promise<CompareFiles> {
  await mkdir(dir, { recursive: true });
  const files = {
    dir,
    html: join(dir, 'compare.html'),
    markdown: join(dir, 'compare.md'),
    json: join(dir, 'compare.json'),
  };
  await writeFile(files.html, await renderCompareHtml(comparison, summaries, lang));
  await writeFile(files.markdown, renderCompareMarkdown(comparison, lang));
  await writeFile(files.json, `${JSON.stringify(comparison, null, 2)}\n`);
  return files;
}
