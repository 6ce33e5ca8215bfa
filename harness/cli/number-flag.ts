/** Number flags shared by commands: checked, and refused with a message naming the flag, the value and what is allowed. */
import { UsageError } from '../errors.ts';

/** The value of a number flag, or undefined when it was not given; UsageError (exit 2) when `check` fails. */
export function parseNumberFlag(
  name: string,
  text: string | undefined,
  check: (value: number) => boolean,
  allowed: string,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !check(value))
    throw new UsageError('cli.bad-flag', `${name} must be ${allowed}, got "${text}".`);
  return value;
}

/** `--min-latency-ms` of compare and gate: the latency floor of a change that counts. */
export const MIN_LATENCY_FLAG = '--min-latency-ms <ms>';
export const MIN_LATENCY_HELP =
  'smallest latency change that counts, besides 10% of A (default 20 ms: what whole runs on a shared machine drift; lower it only on a machine of its own)';

/** The latency floor given with --min-latency-ms, ms; undefined when not given. */
export function parseMinLatencyFlag(text: string | undefined): number | undefined {
  return parseNumberFlag(
    '--min-latency-ms',
    text,
    (value) => Number.isFinite(value) && value >= 0 && value <= 3_600_000,
    'a number of milliseconds from 0 to 3,600,000',
  );
}
