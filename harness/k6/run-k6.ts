/**
 * Runs k6 on a compiled script: raw samples to `--out json=<file>.gz`, the summary through
 * the script's handleSummary (SALEREADY_SUMMARY), live progress from k6's REST API on a
 * free loopback port every ~2 s. An abort signal becomes SIGINT, so k6 stops the VUs and
 * still writes its summary and raw output (a second SIGINT after a grace period forces it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { EnvironmentError } from '../errors.ts';
import { SUMMARY_PATH_ENV } from './compile-scenario.ts';
import { K6_EXIT, errorForK6Exit } from './k6-exit-codes.ts';
import { fetchK6Progress, type K6Progress } from './k6-progress.ts';

export interface RunK6Options {
  /** The k6 binary: a path, or `requireK6()`'s result. */
  readonly k6: string | { readonly path: string };
  readonly scriptPath: string;
  /** k6 runs in this folder; the summary lands here. */
  readonly runDir: string;
  /** Raw samples, gzip-compressed JSON lines; should end in `.json.gz`. */
  readonly rawOutputPath: string;
  /** Passed to the script with `-e` (e.g. SALEREADY_TARGET_URL). */
  readonly env?: Readonly<Record<string, string>>;
  readonly onProgress?: (progress: K6Progress) => void;
  readonly signal?: AbortSignal;
  /** Default `<runDir>/summary-k6.json`. */
  readonly summaryPath?: string;
  /** Default 2000 ms. */
  readonly progressIntervalMs?: number;
  /** After SIGINT, wait this long before a second SIGINT and then SIGKILL (default 20 s). */
  readonly stopGraceMs?: number;
}

export interface K6RunResult {
  /** k6's exit code (0, 99 thresholds crossed, 105 interrupted). */
  readonly exitCode: number;
  /** True when the run stopped early (abort signal or an external SIGINT). */
  readonly interrupted: boolean;
  /** k6's own thresholds were crossed (saleready judges targets itself). */
  readonly thresholdsFailed: boolean;
  readonly summaryPath: string;
  readonly rawOutputPath: string;
  readonly stdoutTail: string;
  readonly stderrTail: string;
  readonly durationMs: number;
  /** The last progress read from k6's REST API, if any. */
  readonly lastProgress: K6Progress | null;
}

const TAIL_CHARS = 8000;

/** A free TCP port on 127.0.0.1 (asks the OS for port 0, then releases it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function appendTail(tail: string, chunk: Buffer): string {
  const next = tail + chunk.toString();
  return next.length > TAIL_CHARS ? next.slice(-TAIL_CHARS) : next;
}

/** Runs k6 to its end (or until aborted) and interprets its exit code. */
export async function runK6(options: RunK6Options): Promise<K6RunResult> {
  const k6Path = typeof options.k6 === 'string' ? options.k6 : options.k6.path;
  const runDir = resolve(options.runDir);
  const rawOutputPath = resolve(options.rawOutputPath);
  const summaryPath = resolve(options.summaryPath ?? join(runDir, 'summary-k6.json'));
  mkdirSync(runDir, { recursive: true });
  mkdirSync(dirname(rawOutputPath), { recursive: true });
  const address = `127.0.0.1:${await findFreePort()}`;
  const env = { ...options.env, [SUMMARY_PATH_ENV]: summaryPath };
  const args = [
    'run', '--quiet', '--no-usage-report', '--address', address,
    '--out', `json=${rawOutputPath}`,
    ...Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]),
    resolve(options.scriptPath),
  ];
  if (options.signal?.aborted) {
    throw new EnvironmentError('K6_NOT_STARTED', 'The run was cancelled before k6 started.');
  }
  const started = Date.now();
  const child = spawn(k6Path, args, { cwd: runDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, K6_NO_COLOR: 'true' } });
  let stdoutTail = '';
  let stderrTail = '';
  let lastProgress: K6Progress | null = null;
  let aborted = false;
  child.stdout.on('data', (chunk: Buffer) => (stdoutTail = appendTail(stdoutTail, chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderrTail = appendTail(stderrTail, chunk)));

  const timers: NodeJS.Timeout[] = [];
  const onAbort = (): void => {
    aborted = true;
    child.kill('SIGINT');
    const grace = options.stopGraceMs ?? 20_000;
    timers.push(setTimeout(() => child.kill('SIGINT'), grace).unref());
    timers.push(setTimeout(() => child.kill('SIGKILL'), grace * 2).unref());
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    void fetchK6Progress(address, Date.now() - started).then((progress) => {
      polling = false;
      if (!progress) return;
      lastProgress = progress;
      options.onProgress?.(progress);
    });
  }, options.progressIntervalMs ?? 2000);

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(new EnvironmentError('K6_SPAWN_FAILED', `k6 could not be started (${k6Path}): ${error.code ?? error.message}`, [
        'Run `npx saleready setup` or set K6_BIN to a k6 binary.',
      ]));
    });
    child.once('close', (exitCode, exitSignal) => resolveExit({ code: exitCode, signal: exitSignal }));
  }).finally(() => {
    clearInterval(poll);
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  });

  const exitCode = code ?? (signal === 'SIGINT' || aborted ? K6_EXIT.externalAbort : 1);
  const interrupted = aborted || exitCode === K6_EXIT.externalAbort;
  if (!interrupted) {
    const error = errorForK6Exit(exitCode, stderrTail);
    if (error) throw error;
  }
  return {
    exitCode,
    interrupted,
    thresholdsFailed: exitCode === K6_EXIT.thresholdsFailed,
    summaryPath,
    rawOutputPath,
    stdoutTail,
    stderrTail,
    durationMs: Date.now() - started,
    lastProgress,
  };
}
