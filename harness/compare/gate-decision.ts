import type { RunSummary } from '../report/index.ts';
import type { RunComparison } from './comparison-types.ts';
import { describeFigureChange, figuresWithVerdict } from './comparison-headline.ts';

export interface GateDecision {
  readonly pass: boolean;
  /** 0 pass · 1 a target missed, a probe hole or a significant regression · 4 interrupted. */
  readonly exitCode: 0 | 1 | 4;
  /** Why it failed, one line each (empty on a pass). */
  readonly reasons: readonly string[];
  /** What the gate could not check, e.g. no baseline found. */
  readonly notes: readonly string[];
}

/**
 * The gate's verdict from the run (its targets and the run's own exit code, which counts probe
 * holes and interruptions) and the comparison with the baseline (null: none).
 */
export function decideGate(
  summary: RunSummary,
  runExitCode: number,
  comparison: RunComparison | null,
  notes: readonly string[] = [],
): GateDecision {
  if (runExitCode === 4 || !summary.complete) {
    return { pass: false, exitCode: 4, reasons: [summary.interruption ?? 'the run was interrupted'], notes };
  }
  const reasons: string[] = [];
  for (const target of summary.targets.filter((candidate) => candidate.verdict === 'fail')) {
    reasons.push(`target missed: ${target.id} (${target.description})${target.note ? ` — ${target.note}` : ''}`);
  }
  if (runExitCode === 1 && reasons.length === 0)
    reasons.push('the run failed (a high-severity probe finding or a missed target)');
  if (comparison) {
    for (const figure of figuresWithVerdict(comparison, 'regressed')) {
      reasons.push(`regression vs baseline: ${figure.id} — ${describeFigureChange(figure, 'en')}`);
    }
  }
  return { pass: reasons.length === 0, exitCode: reasons.length === 0 ? 0 : 1, reasons, notes };
}
