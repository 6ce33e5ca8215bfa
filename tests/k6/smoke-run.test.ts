import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startShop } from '../../fixtures/shop/index.ts';
import { compileScenario, requireK6, runK6, writeCompiledScenario } from '../../harness/k6/index.ts';
import { loadScenario, planRun } from '../../harness/scenario/index.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('scenarios/smoke.ts', () => {
  it('meets every target on the embedded shop within a minute', async () => {
    const k6 = await requireK6();
    const scenario = await loadScenario('scenarios/smoke.ts');
    const shop = await startShop(planRun(scenario).shop);
    try {
      const plan = planRun(scenario, { targetUrl: shop.url });
      const dir = mkdtempSync(join(tmpdir(), 'saleready-smoke-'));
      dirs.push(dir);
      const { scriptPath } = writeCompiledScenario(compileScenario(plan), dir);
      const result = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'k6-raw.json.gz') });
      expect(result.durationMs).toBeLessThan(60_000);
      // every target is a k6 threshold here (no shares), so exit 0 means all were met
      expect(result.exitCode, result.stdoutTail).toBe(0);
      const summary = JSON.parse(readFileSync(result.summaryPath, 'utf8')) as { metrics: Record<string, { values: { count?: number } }> };
      const stats = await shop.stats();
      expect(stats.ordersTotal).toBe(summary.metrics['sr_outcome{outcome:bought}']?.values.count);
      expect(stats.unitsSold).toBeLessThanOrEqual(plan.stock);
    } finally {
      await shop.close();
    }
  });
});
