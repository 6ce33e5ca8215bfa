/**
 * Starts Artillery as a child process in its own process group, the one way saleready does it
 * (a run, a capacity step, the browsers, a cloud run): telemetry off, a terminal's Ctrl-C
 * reaches saleready only, and saleready sends the group exactly one SIGINT when it stops the
 * run — by the caller's signal, a time limit or `stop()` — then SIGKILL after a grace time
 * (none for a cloud run, whose Artillery must be left to release its fleet).
 */
import { spawn } from 'node:child_process';
import { EnvironmentError } from '../errors.ts';
import { artilleryEnv, type ArtilleryInstall } from './locate-artillery.ts';

export interface StartArtilleryOptions {
  readonly artillery: ArtilleryInstall;
  /** Arguments after Artillery's bin, e.g. `['run', 'test.yml']`. */
  readonly args: readonly string[];
  readonly cwd?: string;
  /** The environment besides telemetry off (default: saleready's own). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Where Artillery's stdout and stderr go: an open file (it keeps writing there even if
   * saleready is killed), or `pipe`, handing every chunk to `onOutput`.
   */
  readonly output: number | 'pipe';
  readonly onOutput?: (chunk: Buffer) => void;
  /** After the SIGINT, SIGKILL the group this much later, ms; null: never. */
  readonly stopGraceMs: number | null;
  /** Stops the run when it aborts, with `abortReason`. */
  readonly signal?: AbortSignal;
  readonly abortReason?: string;
  /** Stops the run after this long, ms, with `timeoutReason`. */
  readonly timeoutMs?: number;
  readonly timeoutReason?: string;
  /** SIGKILL the group if saleready itself exits first. */
  readonly killOnExit?: boolean;
  /** Error code when Artillery cannot be started, e.g. `engine.spawn-failed`. */
  readonly spawnErrorCode: string;
}

export interface ArtilleryExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ArtilleryProcess {
  /** Asks Artillery to stop (once; later calls keep the first reason). */
  stop(reason: string): void;
  /** Why it was stopped, or null while nobody stopped it. */
  readonly stopReason: string | null;
  /** Settles when Artillery has exited (rejects only when it could not be started). */
  readonly exited: Promise<ArtilleryExit>;
}

export function startArtillery(options: StartArtilleryOptions): ArtilleryProcess {
  const child = spawn(process.execPath, [options.artillery.binPath, ...options.args], {
    cwd: options.cwd,
    env: artilleryEnv(options.env ?? process.env),
    stdio: ['ignore', options.output, options.output],
    detached: true,
  });
  if (options.output === 'pipe') {
    child.stdout?.on('data', (chunk: Buffer) => options.onOutput?.(chunk));
    child.stderr?.on('data', (chunk: Buffer) => options.onOutput?.(chunk));
  }
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  let stopReason: string | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (reason: string): void => {
    if (stopReason !== null || child.exitCode !== null || child.signalCode !== null) return;
    stopReason = reason;
    signalGroup('SIGINT');
    if (options.stopGraceMs !== null) killTimer = setTimeout(() => signalGroup('SIGKILL'), options.stopGraceMs).unref();
  };
  const onAbort = (): void => stop(options.abortReason ?? 'The run was interrupted (Ctrl-C) before its end');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeout =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => stop(options.timeoutReason ?? `The run was stopped after ${Math.round(options.timeoutMs! / 1000)} s`),
          options.timeoutMs,
        ).unref();
  const onExit = (): void => signalGroup('SIGKILL');
  if (options.killOnExit) process.once('exit', onExit);

  const exited = new Promise<ArtilleryExit>((resolveExit, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EnvironmentError(options.spawnErrorCode, `Artillery could not be started: ${error.code ?? error.message}`, [
          'Run `npm run setup`.',
        ]),
      ),
    );
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  }).finally(() => {
    clearTimeout(timeout);
    clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
    process.removeListener('exit', onExit);
  });

  return {
    stop,
    get stopReason() {
      return stopReason;
    },
    exited,
  };
}
