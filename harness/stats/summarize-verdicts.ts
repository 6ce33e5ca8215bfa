import type { TargetVerdict, Verdict } from './target-verdict.ts';

/**
 * The overall verdict of a run: 'fail' if any target failed; else 'inconclusive' if any
 * was inconclusive, or if there were no targets at all (nothing was checked, so nothing
 * passed); else 'pass'. Cost O(n).
 */
export function summarizeVerdicts(verdicts: readonly Pick<TargetVerdict, 'verdict'>[]): Verdict {
  if (verdicts.length === 0) return 'inconclusive';
  if (verdicts.some((v) => v.verdict === 'fail')) return 'fail';
  if (verdicts.some((v) => v.verdict === 'inconclusive')) return 'inconclusive';
  return 'pass';
}
