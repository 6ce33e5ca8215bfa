import { formatNumber, formatQuantity, type Language } from '../vocabulary.ts';
import { percentileOfStat, type TargetSpec } from './target-spec.ts';
import type { Comparator } from './target-verdict.ts';

/** A target to put in words: a TargetSpec, or a verdict (whose `stat` is any name). */
type DescribedSpec = Pick<
  TargetSpec,
  'metric' | 'op' | 'threshold' | 'unit' | 'subject' | 'description' | 'descriptionKo'
> & {
  readonly stat: string;
};

const EN_OP: Readonly<Record<Comparator, string>> = {
  '<': 'under',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '==': 'exactly',
};
const KO_OP: Readonly<Record<Comparator, string>> = {
  '<': '미만',
  '<=': '이하',
  '>': '초과',
  '>=': '이상',
  '==': '',
};

/**
 * A target in words, generated from its values, for reports and the comments of generated
 * k6 scripts: p95 < 800 ms on checkouts → "95% of checkouts under 800 ms" /
 * "결제 요청의 95%가 800 ms 미만". Comparators are kept exact: `<` is "under"/"미만",
 * `<=` is "at most"/"이하" ("within"/"이내" for percentiles). A spec's own `description` /
 * `descriptionKo` is its words in that language when it has one. Cost O(1).
 */
export function describeTarget(spec: DescribedSpec, language: Language): string {
  const own = language === 'ko' ? spec.descriptionKo : spec.description;
  if (own !== undefined) return own;
  const subject = subjectWords(spec, language);
  const threshold = formatQuantity(spec.threshold, spec.unit, language);
  const p = percentileOfStat(spec.stat);
  return language === 'ko' ? korean(spec, subject, threshold, p) : english(spec, subject, threshold, p);
}

function english(spec: DescribedSpec, subject: string, threshold: string, p: number | null): string {
  const { op, stat } = spec;
  const comparison = `${EN_OP[op]} ${threshold}`;
  if (p !== null) {
    const percent = formatNumber(p * 100);
    if (op === '<') return `${percent}% of ${subject} under ${threshold}`;
    if (op === '<=') return `${percent}% of ${subject} within ${threshold}`;
    return `the ${ordinal(percent)} percentile of ${subject} ${comparison}`;
  }
  if (stat === 'count' && op === '==' && spec.threshold === 0) return `no ${subject}`;
  if (stat === 'count') return `the number of ${subject} ${comparison}`;
  if (stat === 'rate') return `the rate of ${subject} ${comparison}`;
  if (stat === 'of.mean') return `the mean of ${subject} ${comparison}`;
  if (stat === 'max') return `the maximum of ${subject} ${comparison}`;
  if (stat === 'min') return `the minimum of ${subject} ${comparison}`;
  return `the ${stat} of ${subject} ${comparison}`;
}

function korean(spec: DescribedSpec, subject: string, threshold: string, p: number | null): string {
  const { op, stat } = spec;
  const comparison = op === '==' ? `정확히 ${threshold}` : `${threshold} ${KO_OP[op]}`;
  if (p !== null) {
    const percent = formatNumber(p * 100);
    if (op === '<') return `${subject}의 ${percent}%가 ${threshold} 미만`;
    if (op === '<=') return `${subject}의 ${percent}%가 ${threshold} 이내`;
    return `${subject}의 ${percent} 백분위수가 ${comparison}`;
  }
  if (stat === 'count' && op === '==' && spec.threshold === 0) return `${subject} 없음`;
  if (stat === 'count') return `${subject} 수가 ${comparison}`;
  if (stat === 'rate') return `${subject} 비율이 ${comparison}`;
  if (stat === 'of.mean') return `${subject}의 평균이 ${comparison}`;
  if (stat === 'max') return `${subject}의 최댓값이 ${comparison}`;
  if (stat === 'min') return `${subject}의 최솟값이 ${comparison}`;
  return `${subject}의 ${stat} 값이 ${comparison}`;
}

function subjectWords(spec: DescribedSpec, language: Language): string {
  if (spec.subject === undefined) return spec.metric;
  return typeof spec.subject === 'string' ? spec.subject : spec.subject[language];
}

/** English ordinal of a formatted number: 95 → 95th, 1 → 1st, 22 → 22nd, 99.9 → 99.9th. */
function ordinal(formatted: string): string {
  if (formatted.includes('.')) return `${formatted}th`;
  const n = Number(formatted.replace(/,/g, ''));
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${formatted}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${formatted}${suffix}`;
}
