import { UsageError } from '../errors.ts';

/** A parsed metric selector, `metric{tag:value,tag:value}` (docs/METRICS.md). */
export interface MetricSelector {
  readonly metric: string;
  /** Tag pairs a sample must all carry to match. */
  readonly tags: Readonly<Record<string, string>>;
  /** The selector as written, for messages. */
  readonly text: string;
}

const selectorPattern = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:\{([^{}]*)\})?\s*$/;

/** Parses `http_req_duration{step:checkout,actor:person}`; a bad selector is a UsageError. */
export function parseSelector(text: string): MetricSelector {
  const match = selectorPattern.exec(text);
  if (!match) {
    throw new UsageError('results.bad-selector', `"${text}" is not a metric selector`, [
      'write it as metric{tag:value,tag:value}, e.g. http_req_duration{step:checkout}',
    ]);
  }
  const tags: Record<string, string> = {};
  const body = match[2]?.trim() ?? '';
  if (body !== '') {
    for (const pair of body.split(',')) {
      const colon = pair.indexOf(':');
      const key = colon > 0 ? pair.slice(0, colon).trim() : '';
      if (key === '') {
        throw new UsageError('results.bad-selector', `"${text}" has a tag without a name: "${pair.trim()}"`, [
          'each tag is written name:value, e.g. step:checkout',
        ]);
      }
      tags[key] = pair.slice(colon + 1).trim();
    }
  }
  return { metric: match[1] ?? '', tags, text: text.trim() };
}

/** True when `tags` carries every pair the selector lists (extra tags are fine). */
export function selectorMatchesTags(selector: MetricSelector, tags: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.tags)) {
    if (tags[key] !== value) return false;
  }
  return true;
}
