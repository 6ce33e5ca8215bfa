// --pdf with real Chromium (Debian's, through playwright-core): plan.pdf and report.pdf are A4
// PDFs with a page per part, and Korean text is set in a font that has Hangul (not boxes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, parseSalePlan } from '../../harness/capacity/index.ts';
import { printPdf } from '../../harness/cli/print-pdf.ts';
import { renderHtmlReport, renderPlanHtml } from '../../harness/report/index.ts';
import { buildFixtureSummary } from '../report/fixture-summary.ts';
import { useChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { SMALL_SALE_PLAN } from '../helpers/small-sale-plan.ts';

const dir = useTempDir('pdf');
const chromium = useChromium();

const PLAN = SMALL_SALE_PLAN;
const result = evaluatePlan(parseSalePlan(PLAN));

/** Pages of a PDF: its `/Type /Page` objects (Chromium writes them uncompressed). */
function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g) ?? []
  ).length;
}

describe('printPdf', () => {
  it('prints plan.html in Korean and English to A4 PDFs of 3 to 10 pages', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const pdf = await printPdf(await renderPlanHtml(result, lang));
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const pages = pageCount(pdf);
      expect(pages, `${lang}: ${pages} pages`).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(10);
      // A4 is 595 × 842 points
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    }
  }, 30_000);

  it('prints the run report to a PDF of 2 to 15 pages with the charts starting a page', async () => {
    const summary = await buildFixtureSummary();
    const pdf = await printPdf(await renderHtmlReport(summary, { lang: 'ko' }));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(pageCount(pdf)).toBeLessThanOrEqual(15);
  }, 30_000);

  it('sets Korean text in a font with Hangul glyphs (Debian fonts-noto-cjk), as Chromium prints it', async () => {
    const page = await (await chromium.browser()).newPage();
    await page.setContent(await renderPlanHtml(result, 'ko'));
    await page.emulateMedia({ media: 'print' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#decision' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const hangul = fonts.filter((font) => /CJK|KR|Nanum|Gothic|Batang|Un/i.test(font.familyName));
    expect(
      hangul.map((font) => font.familyName),
      JSON.stringify(fonts),
    ).not.toEqual([]);
    expect(hangul.reduce((sum, font) => sum + font.glyphCount, 0)).toBeGreaterThan(20);
    await page.close();
  }, 30_000);
});

describe('saleready plan --pdf', () => {
  it('writes plan.html and plan.pdf into --out, and says where', async () => {
    const planPath = join(dir, 'small.plan.yaml');
    writeFileSync(planPath, JSON.stringify(PLAN));
    const out = join(dir, 'out-ko');
    const cli = await runCli(['plan', planPath, '--out', out, '--pdf', '--lang', 'ko']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/판매 계획/);
    expect(cli.stderr).toMatch(/plan\.html: .*out-ko\/plan\.html/);
    expect(cli.stderr).toMatch(/plan\.pdf: .*out-ko\/plan\.pdf/);
    expect(readFileSync(join(out, 'plan.html'), 'utf8')).toMatch(/<p class="decision"[^>]*>[^<]*추첨|회차|한 번에/);
    expect(readFileSync(join(out, 'plan.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // --json stays clean JSON on stdout; the page is still written
    const json = await runCli(['plan', planPath, '--json', '--out', join(dir, 'out-json')]);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(existsSync(join(dir, 'out-json', 'plan.html'))).toBe(true);
    expect(existsSync(join(dir, 'out-json', 'plan.pdf'))).toBe(false);
  }, 60_000);
});
