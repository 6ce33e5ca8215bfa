import type { RunSummary } from '../report/index.ts';

/**
 * How two runs differ in shape: scenario name, time scale k, people and stock of the run.
 * Runs of different shapes measure different things (a bigger crowd waits longer), so a
 * comparison of them says nothing about a fix. Empty when they are alike. Pure.
 */
export function shapeDifferences(a: RunSummary, b: RunSummary): string[] {
  const differences: string[] = [];
  const field = (name: string, valueA: unknown, valueB: unknown): void => {
    if (valueA !== valueB) differences.push(`${name}: A has ${show(valueA)}, B has ${show(valueB)}`);
  };
  field('scenario', a.scenario.name, b.scenario.name);
  field('time scale k', a.scenario.timeScale, b.scenario.timeScale);
  field('people', a.scenario.people ?? null, b.scenario.people ?? null);
  field('stock', a.scenario.stock ?? null, b.scenario.stock ?? null);
  return differences;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none recorded';
  return typeof value === 'string' ? `"${value}"` : String(value);
}
