import { parseSelector, type IngestResult } from '../results/index.ts';
import type { TargetSpec } from '../stats/index.ts';
import type { TargetDraft } from './targets-file.ts';

/**
 * Fills the unit of each target the file left open, from what the run says about its metric:
 * a time Trend's statistics in `ms`, a Rate's `rate` as a `ratio`, a Counter's `rate` per
 * second (`/s`), any `count` as `count`, a `share` as a `ratio`; otherwise no unit.
 */
export function resolveTargetUnits(ingest: IngestResult, drafts: readonly TargetDraft[]): TargetSpec[] {
  return drafts.map((draft) => ({ ...draft, unit: draft.unit ?? unitFor(ingest, draft) }));
}

function unitFor(ingest: IngestResult, draft: TargetDraft): string {
  if (draft.stat === 'count') return 'count';
  if (draft.stat === 'share') return 'ratio';
  const metric = ingest.metrics.get(parseSelector(draft.metric).metric);
  if (metric === undefined) return '';
  if (metric.kind === 'rate') return 'ratio';
  if (metric.kind === 'counter') return draft.stat === 'rate' ? '/s' : '';
  return metric.contains === 'time' || (metric.contains === 'default' && /(^http_req_|_duration$)/.test(metric.name))
    ? 'ms'
    : '';
}

/** Tag keys the targets filter on (ingest must keep them, or their selectors could never match). */
export function tagKeysOfTargets(drafts: readonly TargetDraft[]): string[] {
  const keys = new Set<string>();
  for (const draft of drafts) {
    for (const selector of [draft.metric, draft.of]) {
      if (selector !== undefined) for (const key of Object.keys(parseSelector(selector).tags)) keys.add(key);
    }
  }
  return [...keys];
}
