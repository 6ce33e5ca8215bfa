/**
 * Ctrl-C during a run: the first SIGINT (or SIGTERM) aborts the signal it hands out, so Artillery is
 * stopped and what was measured is kept and reported (exit 4); a second one exits at once.
 */
import { ExitCode } from '../errors.ts';
import type { Output } from './output.ts';

export async function withInterrupt<T>(output: Output, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    if (interrupts === 1) {
      output.err('\ninterrupted: stopping Artillery and keeping what was measured (Ctrl-C again to force)…');
      controller.abort();
    } else {
      process.exit(ExitCode.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
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
