import { beforeAll, describe, expect, it } from 'vitest';
import { buildChartSpecs, writeReportFiles, type RunSummary } from '../../harness/report/index.ts';
import { buildFixtureSummary } from './fixture-summary.ts';
import type { Language } from '../../harness/vocabulary.ts';
import { expectChartsDrawn, useChromium } from '../helpers/chromium.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

// Real Chromium opens the written report.html from disk: every chart must be an <svg>, the
// console must stay clean and the page must ask the network for nothing.
const chromium = useChromium();
let summary: RunSummary;
const dir = useTempDir('report');

beforeAll(async () => {
  summary = await buildFixtureSummary();
});

async function openReport(lang: Language) {
  const runDir = freshDirIn(dir, lang);
  const files = await writeReportFiles(runDir, summary, { lang });
  return chromium.openFile(files.html);
}

describe('report.html in Chromium', () => {
  it('renders every chart as SVG, logs nothing and fetches nothing', async () => {
    const { page, problems, requests } = await openReport('en');
    const charts = buildChartSpecs(summary, 'en');
    expect(await page.locator('figure.chart').count()).toBe(charts.length);
    expect(await page.locator('figure.chart > svg').count()).toBe(charts.length);
    await expectChartsDrawn(
      page,
      charts.map((chart) => chart.id),
    );
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('puts the verdict first, big and in words, then the targets table with units and intervals', async () => {
    const { page } = await openReport('en');
    const first = await page.locator('main > section').first();
    expect(await first.getAttribute('id')).toBe('verdict');
    expect(await first.innerText()).toContain('FAIL');
    expect(await first.innerText()).toContain('At least one target was missed.');
    const failing = page.locator('#targets tr[data-target="errors.checkout"]');
    expect(await failing.innerText()).toMatch(/3\.213%[\s\S]*95% interval: 1\.637% – 6\.211%[\s\S]*FAIL/);
    expect(await page.locator('#key-figures').innerText()).toMatch(/Queue wait of admitted people, sale time, ×30/);
    await page.close();
  });

  it('speaks Korean with lang ko', async () => {
    const { page, problems, requests } = await openReport('ko');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('#verdict').innerText()).toContain('실패');
    const text = await page.locator('main').innerText();
    for (const words of [
      '목표',
      '측정값',
      '시간별 도착 및 입장',
      '대기 시간 분포 (판매 시간 기준)',
      '시간 배율 k = 30',
      '구매 성공',
    ]) {
      expect(text).toContain(words);
    }
    expect(await page.locator('figure.chart > svg').count()).toBe(buildChartSpecs(summary, 'ko').length);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
