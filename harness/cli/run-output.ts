/** Lines the run command prints: live progress and the closing verdict with key figures. */
import { renderConsoleSummary, type RunSummary } from '../report/index.ts';
import type { Language } from './language.ts';
import type { RunProgress } from './run-scenario.ts';

function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const count = (value: number): string => value.toLocaleString('en');

export function formatRunProgress(progress: RunProgress): string {
  const parts = [
    `[${clock(progress.elapsedMs)} / ${clock(progress.totalMs)}]`,
    `arrived ${count(progress.arrived)}`,
    progress.inQueue === null ? null : `in queue ${count(progress.inQueue)}`,
    `admitted ${count(progress.admitted)}`,
    `bought ${count(progress.bought)}`,
    `p95 ${progress.p95Ms === null ? '–' : `${Math.round(progress.p95Ms)} ms`}`,
    `errors ${progress.errorRate === null ? '–' : `${(progress.errorRate * 100).toFixed(1)}%`}`,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}

export function formatRunResult(summary: RunSummary, language: Language): string[] {
  return renderConsoleSummary(summary, language);
}
