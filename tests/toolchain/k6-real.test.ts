// k6 for real: the k6 binary saleready found drives the real reference shop, and both sides
// count the same requests.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireK6 } from '../../harness/k6/locate-k6.ts';
import { startShop, type RunningShop } from '../../fixtures/shop/index.ts';

const execFileAsync = promisify(execFile);

describe('k6 against the reference shop', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ stock: 100_000, perPersonLimit: 1000 });
  });
  afterAll(async () => {
    await shop.close();
  });

  it('finds a k6 that reports a version', async () => {
    const k6 = await requireK6();
    expect(k6.version).toMatch(/^v\d+\.\d+\.\d+/);
  });

  it("counts exactly the requests the shop saw in a 3-second run", async () => {
    const k6 = await requireK6();
    const dir = mkdtempSync(join(tmpdir(), 'saleready-k6-'));
    const script = join(dir, 'smoke.js');
    writeFileSync(
      script,
      `import http from 'k6/http';
export const options = { vus: 5, duration: '3s' };
export default function () {
  http.get(__ENV.TARGET + '/healthz');
  http.post(__ENV.TARGET + '/api/login', JSON.stringify({ userId: 'u-' + __VU + '-' + __ITER }), { headers: { 'Content-Type': 'application/json' } });
}
`,
    );
    const summaryPath = join(dir, 'summary.json');
    await execFileAsync(k6.path, ['run', '--quiet', '--no-color', '--summary-export', summaryPath, '-e', `TARGET=${shop.url}`, script], {
      timeout: 60_000,
    });
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { metrics: Record<string, Record<string, number>> };
    const k6Requests = summary.metrics.http_reqs?.count;
    const stats = shop.stats();
    expect(k6Requests).toBeGreaterThan(100);
    expect(stats.requestsTotal).toBe(k6Requests);
    expect(stats.logins).toBe(k6Requests! / 2);
  });
});
