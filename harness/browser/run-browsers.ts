/**
 * A few real people in real browsers beside the k6 load: one Chromium, one context per
 * person (separate cookies), all journeys at once.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './locate-chromium.ts';
import { runBrowserJourney, type BrowserJourneyResult } from './browser-journey.ts';

export interface RunBrowsersOptions {
  readonly targetUrl: string;
  readonly people: number;
  readonly runDir: string;
  readonly maxQueueMs: number;
  /** Delay before each person starts, ms, so browsers arrive with the crowd. */
  readonly startDelayMs?: number;
  readonly personPrefix?: string;
}

export async function runBrowsers(options: RunBrowsersOptions): Promise<BrowserJourneyResult[]> {
  const binary = await requireChromium();
  const browser = await chromium.launch({ executablePath: binary.path, args: [...CHROMIUM_ARGS], headless: true });
  try {
    const prefix = options.personPrefix ?? 'browser';
    const journeys = Array.from({ length: options.people }, async (_, index) => {
      const delay = (options.startDelayMs ?? 0) * index;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return runBrowserJourney({
        browser,
        targetUrl: options.targetUrl,
        person: `${prefix}-${index + 1}`,
        address: `Browser-street ${index + 1}, Seoul`,
        runDir: options.runDir,
        maxQueueMs: options.maxQueueMs,
      });
    });
    return await Promise.all(journeys);
  } finally {
    await browser.close();
  }
}
