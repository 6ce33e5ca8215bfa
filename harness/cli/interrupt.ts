/**
 * Ctrl-C during a run: the first SIGINT (or SIGTERM) aborts the signal it hands out, so Artillery is
 * stopped and what was measured is kept and reported (exit 4); a second one, pressed again at
 * least DUPLICATE_WINDOW_MS later, exits at once. Copies of the same Ctrl-C that arrive
 * together (the terminal's and the one npx or a wrapper script forwards) count once. A Ctrl-C
 * that came before the run could listen (bin/saleready.js keeps it, see `EarlySignals`) stops
 * the run as soon as it starts.
 */
import { ExitCode } from '../errors.ts';
import type { Output } from './output.ts';

/** Signals closer together than this are one Ctrl-C delivered twice, not a second press. */
export const DUPLICATE_WINDOW_MS = 1000;

/**
 * What bin/saleready.js hands over: SIGINT/SIGTERM it caught before the command took over,
 * and how to stop listening for them.
 */
export interface EarlySignals {
  readonly count: () => number;
  readonly release: () => void;
}

let early: EarlySignals | null = null;

/** Called once by main(): signals caught so far count as a Ctrl-C for the first run that listens. */
export function adoptEarlySignals(signals: EarlySignals | undefined): void {
  early = signals ?? null;
}

/** For commands that do not listen for Ctrl-C: stop keeping signals, so Ctrl-C ends them as usual. */
export function releaseEarlySignals(): number {
  const count = early?.count() ?? 0;
  early?.release();
  early = null;
  return count;
}

export async function withInterrupt<T>(output: Output, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let firstAt: number | null = null;
  const onSignal = (): void => {
    const now = Date.now();
    if (firstAt === null) {
      firstAt = now;
      output.err('\ninterrupted: stopping Artillery and keeping what was measured (Ctrl-C again to force)…');
      controller.abort();
    } else if (now - firstAt >= DUPLICATE_WINDOW_MS) {
      process.exit(ExitCode.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (releaseEarlySignals() > 0) onSignal();
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** commander's collector for an option given several times (`--set a=1 --set b=2`). */
export function collectRepeated(value: string, previous: string[]): string[] {
  return [...previous, value];
}
