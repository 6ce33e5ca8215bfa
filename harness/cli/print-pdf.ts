/**
 * Prints an HTML report to PDF with Debian's Chromium through playwright-core's `page.pdf`:
 * A4, backgrounds kept, the page's own `@page` size and margins; page breaks come from the
 * page's CSS (`break-before: page` between parts, `break-inside: avoid` on charts and table
 * rows, REPORT_STYLE). The page is loaded with setContent, so nothing is fetched: the reports
 * are self-contained and forbid fetches by their Content-Security-Policy. Hangul needs a font
 * with it (Debian `fonts-noto-cjk`, installed by `saleready setup`).
 */
import { writeFile } from 'node:fs/promises';
import { CHROMIUM_ARGS, requireChromium } from '../browser/index.ts';

export interface PrintPdfOptions {
  /** Stop waiting for Chromium after this long; default 60 s. */
  readonly timeoutMs?: number;
}

/** The HTML as PDF bytes. Throws EnvironmentError `browser.chromium-missing` when there is no Chromium. */
export async function printPdf(html: string, options: PrintPdfOptions = {}): Promise<Uint8Array> {
  const binary = await requireChromium();
  const timeout = options.timeoutMs ?? 60_000;
  // loaded here, not at start: it takes ~0.4 s and only --pdf needs it
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: binary.path, args: [...CHROMIUM_ARGS], timeout });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Prints `html` to the file `pdfPath`. */
export async function writePdf(html: string, pdfPath: string, options: PrintPdfOptions = {}): Promise<void> {
  await writeFile(pdfPath, await printPdf(html, options));
}
