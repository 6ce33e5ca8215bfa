/**
 * What a scenario may ask for beside the k6 crowd: a few real people in Chromium during the
 * load, and queue-integrity probes after it (so their requests never mix with the crowd's).
 */
import { requireChromium, runBrowsers, type BrowserJourneyResult } from '../browser/index.ts';
import { runProbes } from '../probe/index.ts';
import type { RunPlan } from '../scenario/index.ts';
import { startShop, type ShopConfigInput } from '../../fixtures/shop/index.ts';

/** Fails early (exit 3) when the scenario wants browsers and there is no Chromium. */
export async function checkBrowsersAvailable(plan: RunPlan): Promise<void> {
  if (plan.browsers > 0) await requireChromium();
}

/**
 * Starts the browsers a second into the run, so they wait in the pre-queue among the early
 * arrivals and meet the opening burst as people do; resolves with their journeys. A browser
 * failure is a result (outcome `error`, trace kept), never a crash.
 */
export function startBrowsersBesideLoad(plan: RunPlan, targetUrl: string, runDir: string, signal?: AbortSignal): Promise<BrowserJourneyResult[]> | null {
  if (plan.browsers <= 0) return null;
  return (async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, plan.opensAtMs)));
    if (signal?.aborted) return [];
    return runBrowsers({ targetUrl, people: plan.browsers, runDir, maxQueueMs: Math.max(10_000, plan.saleClosesAtMs - 1000), startDelayMs: 250 });
  })();
}

/**
 * Runs the probes after the load: against a fresh embedded shop with the run's configuration
 * (the sale's stock is gone by then), or against the target itself.
 */
export async function runProbesAfterLoad(plan: RunPlan, targetUrl: string | null, allowRemote: boolean) {
  if (!plan.probes) return null;
  if (targetUrl !== null) return runProbes({ targetUrl, allowRemote, limits: { perPerson: plan.perPersonLimit, perAddress: plan.perAddressLimit } });
  const config: ShopConfigInput = { ...(plan.shop as ShopConfigInput), admissionRatePerMinute: 6000, maxActiveUsers: 1000, stock: 1000 };
  const shop = await startShop(config);
  try {
    return await runProbes({ targetUrl: shop.url, limits: { perPerson: plan.perPersonLimit, perAddress: plan.perAddressLimit } });
  } finally {
    await shop.close();
  }
}
