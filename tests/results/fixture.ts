/** Paths of the real k6 outputs recorded by fixtures/results/record.ts, and helpers on them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const rawJsonGz = fileURLToPath(new URL('../../fixtures/results/small-sale.json.gz', import.meta.url));
export const rawCsvGz = fileURLToPath(new URL('../../fixtures/results/small-sale.csv.gz', import.meta.url));
export const summaryExportPath = fileURLToPath(
  new URL('../../fixtures/results/small-sale.summary.json', import.meta.url),
);

/** k6's own --summary-export of the same run: metric (or submetric) name → its figures. */
export function readK6Summary(): Record<string, Record<string, number>> {
  const parsed = JSON.parse(readFileSync(summaryExportPath, 'utf8')) as {
    metrics: Record<string, Record<string, number>>;
  };
  return parsed.metrics;
}

/** Relative closeness: |actual − expected| ≤ tolerance·|expected| (absolute near zero). */
export function closeTo(actual: number | null, expected: number, tolerance = 0.01): boolean {
  if (actual === null) return false;
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected) + 1e-9;
}
