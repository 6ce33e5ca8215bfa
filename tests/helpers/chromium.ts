/**
 * Real Chromium for the tests that open pages: Debian's, found and launched as saleready
 * launches it (requireChromium's executablePath, CHROMIUM_ARGS), once per test file at its
 * first use and closed after the file's tests.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { CHROMIUM_ARGS, requireChromium } from '../../harness/browser/index.ts';

/** A page opened on a file, with what it has complained of and fetched since it started loading. */
export interface OpenedFile {
  readonly page: Page;
  /** Console errors and warnings, and uncaught errors of the page. */
  readonly problems: readonly string[];
  /** URLs the page requested besides its own. */
  readonly requests: readonly string[];
}

/** A document parsed by Chromium's DOMParser as XML (junit.xml). */
export interface ParsedXml {
  /** The text of the <parsererror> element Chromium puts in a document that is not well-formed; null when it is. */
  readonly error: string | null;
  readonly suites: readonly {
    readonly name: string | null;
    readonly tests: string | null;
    readonly failures: string | null;
    readonly skipped: string | null;
  }[];
  readonly testcases: readonly {
    readonly name: string | null;
    /** The message of its <failure> ('' when it has none), or null without a <failure>. */
    readonly failure: string | null;
    /** The message of its <skipped> ('' when it has none), or null without a <skipped>. */
    readonly skipped: string | null;
  }[];
  /** The messages of every <failure> in a testcase ('' for one without). */
  readonly failures: readonly string[];
}

export interface TestChromium {
  /** The browser, launched at the first call. */
  browser(): Promise<Browser>;
  /** A new page on `file` (its file:// URL), loaded. */
  openFile(file: string): Promise<OpenedFile>;
  /** `xml` parsed by DOMParser in a page of its own. */
  parseXml(xml: string): Promise<ParsedXml>;
}

/** Chromium for this test file (call it at file level): launched when first asked for, closed after the file's tests. */
export function useChromium(): TestChromium {
  let launched: Promise<Browser> | undefined;
  afterAll(async () => {
    await launched?.then(
      (browser) => browser.close(),
      () => {}, // the launch failed: the test that asked for it says why
    );
  });
  const browser = () => (launched ??= launch());
  return {
    browser,
    openFile: async (file) => openFile(await browser(), file),
    parseXml: async (xml) => parseXml(await browser(), xml),
  };
}

/** Checks that each chart `#chart-<id>` on the page is an SVG wider than 100 px that draws marks, not only axes. */
export async function expectChartsDrawn(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const box = await page.locator(`#chart-${id} > svg`).boundingBox();
    expect(box?.width, id).toBeGreaterThan(100);
    expect(
      await page.locator(`#chart-${id} svg .role-mark path, #chart-${id} svg .role-mark line`).count(),
      id,
    ).toBeGreaterThan(0);
  }
}

async function launch(): Promise<Browser> {
  const binary = await requireChromium();
  return chromium.launch({ executablePath: binary.path, args: [...CHROMIUM_ARGS] });
}

async function openFile(browser: Browser, file: string): Promise<OpenedFile> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}

async function parseXml(browser: Browser, xml: string): Promise<ParsedXml> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        suites: Array.from(doc.querySelectorAll('testsuite')).map((suite) => ({
          name: suite.getAttribute('name'),
          tests: suite.getAttribute('tests'),
          failures: suite.getAttribute('failures'),
          skipped: suite.getAttribute('skipped'),
        })),
        testcases: Array.from(doc.querySelectorAll('testcase')).map((testcase) => {
          const message = (selector: string) => {
            const element = testcase.querySelector(selector);
            return element === null ? null : (element.getAttribute('message') ?? '');
          };
          return { name: testcase.getAttribute('name'), failure: message('failure'), skipped: message('skipped') };
        }),
        failures: Array.from(doc.querySelectorAll('testcase failure')).map(
          (failure) => failure.getAttribute('message') ?? '',
        ),
      };
    }, xml);
  } finally {
    await page.close();
  }
}
