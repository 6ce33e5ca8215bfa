/**
 * Runs an Artillery test as a child process in its own process group (so a terminal's
 * Ctrl-C reaches saleready only, and saleready sends Artillery exactly one signal), with
 * telemetry off, the report to `--output`, and live progress read every ~2 s from the person
 * engine's own records (not Artillery's 10-s periods). Artillery writes no report when it is
 * stopped; the records are written as they happen, so an interrupted run keeps what was
 * measured up to its last flush (0.5 s).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EnvironmentError, InterruptedError } from '../errors.ts';
import { followRecords, type EngineIngest, type EngineIngestOptions } from '../results/index.ts';
import type { ArtilleryInstall } from './locate-artillery.ts';
import { startArtillery } from './start-artillery.ts';

export interface RunArtilleryOptions {
  readonly artillery: ArtilleryInstall;
  readonly testPath: string;
  /** Artillery runs in this folder. */
  readonly cwd: string;
  readonly targetUrl: string;
  /** Where the engine writes its records (as the test says). */
  readonly recordsDir: string;
  /** Artillery's own report (`--output`), when wanted. */
  readonly reportPath?: string;
  /** Artillery's console output is kept here. */
  readonly logPath?: string;
  readonly ingestOptions?: EngineIngestOptions;
  readonly onProgress?: (ingest: EngineIngest, elapsedMs: number) => void;
  readonly progressIntervalMs?: number;
  readonly signal?: AbortSignal;
  /** Stop the run (as interrupted) after this long, ms. */
  readonly timeoutMs?: number;
  /** After SIGINT, wait this long before SIGKILL (default 5 s). */
  readonly stopGraceMs?: number;
}

export interface ArtilleryRunResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Stopped before its end: by the user, by a time limit, or Artillery killed from outside. */
  readonly interrupted: boolean;
  /** What stopped it, in words; null for a run that ended by itself. */
  readonly interruption: string | null;
  /** Artillery's ensure checks failed (exit 1); saleready judges the targets itself. */
  readonly ensureFailed: boolean;
  readonly ingest: EngineIngest;
  readonly reportPath: string | null;
  readonly durationMs: number;
  readonly outputTail: string;
}

/** Artillery's exit codes (ENGINE.md). */
export const ARTILLERY_EXIT = { ok: 0, ensureFailed: 1, engineFailed: 11, interrupted: 130, terminated: 143 } as const;

const TAIL_CHARS = 8000;

export async function runArtillery(options: RunArtilleryOptions): Promise<ArtilleryRunResult> {
  if (options.signal?.aborted) {
    throw new InterruptedError(
      'engine.interrupted-before-start',
      'interrupted (Ctrl-C) before Artillery started: nothing was measured',
      ['the run folder holds the compiled test, which Artillery can run alone'],
    );
  }
  const reportPath = options.reportPath ? resolve(options.reportPath) : null;
  const args = [
    'run',
    '--target',
    options.targetUrl,
    ...(reportPath ? ['--output', reportPath] : []),
    resolve(options.testPath),
  ];
  const started = Date.now();
  const log = options.logPath ? createWriteStream(options.logPath) : null;
  let outputTail = '';
  const follower = followRecords(options.recordsDir, options.ingestOptions);
  const artillery = startArtillery({
    artillery: options.artillery,
    args,
    cwd: options.cwd,
    output: 'pipe',
    onOutput: (chunk) => {
      log?.write(chunk);
      outputTail = (outputTail + chunk.toString()).slice(-TAIL_CHARS);
    },
    stopGraceMs: options.stopGraceMs ?? 5000,
    signal: options.signal,
    abortReason: 'The run was interrupted (Ctrl-C) before its end',
    timeoutMs: options.timeoutMs,
    timeoutReason:
      options.timeoutMs === undefined
        ? undefined
        : `The run was stopped after ${Math.round(options.timeoutMs / 1000)} s, its time limit`,
    spawnErrorCode: 'engine.spawn-failed',
  });
  const poll = setInterval(() => {
    void follower.read().then(
      () => options.onProgress?.(follower.ingest, Date.now() - started),
      () => {},
    );
  }, options.progressIntervalMs ?? 2000);
  const { code, signal } = await artillery.exited.finally(() => {
    clearInterval(poll);
    log?.end();
  });
  await follower.read();

  let interruption = artillery.stopReason;
  const killedFromOutside =
    interruption === null &&
    (signal !== null || code === ARTILLERY_EXIT.interrupted || code === ARTILLERY_EXIT.terminated);
  if (killedFromOutside)
    interruption = `Artillery was stopped from outside (${signal ?? `exit ${code}`}) before the run's end`;
  const crashed = interruption === null && code !== ARTILLERY_EXIT.ok && code !== ARTILLERY_EXIT.ensureFailed;
  if (crashed) {
    if (follower.ingest.files === 0) {
      throw new EnvironmentError(
        'engine.failed',
        `Artillery ended with exit ${code} before the person engine recorded anything:\n${outputTail.trim().split('\n').slice(-12).join('\n')}`,
        ['Run `npx saleready doctor` to check Node and Artillery.'],
      );
    }
    interruption = `Artillery ended with exit ${code} before the run's end (a worker crashed?)`;
  }
  return {
    exitCode: code,
    signal,
    interrupted: interruption !== null,
    interruption,
    ensureFailed: code === ARTILLERY_EXIT.ensureFailed,
    ingest: follower.ingest,
    reportPath: reportPath && existsSync(reportPath) ? reportPath : null,
    durationMs: Date.now() - started,
    outputTail,
  };
}
