import type { Comparator, PercentileStat, TargetStat } from '../stats/index.ts';

/** One k6 threshold expression, e.g. `p(95)<800`, in saleready's terms. */
export interface ParsedThreshold {
  /** saleready's statistic: `p95`, `p50` (k6 `med`), `of.mean` (k6 `avg`), `min`, `max`, `count`, `rate`, `last` (k6 `value`). */
  readonly stat: TargetStat;
  readonly op: Comparator;
  readonly threshold: number;
}

const expression =
  /^\s*(avg|min|max|med|count|rate|value|p\(\s*\d+(?:\.\d+)?\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?[0-9][0-9_]*(?:\.[0-9]+)?(?:e[+-]?\d+)?)\s*$/i;

const STATS: Readonly<Record<string, TargetStat>> = {
  avg: 'of.mean',
  med: 'p50',
  value: 'last',
  min: 'min',
  max: 'max',
  count: 'count',
  rate: 'rate',
};

/**
 * Parses a k6 threshold expression (`aggregation operator value`, k6 docs "Thresholds":
 * avg, min, max, med, p(N), count, rate, value; <, <=, >, >=, ==, ===, !=) into a statistic,
 * comparator and number. Returns an error message instead for anything else, including `!=`,
 * which a target cannot express.
 */
export function parseK6Threshold(text: string): ParsedThreshold | string {
  const match = expression.exec(text);
  if (!match)
    return `"${text}" is not a k6 threshold expression (write it like p(95)<800, avg<=200, rate<0.01, count>100)`;
  const aggregation = (match[1] ?? '').toLowerCase().replace(/\s+/g, '');
  const rawOp = match[2] ?? '';
  if (rawOp === '!=') return `"${text}": the operator != cannot be judged as a target (use <, <=, >, >= or ==)`;
  const op = (rawOp === '===' ? '==' : rawOp) as Comparator;
  const threshold = Number((match[3] ?? '').replace(/_/g, ''));
  const stat = aggregation.startsWith('p(') ? (`p${aggregation.slice(2, -1)}` as PercentileStat) : STATS[aggregation];
  if (stat === undefined) return `"${text}": unknown aggregation ${aggregation}`;
  if (stat.startsWith('p') && Number(stat.slice(1)) > 100) return `"${text}": a percentile is at most p(100)`;
  return { stat, op, threshold };
}

/**
 * Splits `selector: expression` (the way k6 scripts write a threshold next to its metric,
 * e.g. `http_req_duration{name:checkout}: p(95)<800`) into its two parts; null when the text
 * does not end in a threshold expression.
 */
export function splitSelectorAndThreshold(
  text: string,
): { readonly selector: string; readonly expression: string } | null {
  const match =
    /^(.*?[^\s:])\s*:\s*((?:avg|min|max|med|count|rate|value|p\(\s*\d+(?:\.\d+)?\s*\))\s*(?:<=|>=|===|==|!=|<|>)\s*\S+)\s*$/i.exec(
      text,
    );
  if (!match) return null;
  return { selector: (match[1] ?? '').trim(), expression: (match[2] ?? '').trim() };
}
