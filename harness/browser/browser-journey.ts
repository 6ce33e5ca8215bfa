/**
 * One real person in a real browser: Debian's Chromium driven by playwright-core through the
 * shop's pages (login → queue → product → checkout → result), recording what a person feels
 * — how long until the queue page shows, whether it moves on by itself when admitted, the
 * time to admission, what the page says when the session expired, the time to the order
 * confirmation — with a screenshot at each step and a Playwright trace when it fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export type BrowserOutcome = 'bought' | 'sold_out' | 'limit_reached' | 'session_expired' | 'lost_place' | 'stuck_in_queue' | 'error';

export interface BrowserStepShot {
  readonly step: string;
  /** Path relative to the run folder. */
  readonly file: string;
  /** ms since the person started. */
  readonly atMs: number;
}

export interface BrowserJourneyResult {
  readonly person: string;
  readonly outcome: BrowserOutcome;
  /** ms from the start until the queue page showed a position (null if it never did). */
  readonly queueShownMs: number | null;
  /** ms from the queue page until the product page (admission), null if never admitted. */
  readonly admissionMs: number | null;
  /** Did the queue page move on to the product page without any click? */
  readonly movedOnByItself: boolean;
  /** ms from the start to the order confirmation. */
  readonly confirmationMs: number | null;
  /** What the page said when something went wrong (session expired, sold out, …). */
  readonly message: string | null;
  readonly screenshots: readonly BrowserStepShot[];
  /** Trace zip relative to the run folder, kept only when the journey failed. */
  readonly trace: string | null;
}

export interface BrowserJourneyOptions {
  readonly browser: Browser;
  readonly targetUrl: string;
  readonly person: string;
  readonly address: string;
  readonly runDir: string;
  /** Longest time to wait in the queue before giving up, ms (run time). */
  readonly maxQueueMs: number;
  readonly signal?: AbortSignal;
}

const testId = (id: string): string => `[data-testid="${id}"]`;

async function textOf(page: Page, id: string): Promise<string | null> {
  const element = page.locator(testId(id)).first();
  return (await element.count()) > 0 && (await element.isVisible()) ? (await element.innerText()).trim() : null;
}

/** Runs one person's journey; never throws for what the shop answered (that is the result). */
export async function runBrowserJourney(options: BrowserJourneyOptions): Promise<BrowserJourneyResult> {
  const { browser, targetUrl, person, runDir } = options;
  const folder = join('browser', person);
  mkdirSync(join(runDir, folder), { recursive: true });
  // X-Actor lets the shop count these people apart from the k6 crowd.
  const context = await browser.newContext({ viewport: { width: 900, height: 640 }, locale: 'ko-KR', extraHTTPHeaders: { 'X-Actor': 'browser' } });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  const started = Date.now();
  const screenshots: BrowserStepShot[] = [];
  const shoot = async (step: string): Promise<void> => {
    const file = join(folder, `${String(screenshots.length + 1).padStart(2, '0')}-${step}.jpg`);
    await page.screenshot({ path: join(runDir, file), type: 'jpeg', quality: 70 });
    screenshots.push({ step, file, atMs: Date.now() - started });
  };
  let queueShownMs: number | null = null;
  let admissionMs: number | null = null;
  let confirmationMs: number | null = null;
  let movedOnByItself = false;
  let outcome: BrowserOutcome = 'error';
  let message: string | null = null;
  try {
    await page.goto(`${targetUrl}/login`);
    await page.locator(testId('login-user')).fill(person);
    await shoot('login');
    await page.locator(testId('login-submit')).click();
    await page.locator(testId('queue-position')).or(page.locator(testId('queue-state'))).first().waitFor({ timeout: 30_000 });
    queueShownMs = Date.now() - started;
    await shoot('queue');
    // From here on nobody clicks: the queue page must move on by itself when admitted.
    const admittedOrStuck = await Promise.race([
      page.waitForURL(/\/product/, { timeout: options.maxQueueMs }).then(() => 'admitted' as const),
      page.locator(testId('session-expired')).waitFor({ timeout: options.maxQueueMs }).then(() => 'session_expired' as const),
      page.locator(testId('queue-expired')).waitFor({ timeout: options.maxQueueMs }).then(() => 'lost_place' as const),
    ]).catch(() => 'stuck_in_queue' as const);
    if (admittedOrStuck !== 'admitted') {
      outcome = admittedOrStuck;
      message = (await textOf(page, 'session-expired')) ?? (await textOf(page, 'queue-expired')) ?? (await textOf(page, 'queue-state'));
      await shoot(admittedOrStuck);
      return await finish();
    }
    movedOnByItself = true;
    admissionMs = Date.now() - started - queueShownMs;
    await page.locator(testId('buy-submit')).waitFor({ timeout: 30_000 });
    await shoot('product');
    const address = page.locator(testId('buy-address'));
    if ((await address.count()) > 0) await address.fill(options.address);
    await page.locator(testId('buy-submit')).click();
    await page.locator(testId('order-confirmation')).or(page.locator(testId('order-error'))).first().waitFor({ timeout: 30_000 });
    const error = await textOf(page, 'order-error');
    if (error) {
      message = error;
      outcome = /sold|품절/i.test(error) ? 'sold_out' : /limit|한도/i.test(error) ? 'limit_reached' : 'error';
    } else {
      outcome = 'bought';
      confirmationMs = Date.now() - started;
    }
    await shoot('result');
    return await finish();
  } catch (failure) {
    message = failure instanceof Error ? failure.message.split('\n')[0] ?? 'browser step failed' : String(failure);
    outcome = 'error';
    await shoot('failure').catch(() => {});
    return await finish();
  }

  async function finish(): Promise<BrowserJourneyResult> {
    const failed = outcome !== 'bought' && outcome !== 'sold_out' && outcome !== 'limit_reached';
    const trace = failed ? join(folder, 'trace.zip') : null;
    await context.tracing.stop(trace ? { path: join(runDir, trace) } : {}).catch(() => {});
    await context.close().catch(() => {});
    return { person, outcome, queueShownMs, admissionMs, movedOnByItself, confirmationMs, message, screenshots, trace };
  }
}
