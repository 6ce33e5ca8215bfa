import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeZodIssues, UsageError } from '../errors.ts';
import { parseSelector } from '../results/index.ts';
import type { TargetSpec, TargetStat } from '../stats/index.ts';
import { parseK6Threshold, splitSelectorAndThreshold } from './k6-threshold.ts';

/** A target read from a targets file; its unit may still be open (filled from the run's metric types). */
export type TargetDraft = Omit<TargetSpec, 'unit'> & { readonly unit?: string };

const stat = z
  .string()
  .min(1)
  .transform(
    (value) => ({ avg: 'of.mean', med: 'p50', value: 'last' })[value] ?? value.replace(/^p\((\d+(?:\.\d+)?)\)$/, 'p$1'),
  )
  .refine(
    (value): value is TargetStat =>
      /^p\d{1,2}(?:\.\d+)?$|^p100$/.test(value) ||
      ['min', 'max', 'of.mean', 'rate', 'count', 'share', 'last'].includes(value),
    {
      message:
        'stat must be p50…p99.9, mean, min, max, rate, count, share or last (k6 names avg, med, p(95), value also work)',
    },
  );

const targetObject = z.strictObject({
  id: z.string().min(1).optional(),
  description: z.string().optional(),
  descriptionKo: z.string().optional(),
  metric: z.string().min(1),
  stat,
  op: z.enum(['<', '<=', '>', '>=', '==']),
  threshold: z.number().refine(Number.isFinite, 'must be a finite number'),
  unit: z.string().optional(),
  of: z.string().min(1).optional(),
  scale: z.number().positive().optional(),
  minSamples: z.number().int().nonnegative().optional(),
});

/**
 * Reads a targets file (YAML or JSON) into target drafts. Accepted shapes:
 * - a list whose entries are TargetSpec-like objects (`metric`, `stat`, `op`, `threshold`,
 *   optional `unit`, `id`, `of`, `scale`, `minSamples`), k6-style strings
 *   (`http_req_duration{name:checkout}: p(95)<800`) or one-key maps
 *   (`http_req_duration{name:checkout}: [p(95)<800, p(99)<1500]`);
 * - an object with `targets` (such a list) and/or `thresholds` (k6's `options.thresholds`
 *   map: selector → expression, list of expressions or `{ threshold }` objects);
 * - k6's thresholds map on its own.
 * Every problem is a UsageError naming the file, the entry and what is allowed.
 */
export function parseTargetsFile(text: string, where: string): TargetDraft[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new UsageError(
      'analyze.bad-targets',
      `targets file ${where} is not YAML or JSON: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const drafts: TargetDraft[] = [];
  const fail = (entry: string, problem: string): never => {
    throw new UsageError('analyze.bad-targets', `targets file ${where}, ${entry}: ${problem}`, [
      'an entry is { metric, stat, op, threshold, unit? } or a k6 threshold such as "http_req_duration{name:checkout}: p(95)<800" (docs/ANALYZE.md)',
    ]);
  };
  const addThreshold = (entry: string, selector: string, expression: unknown): void => {
    const text =
      typeof expression === 'object' && expression !== null && 'threshold' in expression
        ? (expression as { threshold: unknown }).threshold
        : expression;
    if (typeof text !== 'string')
      return fail(
        entry,
        `the threshold of ${selector} must be a string such as "p(95)<800", got ${JSON.stringify(text)}`,
      );
    const parsed = parseK6Threshold(text);
    if (typeof parsed === 'string') return fail(entry, parsed);
    checkSelector(entry, selector, fail);
    drafts.push({
      id: `${selector}.${parsed.stat}`,
      metric: selector,
      stat: parsed.stat,
      op: parsed.op,
      threshold: parsed.threshold,
    });
  };
  const addThresholdMap = (entry: string, map: Record<string, unknown>): void => {
    for (const [selector, value] of Object.entries(map)) {
      for (const expression of Array.isArray(value) ? value : [value])
        addThreshold(`${entry} (${selector})`, selector, expression);
    }
  };
  const addEntry = (index: number, item: unknown): void => {
    const entry = `entry ${index + 1}`;
    if (typeof item === 'string') {
      const split = splitSelectorAndThreshold(item);
      if (split === null)
        return fail(`${entry} ("${item}")`, 'a string entry is a k6 threshold written "metric{tag:value}: p(95)<800"');
      return addThreshold(`${entry} ("${item}")`, split.selector, split.expression);
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return fail(entry, `expected an object or a string, got ${JSON.stringify(item)}`);
    if (!('metric' in item) && Object.keys(item).length === 1)
      return addThresholdMap(entry, item as Record<string, unknown>);
    const parsed = targetObject.safeParse(item);
    const label = `${entry}${'metric' in item ? ` (${String((item as { metric: unknown }).metric)})` : ''}`;
    if (!parsed.success) return fail(label, describeZodIssues(parsed.error.issues).replace(/\n/g, '; '));
    checkSelector(label, parsed.data.metric, fail);
    if (parsed.data.of !== undefined) checkSelector(label, parsed.data.of, fail);
    if (parsed.data.stat === 'share' && parsed.data.of === undefined)
      return fail(label, 'stat share needs "of", the denominator selector');
    drafts.push({ ...parsed.data, id: parsed.data.id ?? `${parsed.data.metric}.${parsed.data.stat}` });
  };

  if (Array.isArray(document)) document.forEach((item, index) => addEntry(index, item));
  else if (typeof document === 'object' && document !== null) {
    const object = document as Record<string, unknown>;
    if ('targets' in object || 'thresholds' in object) {
      const extra = Object.keys(object).filter((key) => key !== 'targets' && key !== 'thresholds');
      if (extra.length > 0)
        fail(`field ${extra[0]}`, 'only "targets" (a list) and "thresholds" (k6\'s map) are allowed at the top');
      if (object.targets !== undefined) {
        if (!Array.isArray(object.targets)) fail('targets', 'must be a list');
        (object.targets as unknown[]).forEach((item, index) => addEntry(index, item));
      }
      if (object.thresholds !== undefined) {
        if (typeof object.thresholds !== 'object' || object.thresholds === null || Array.isArray(object.thresholds))
          fail('thresholds', 'must be a map of selector → expressions');
        addThresholdMap('thresholds', object.thresholds as Record<string, unknown>);
      }
    } else addThresholdMap('thresholds', object);
  } else fail('the document', 'expected a list of targets or a map of k6 thresholds');
  if (drafts.length === 0) fail('the document', 'it holds no targets');
  return uniqueIds(drafts);
}

function checkSelector(entry: string, selector: string, fail: (entry: string, problem: string) => never): void {
  try {
    parseSelector(selector);
  } catch (error) {
    fail(entry, (error as Error).message);
  }
}

/** Makes ids unique in order: a second `x` becomes `x#2`. */
function uniqueIds(drafts: readonly TargetDraft[]): TargetDraft[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const times = (seen.get(draft.id) ?? 0) + 1;
    seen.set(draft.id, times);
    return times === 1 ? draft : { ...draft, id: `${draft.id}#${times}` };
  });
}
