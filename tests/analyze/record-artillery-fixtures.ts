/**
 * Records real Artillery reports for the analyze tests: starts the reference shop on
 * 127.0.0.1 (port 0), runs the plain Artillery tests of artillery-runs.ts against it with
 * Artillery's built-in http engine (telemetry off) and keeps each `--output` report as
 * fixtures/results/artillery-<name>.json, byte for byte as Artillery wrote it.
 *
 *   npx tsx tests/analyze/record-artillery-fixtures.ts
 *
 * - crowd: the visit plus a health-check scenario (404s), no plugin; 3% injected 500s and a
 *   3-second slowdown of the shop (× 150) during which requests time out (timeout 0.25 s);
 * - endpoints: the visit with the metrics-by-endpoint plugin, 2% injected 500s;
 * - endpoints-worse: the same test against a slower shop with 12% injected 500s (run B of a
 *   comparison with `endpoints`).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startShop, type ShopConfigInput } from '../../harness/shop/index.ts';
import { crowdScript, endpointsScript, runArtillery, type ArtilleryScript } from './artillery-runs.ts';
import { withTempDir } from '../helpers/temp-dir.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'results');

const recordings: { name: string; shop: ShopConfigInput; script: (url: string) => ArtilleryScript }[] = [
  {
    name: 'crowd',
    shop: {
      service: { s0Ms: 3 },
      faults: { errorRate: 0.03, slowdowns: [{ fromMs: 12_000, toMs: 15_000, factor: 150 }] },
    },
    script: (url) => crowdScript(url),
  },
  {
    name: 'endpoints',
    shop: { service: { s0Ms: 3 }, faults: { errorRate: 0.02 } },
    script: (url) => endpointsScript(url),
  },
  {
    name: 'endpoints-worse',
    shop: { service: { s0Ms: 8 }, faults: { errorRate: 0.12 } },
    script: (url) => endpointsScript(url),
  },
];

await withTempDir('record-artillery', async (work) => {
  for (const recording of recordings) {
    const shop = await startShop(recording.shop);
    try {
      const output = join(work, `${recording.name}.json`);
      await runArtillery(recording.script(shop.url), output);
      copyFileSync(output, join(fixtures, `artillery-${recording.name}.json`));
      const stats = shop.stats();
      console.log(`artillery-${recording.name}.json: shop answered ${stats.requestsTotal} requests`);
    } finally {
      await shop.close();
    }
  }
});
