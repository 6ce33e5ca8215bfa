/**
 * What a scenario may ask for beside the crowd: a few real people in Chromium during the
 * load (an Artillery process of their own), and queue-integrity probes after it (so their
 * requests never mix with the crowd's).
 */
import { failedJourney, requireChromium, runBrowsers, type BrowserJourneyResult } from '../browser/index.ts';
import { runProbes } from '../probe/index.ts';
import type { RunPlan } from '../scenario/index.ts';
import { startShop, type ShopConfigInput } from '../shop/index.ts';

/** Fails early (exit 3) when the scenario wants browsers and there is no Chromium. */
export async function checkBrowsersAvailable(plan: RunPlan): Promise<void> {
  if (plan.browsers > 0) await requireChromium();
}

/**
 * Starts the browser people at once as an Artillery process of their own beside the crowd's
 * (browsers.yml in the run folder); they arrive at the opening, one every 250 ms, and may wait
 * in the queue until the sale closes. Resolves with their journeys, never rejects: a browser
 * failure is a result (outcome `error`, trace kept, the reason in its message). When the signal
 * aborts, the browsers stop at once and keep what they recorded; no Chromium is left behind.
 */
export function startBrowsersBesideLoad(
  plan: RunPlan,
  targetUrl: string,
  runDir: string,
  signal?: AbortSignal,
): Promise<BrowserJourneyResult[]> | null {
  if (plan.browsers <= 0) return null;
  return runBrowsers({
    targetUrl,
    people: plan.browsers,
    runDir,
    firstArrivalMs: plan.opensAtMs,
    maxQueueMs: Math.max(10_000, plan.saleClosesAtMs - plan.opensAtMs),
    signal,
    // a browser test still running a minute past the run's planned end is stuck
    timeoutMs: plan.expectedDurationMs + 60_000,
  }).catch((error: unknown) => {
    const message = `The browsers could not run: ${error instanceof Error ? error.message : String(error)}`;
    return Array.from({ length: plan.browsers }, (_, index) => failedJourney(`browser-${index + 1}`, message));
  });
}

/**
 * Runs the probes after the load: against a fresh embedded shop with the run's configuration
 * (the sale's stock is gone by then), or against the target itself.
 */
export async function runProbesAfterLoad(plan: RunPlan, targetUrl: string | null, allowRemote: boolean) {
  if (!plan.probes) return null;
  if (targetUrl !== null)
    return runProbes({
      targetUrl,
      allowRemote,
      limits: { perPerson: plan.perPersonLimit, perAddress: plan.perAddressLimit },
    });
  const config: ShopConfigInput = {
    ...plan.shop,
    admissionRatePerMinute: 6000,
    maxActiveUsers: 1000,
    stock: 1000,
  };
  const shop = await startShop(config);
  try {
    return await runProbes({
      targetUrl: shop.url,
      limits: { perPerson: plan.perPersonLimit, perAddress: plan.perAddressLimit },
    });
  } finally {
    await shop.close();
  }
}
