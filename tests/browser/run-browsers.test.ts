// Real people in Debian's Chromium, run by Artillery's Playwright engine as a process of their
// own, against the real reference shop: through the run's entry point (startBrowsersBesideLoad),
// rerun by hand from the run folder with Artillery alone, and stopped midway.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import {
  BROWSER_PROCESSOR_FILE,
  BROWSER_RESULTS_FILE,
  BROWSER_RUN_TAG_ENV,
  BROWSER_TEST_FILE,
  findTaggedProcesses,
  readBrowserResults,
  runBrowsers,
} from '../../harness/browser/index.ts';
import { startBrowsersBesideLoad } from '../../harness/cli/run-extras.ts';
import { loadScenario, planRun } from '../../harness/scenario/index.ts';
import { GENEROUS_TARGETS, writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const execFileAsync = promisify(execFile);
const work = useTempDir('browsers');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const STEPS = ['open_login', 'log_in', 'wait_in_queue', 'product_page', 'buy'];

let shop: RunningShop;
beforeAll(async () => {
  // Two units for three people: two buy, the last to check out sees "sold out".
  shop = await startShop({ admissionRatePerMinute: 600, maxActiveUsers: 50, stock: 2 });
});
afterAll(async () => {
  await shop?.close();
});

function expectPng(path: string): void {
  expect(existsSync(path), path).toBe(true);
  expect(readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE), `${path} is a PNG`).toBe(true);
}

/** Whether a process is still running (a zombie has finished). */
function alive(pid: number): boolean {
  try {
    return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
}

/** The tag of the browser Artillery process working in `dir`, once it runs (bounded wait). */
async function browserRunTag(dir: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (readlinkSync(`/proc/${entry}/cwd`) !== dir) continue;
        const tag = readFileSync(`/proc/${entry}/environ`, 'latin1')
          .split('\0')
          .find((variable) => variable.startsWith(`${BROWSER_RUN_TAG_ENV}=`));
        if (tag) return tag.slice(BROWSER_RUN_TAG_ENV.length + 1);
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no browser Artillery process in ${dir} within ${timeoutMs} ms`);
}

async function waitForLines(path: string, kind: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const seen = (): number =>
    existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => line.includes(`"kind":"${kind}"`)).length
      : 0;
  while (seen() < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(seen(), `${kind} lines in ${path}`).toBeGreaterThanOrEqual(count);
}

describe('real people in Chromium beside the crowd (Artillery Playwright engine)', () => {
  it('arrive at the opening, wait in the queue, buy the two units or see "sold out", with PNG screenshots and timed steps', async () => {
    shop.reset();
    const runDir = freshDirIn(work, 'run');
    const scenario = await loadScenario(
      writeTinyScenario(work, 'browsers', { people: 20, stock: 20, targets: GENEROUS_TARGETS }),
    );
    const plan = { ...planRun(scenario), browsers: 3 };
    const startedAt = Date.now();
    const journeys = await startBrowsersBesideLoad(plan, shop.url, runDir);

    expect(journeys).toHaveLength(3);
    expect(journeys!.map((journey) => journey.person)).toEqual(['browser-1', 'browser-2', 'browser-3']);
    expect(journeys!.map((journey) => journey.outcome).sort()).toEqual(['bought', 'bought', 'sold_out']);
    for (const journey of journeys!) {
      expect(journey.screenshots.map((shot) => shot.step)).toEqual(['login', 'queue', 'product', 'result']);
      for (const shot of journey.screenshots) expectPng(join(runDir, shot.file));
      expect(journey.movedOnByItself).toBe(true);
      expect(journey.queueShownMs).toBeGreaterThan(0);
      expect(journey.admissionMs).toBeGreaterThan(0);
      expect(journey.trace).toBeNull();
      if (journey.outcome === 'bought') expect(journey.confirmationMs).toBeGreaterThan(journey.queueShownMs!);
      else expect(journey.message).toMatch(/sold out/i);
    }
    // Every person timed every step; each took a positive number of milliseconds.
    const { steps } = readBrowserResults(join(runDir, BROWSER_RESULTS_FILE), '');
    for (const person of ['browser-1', 'browser-2', 'browser-3']) {
      const own = steps.filter((step) => step.person === person);
      expect(own.map((step) => step.step)).toEqual(STEPS);
      for (const step of own) expect(step.ms).toBeGreaterThan(0);
    }
    // They arrived at the opening (3 s of run time after Artillery started), not before it.
    const arrivals = readFileSync(join(runDir, BROWSER_RESULTS_FILE), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"kind":"start"'))
      .map((line) => Date.parse((JSON.parse(line) as { startedAt: string }).startedAt) - startedAt);
    expect(arrivals[0]).toBeGreaterThanOrEqual(plan.opensAtMs);
    // The shop counted them apart from the crowd.
    expect(shop.stats().byActor.browser?.orders).toBe(2);
    // The test and its processor stay in the run folder for a rerun.
    expect(readFileSync(join(runDir, BROWSER_TEST_FILE), 'utf8')).toContain('engine: playwright');
    expect(existsSync(join(runDir, BROWSER_PROCESSOR_FILE))).toBe(true);
  }, 60_000);

  it('reruns from the run folder with Artillery alone', async () => {
    shop.reset();
    const runDir = freshDirIn(work, 'rerun');
    // Written by a run that is stopped before anyone arrives: the files stay.
    const stopped = new AbortController();
    stopped.abort();
    await runBrowsers({
      targetUrl: 'http://127.0.0.1:9',
      people: 2,
      runDir,
      maxQueueMs: 10_000,
      signal: stopped.signal,
    });
    expect(existsSync(join(runDir, BROWSER_RESULTS_FILE))).toBe(false);

    const artillery = join(import.meta.dirname, '..', '..', 'node_modules', 'artillery', 'bin', 'run');
    const { stdout } = await execFileAsync(
      process.execPath,
      [artillery, 'run', '--target', shop.url, BROWSER_TEST_FILE],
      {
        cwd: runDir,
        // Chromium's profile and Playwright's artifacts in the test's folder, not the system's
        env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: '1', TMPDIR: freshDirIn(work, 'tmp') },
        timeout: 50_000,
      },
    );
    expect(stdout).toMatch(/saleready\.browser\.bought: \.+ 2/);
    expect(stdout).toMatch(/browser\.step\.wait_in_queue/);
    const { journeys } = readBrowserResults(join(runDir, BROWSER_RESULTS_FILE), 'unfinished');
    expect(journeys.map((journey) => [journey.person, journey.outcome])).toEqual([
      ['browser-1', 'bought'],
      ['browser-2', 'bought'],
    ]);
    for (const journey of journeys) expectPng(join(runDir, journey.screenshots.at(-1)!.file));
  }, 60_000);

  it('stops at once when the run is stopped, keeps who was waiting, and leaves no Chromium behind', async () => {
    // One active person at a time, and someone admitted already: the browsers wait until the run stops.
    shop.reset({ maxActiveUsers: 1 });
    const login = (await (
      await fetch(`${shop.url}/api/login`, { method: 'POST', body: JSON.stringify({ userId: 'ahead' }) })
    ).json()) as { sessionId: string };
    await fetch(`${shop.url}/api/queue/join`, { method: 'POST', headers: { 'X-Session': login.sessionId } });
    await expect.poll(() => shop.stats().activeUsers, { timeout: 5_000 }).toBe(1);
    const runDir = freshDirIn(work, 'stopped');
    const stop = new AbortController();
    const running = runBrowsers({ targetUrl: shop.url, people: 2, runDir, maxQueueMs: 50_000, signal: stop.signal });
    const tag = await browserRunTag(runDir, 20_000);
    await waitForLines(join(runDir, BROWSER_RESULTS_FILE), 'shot', 4, 30_000); // both people on the queue page
    const processes = findTaggedProcesses(tag);
    const chromium = processes.filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('chromium');
      } catch {
        return false;
      }
    });
    expect(chromium.length).toBeGreaterThan(2); // the browser, its zygotes, renderers…

    const stoppedAt = Date.now();
    stop.abort();
    const journeys = await running;
    expect(Date.now() - stoppedAt).toBeLessThan(8_000);
    expect(journeys.map((journey) => [journey.person, journey.outcome])).toEqual([
      ['browser-1', 'error'],
      ['browser-2', 'error'],
    ]);
    for (const journey of journeys) {
      expect(journey.message).toMatch(/stopped before this person finished/);
      expect(journey.screenshots.map((shot) => shot.step)).toEqual(['login', 'queue']);
    }
    expect(processes.filter(alive)).toEqual([]);
    expect(findTaggedProcesses(tag)).toEqual([]);
  }, 60_000);
});
