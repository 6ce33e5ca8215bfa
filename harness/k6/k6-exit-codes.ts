/**
 * What k6's exit codes mean for a saleready run (k6's errext/exitcodes): 0 and 99
 * (thresholds crossed) are finished runs — saleready judges targets itself; 105 is an
 * external abort (our SIGINT); the rest are errors with k6's own message.
 */
import { EnvironmentError, UsageError, type SalereadyError } from '../errors.ts';

export const K6_EXIT = {
  ok: 0,
  thresholdsFailed: 99,
  setupTimeout: 100,
  teardownTimeout: 101,
  genericTimeout: 102,
  genericEngine: 103,
  invalidConfig: 104,
  externalAbort: 105,
  cannotStartRestApi: 106,
  scriptException: 107,
  scriptAborted: 108,
  markedAsFailed: 110,
} as const;

/** The last `msg="…"` (or plain) error line k6 wrote, for a person. */
export function lastK6Error(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (!/level=(error|fatal)|^\s*(ERRO|error)/i.test(line)) continue;
    const match = /msg="((?:[^"\\]|\\.)*)"/.exec(line);
    const text = match?.[1] ? JSON.parse(`"${match[1]}"`) as string : line;
    return text.split('\n')[0]?.trim() ?? text;
  }
  return lines.at(-1)?.trim() ?? '(k6 wrote nothing)';
}

/** null when the exit code is a finished or interrupted run; else the error to throw. */
export function errorForK6Exit(exitCode: number, stderr: string): SalereadyError | null {
  if (exitCode === K6_EXIT.ok || exitCode === K6_EXIT.thresholdsFailed || exitCode === K6_EXIT.externalAbort) return null;
  const message = lastK6Error(stderr);
  switch (exitCode) {
    case K6_EXIT.invalidConfig:
      return new UsageError('K6_INVALID_CONFIG', `k6 refused the script's options: ${message}`);
    case K6_EXIT.scriptException:
      return new UsageError('K6_SCRIPT_ERROR', `The k6 script failed: ${message}`);
    case K6_EXIT.scriptAborted:
      return new EnvironmentError('K6_ABORTED', `k6 stopped the run: ${message}`, [
        'The script aborts when the target shop does not answer; check the URL and that the shop runs.',
      ]);
    case K6_EXIT.cannotStartRestApi:
      return new EnvironmentError('K6_REST_API', `k6 could not start its REST API: ${message}`);
    case K6_EXIT.setupTimeout:
    case K6_EXIT.teardownTimeout:
    case K6_EXIT.genericTimeout:
      return new EnvironmentError('K6_TIMEOUT', `k6 timed out (exit ${exitCode}): ${message}`, [
        'The target may be too slow to answer; check that it runs and is reachable.',
      ]);
    default:
      return new EnvironmentError('K6_FAILED', `k6 exited with code ${exitCode}: ${message}`);
  }
}
