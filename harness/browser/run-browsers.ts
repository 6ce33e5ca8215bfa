/**
 * A few real people in real browsers beside the crowd, as an Artillery process of their own
 * (Artillery's Playwright engine forces a single worker on any test that uses it): writes the
 * browser test and its processor into the run folder, runs `artillery run browsers.yml` there
 * with Debian's Chromium, and reads the people's JSON lines back into journeys.
 * When the signal aborts, Artillery gets SIGINT (SIGKILL 5 s later); whatever happens, every
 * process started for the run (tagged in its environment, see tagged-processes.ts) is killed
 * before this resolves, so no Chromium is left behind.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireArtillery, startArtillery } from '../engine/index.ts';
import { failedJourney, type BrowserJourneyResult } from './browser-journey.ts';
import {
  BROWSER_LOG_FILE,
  BROWSER_PROCESSOR_FILE,
  BROWSER_RESULTS_FILE,
  BROWSER_TEST_FILE,
  compileBrowserTest,
  planBrowserArrivals,
} from './compile-browser-test.ts';
import { requireChromium } from './locate-chromium.ts';
import { readBrowserResults } from './read-browser-results.ts';
import { BROWSER_RUN_TAG_ENV, stopTaggedProcesses } from './tagged-processes.ts';

const PROCESSOR_SOURCE = fileURLToPath(new URL('./runtime/browser-person.mjs', import.meta.url));
const STOP_GRACE_MS = 5_000;

export interface RunBrowsersOptions {
  readonly targetUrl: string;
  readonly people: number;
  readonly runDir: string;
  /** Longest wait in the queue before a person counts as stuck, ms. */
  readonly maxQueueMs: number;
  /** When the first person arrives, ms after Artillery starts (default: as soon as Chromium is up). */
  readonly firstArrivalMs?: number;
  /** Time between two arrivals, ms (default 250). */
  readonly arrivalSpacingMs?: number;
  /** Longest wait for any other step, ms (default 30 s). */
  readonly stepTimeoutMs?: number;
  readonly personPrefix?: string;
  /** Stops the browsers; the journeys then hold what was recorded until then. */
  readonly signal?: AbortSignal;
  /** Artillery is stopped after this long (default: last arrival + queue + 2 min). */
  readonly timeoutMs?: number;
}

function logTail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '';
  }
}

/** Resolves with one journey per person who started (none when stopped before anyone arrived). */
export async function runBrowsers(options: RunBrowsersOptions): Promise<BrowserJourneyResult[]> {
  const chromium = await requireChromium();
  const artilleryInstall = await requireArtillery();
  const compileOptions = {
    targetUrl: options.targetUrl,
    people: options.people,
    chromiumPath: chromium.path,
    firstArrivalMs: options.firstArrivalMs ?? 0,
    arrivalSpacingMs: options.arrivalSpacingMs ?? 250,
    maxQueueMs: options.maxQueueMs,
    stepTimeoutMs: options.stepTimeoutMs ?? 30_000,
    personPrefix: options.personPrefix ?? 'browser',
  };
  const { runDir } = options;
  writeFileSync(join(runDir, BROWSER_TEST_FILE), compileBrowserTest(compileOptions));
  copyFileSync(PROCESSOR_SOURCE, join(runDir, BROWSER_PROCESSOR_FILE));
  const resultsPath = join(runDir, BROWSER_RESULTS_FILE);
  rmSync(resultsPath, { force: true });
  if (options.signal?.aborted) return [];

  const arrivals = planBrowserArrivals(compileOptions);
  const timeoutMs = options.timeoutMs ?? arrivals.firstArrivalMs + arrivals.windowMs + options.maxQueueMs + 120_000;
  const tag = `${process.pid}-${randomUUID()}`;
  const logPath = join(runDir, BROWSER_LOG_FILE);
  // Playwright and Chromium leave profiles and artifacts in the temp folder when stopped: give
  // them one of their own (short, for Chromium's socket paths) and remove it afterwards
  const scratch = mkdtempSync(join(tmpdir(), 'saleready-browsers-'));
  const log = openSync(logPath, 'w');
  let stopReason: string | null = null;
  let exit: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
  try {
    // Its own process group: Ctrl-C reaches saleready only, which stops Artillery itself.
    const artillery = startArtillery({
      artillery: artilleryInstall,
      args: ['run', BROWSER_TEST_FILE],
      cwd: runDir,
      env: { ...process.env, [BROWSER_RUN_TAG_ENV]: tag, TMPDIR: scratch },
      output: log,
      stopGraceMs: STOP_GRACE_MS,
      signal: options.signal,
      abortReason: 'The run was stopped before this person finished.',
      timeoutMs,
      timeoutReason: `The browsers were stopped after ${Math.round(timeoutMs / 1000)} s, before this person finished.`,
      killOnExit: true,
      spawnErrorCode: 'browser.artillery-spawn-failed',
    });
    try {
      exit = await artillery.exited;
    } finally {
      stopReason = artillery.stopReason;
    }
  } finally {
    closeSync(log);
    await stopTaggedProcesses(tag);
    rmSync(scratch, { recursive: true, force: true });
  }

  const ended = `Artillery ended (${exit.signal ?? `exit ${exit.code}`}) before this person finished: ${logTail(logPath, 3)}`;
  const { journeys } = readBrowserResults(resultsPath, stopReason ?? ended);
  if (journeys.length > 0 || stopReason !== null) return [...journeys];
  // Nobody even started: Artillery or Chromium failed. Each person is a failed journey, so the report says why.
  const failed = `The browser test did not run (Artillery ${exit.signal ?? `exit ${exit.code}`}): ${logTail(logPath, 3)}`;
  return Array.from({ length: options.people }, (_, index) =>
    failedJourney(`${compileOptions.personPrefix}-${index + 1}`, failed),
  );
}
