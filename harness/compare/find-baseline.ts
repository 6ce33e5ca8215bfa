import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunSummary } from '../report/index.ts';
import { shapeDifferences } from './check-comparable.ts';
import { readRunSummary } from './load-run.ts';

/**
 * The gate's `--baseline latest`: the newest run folder under `outDir`, started before
 * `current`, of the same scenario and shape, complete, whose targets all passed, that no gate
 * failed (gate.json `pass: false`: a regression must not become the next baseline), and with
 * its raw output kept. Folders that are not runs (or whose summary.json does not parse) are
 * skipped. Returns null when there is none.
 */
/** A run's raw data: the person engine's records, or a k6 raw output. */
function hasRawOutput(dir: string): boolean {
  const records = join(dir, 'records');
  if (
    existsSync(records) &&
    readdirSync(records).some((name) => name.endsWith('.ndjson.gz') || name.endsWith('.ndjson'))
  )
    return true;
  return existsSync(join(dir, 'k6-raw.json.gz'));
}

export function findLatestBaseline(outDir: string, current: { dir: string; summary: RunSummary }): string | null {
  if (!existsSync(outDir)) return null;
  let best: { dir: string; startedAt: string } | null = null;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(outDir, entry.name);
    if (resolve(dir) === resolve(current.dir) || !existsSync(join(dir, 'summary.json')) || !hasRawOutput(dir)) continue;
    let summary: RunSummary;
    try {
      summary = readRunSummary(dir);
    } catch {
      continue;
    }
    if (summary.verdict !== 'pass' || !summary.complete || gateFailed(dir)) continue;
    if (summary.startedAt >= current.summary.startedAt) continue;
    if (shapeDifferences(summary, current.summary).length > 0) continue;
    if (best === null || summary.startedAt > best.startedAt) best = { dir, startedAt: summary.startedAt };
  }
  return best?.dir ?? null;
}

/** The file the gate leaves in a run folder it judged. */
export const GATE_RESULT_FILE = 'gate.json';

function gateFailed(dir: string): boolean {
  const path = join(dir, GATE_RESULT_FILE);
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { pass?: unknown }).pass === false;
  } catch {
    return true;
  }
}
