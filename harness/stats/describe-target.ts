import { formatNumber, formatQuantity, type Language } from '../vocabulary.ts';
import { percentileOfStat, type TargetSpec } from './target-spec.ts';
import type { TargetSubject } from './target-subject.ts';
import type { Comparator } from './target-verdict.ts';

/** A target to put in words: a TargetSpec, or a verdict (whose `stat` may be any name). */
export type DescribedTarget = Pick<
  TargetSpec,
  'metric' | 'op' | 'threshold' | 'unit' | 'subject' | 'description' | 'descriptionKo'
> & { readonly stat: string };

type Words = Readonly<Record<Comparator, string>>;

/** After a quantity of things: "95% of checkouts under 800 ms", "every checkout within 2 s". */
const EN_QUANTIFIED: Words = { '<': 'under', '<=': 'within', '>': 'above', '>=': 'at least', '==': 'exactly' };
/** After a statistic: "the mean of checkouts at most 300 ms". */
const EN_PLAIN: Words = { '<': 'under', '<=': 'at most', '>': 'above', '>=': 'at least', '==': 'exactly' };
/** After a verb: "95% of people wait at most 30 min". */
const EN_VERB: Words = { '<': 'less than', '<=': 'at most', '>': 'more than', '>=': 'at least', '==': 'exactly' };
/** Before a share: "at most 1% of requests fail". */
const EN_SHARE: Words = { '<': 'less than', '<=': 'at most', '>': 'more than', '>=': 'at least', '==': 'exactly' };
/** Before a count: "at most 5 session expiries". */
const EN_COUNT: Words = { '<': 'fewer than', '<=': 'at most', '>': 'more than', '>=': 'at least', '==': 'exactly' };

/** After a value: "800 ms 미만"; `<=` after a quantity of things is "이내". */
const KO: Words = { '<': '미만', '<=': '이하', '>': '초과', '>=': '이상', '==': '' };
/** Before a verb, after a duration: "30분 이내로 기다림". */
const KO_VERB: Words = { '<': '미만으로', '<=': '이내로', '>': '넘게', '>=': '이상', '==': '' };
/** Before a verb, after a count: "재고 6개 이하로 판매". */
const KO_COUNT_VERB: Words = { '<': '미만으로', '<=': '이하로', '>': '초과로', '>=': '이상', '==': '' };

/**
 * A target in words, in English or Korean, generated from its values — the one sentence
 * generator for targets (scenarios, targets files, reports, comparisons, generated tests). A
 * spec's own `description` / `descriptionKo` is its words in that language when it has one.
 * - percentiles under a bound quantify the subject: p95 < 800 ms on checkouts → "95% of
 *   checkouts under 800 ms" / "결제 요청의 95%가 800 ms 미만"; p50 is "half", and a maximum
 *   (a minimum over a lower bound) is "every checkout" / "모든 결제 요청이" when the subject says
 *   how one of them is called;
 * - a subject with a verb says what they do: "95% of people wait at most 30 min in the queue",
 *   "At most 1% of requests fail" / "요청의 1% 이하가 실패", "At most 6 units of stock are sold";
 * - other statistics name themselves: "The mean of checkouts at most 300 ms" / "결제 요청의
 *   평균이 300 ms 이하", "The rate of …", "At most 5 session expiries" / "세션 만료 수가 5 이하".
 * Comparators are kept exact (`<` is "under"/"미만", `<=` "at most"/"이하", "within"/"이내" after
 * a quantity); Korean subject particles follow the last syllable (이/가). English starts with a
 * capital; the subject's note ends the sentence in brackets. Cost O(1).
 */
export function describeTarget(target: DescribedTarget, language: Language): string {
  const own = language === 'ko' ? target.descriptionKo : target.description;
  if (own !== undefined) return own;
  const subject = subjectOf(target);
  const threshold = formatQuantity(target.threshold, target.unit, language);
  const sentence =
    language === 'ko' ? korean(target, subject, threshold) : capitalize(english(target, subject, threshold));
  return withNote(sentence, subject, language);
}

/**
 * A statistic of a subject as a noun phrase, the figure a target or a comparison speaks of:
 * p95 of checkouts → "95% of checkouts" / "결제 요청의 95%", p50 → "half of checkouts" /
 * "결제 요청의 절반", the mean → "the mean of checkouts" / "결제 요청의 평균". Lower case (it goes
 * inside a sentence); the subject's note follows in brackets. Cost O(1).
 */
export function describeStatistic(stat: string, subject: TargetSubject, language: Language): string {
  const p = percentileOfStat(stat);
  if (language === 'ko') {
    const phrase = p !== null && p < 1 ? percentOfKo(subject, p) : `${subject.ko}의 ${statNameKo(stat, p)}`;
    return withNote(phrase, subject, language);
  }
  const phrase = p !== null && p < 1 ? percentOfEn(subject, p) : `the ${statNameEn(stat, p)} of ${subject.en}`;
  return withNote(phrase, subject, language);
}

function english(target: DescribedTarget, subject: TargetSubject, threshold: string): string {
  const { op, stat } = target;
  const verb = subject.verb;
  const where = verb?.where ? ` ${verb.where.en}` : '';
  const p = percentileOfStat(stat);
  const every = eachOne(target, subject);
  if (every !== null || (p !== null && isUpperBound(op))) {
    const quantity = every?.en ?? percentOfEn(subject, p!);
    if (!verb) return `${quantity} ${EN_QUANTIFIED[op]} ${threshold}`;
    const verbWord = every !== null ? (verb.enOne ?? verb.en) : verb.en;
    return `${quantity} ${verbWord} ${EN_VERB[op]} ${threshold}${where}`;
  }
  if (verb && (stat === 'rate' || stat === 'share') && target.unit === 'ratio')
    return `${EN_SHARE[op]} ${threshold} of ${subject.en} ${verb.en}${where}`;
  if (stat === 'count') {
    const one = target.threshold === 1;
    const verbWords = verb ? ` ${one ? (verb.enOne ?? verb.en) : verb.en}` : '';
    if (op === '==' && target.threshold === 0) return `no ${subject.en}${verb ? ` ${verb.en}` : ''}${where}`;
    return `${EN_COUNT[op]} ${threshold} ${one ? (subject.enOne ?? subject.en) : subject.en}${verbWords}${where}`;
  }
  return `the ${statNameEn(stat, p)} of ${subject.en} ${EN_PLAIN[op]} ${threshold}`;
}

function korean(target: DescribedTarget, subject: TargetSubject, threshold: string): string {
  const { op, stat } = target;
  const verb = subject.verb;
  const where = verb?.where ? `${verb.where.ko} ` : '';
  const p = percentileOfStat(stat);
  const compared = (words: Words): string => (op === '==' ? `정확히 ${threshold}` : `${threshold} ${words[op]}`);
  const every = eachOne(target, subject);
  if (every !== null || (p !== null && isUpperBound(op))) {
    const quantity = every?.ko ?? percentOfKo(subject, p!);
    const who = `${quantity}${subjectParticle(quantity)}`;
    if (verb) return `${who} ${where}${compared(KO_VERB)} ${verb.ko}`;
    return `${who} ${compared({ ...KO, '<=': '이내' })}`;
  }
  if (verb && (stat === 'rate' || stat === 'share') && target.unit === 'ratio') {
    const share = compared(KO);
    return `${subject.ko}의 ${share}${subjectParticle(share)} ${where}${verb.ko}`;
  }
  if (stat === 'count') {
    if (op === '==' && target.threshold === 0)
      return verb ? `${where}${subject.ko} ${verb.ko} 없음` : `${subject.ko} 없음`;
    const count = `${threshold}${subject.koCounter ?? ''}`;
    const countCompared = op === '==' ? `정확히 ${count}` : `${count} ${(verb ? KO_COUNT_VERB : KO)[op]}`;
    return verb ? `${where}${subject.ko} ${countCompared} ${verb.ko}` : `${subject.ko} 수가 ${countCompared}`;
  }
  if (stat === 'rate' || stat === 'share') return `${subject.ko} 비율이 ${compared(KO)}`;
  const name = statNameKo(stat, p);
  return `${subject.ko}의 ${name}${subjectParticle(name)} ${compared(KO)}`;
}

function isUpperBound(op: Comparator): boolean {
  return op === '<' || op === '<=';
}

/** "every checkout" / "모든 결제 요청" for a maximum under a bound or a minimum over one, when the subject can say it. */
function eachOne(target: DescribedTarget, subject: TargetSubject): { en: string; ko: string } | null {
  const bounds =
    (target.stat === 'max' && isUpperBound(target.op)) ||
    (target.stat === 'min' && (target.op === '>' || target.op === '>='));
  if (!bounds) return null;
  if (subject.every) return subject.every;
  return subject.enOne === undefined ? null : { en: `every ${subject.enOne}`, ko: `모든 ${subject.ko}` };
}

/** "95% of checkouts", "half of checkouts". */
function percentOfEn(subject: TargetSubject, p: number): string {
  return p === 0.5 ? `half of ${subject.en}` : `${formatNumber(p * 100)}% of ${subject.en}`;
}

/** "결제 요청의 95%", "결제 요청의 절반". */
function percentOfKo(subject: TargetSubject, p: number): string {
  return `${subject.ko}의 ${p === 0.5 ? '절반' : `${formatNumber(p * 100)}%`}`;
}

function statNameEn(stat: string, p: number | null): string {
  if (p !== null) return p === 0.5 ? 'median' : `${ordinal(formatNumber(p * 100))} percentile`;
  const names: Record<string, string> = {
    'of.mean': 'mean',
    max: 'maximum',
    min: 'minimum',
    rate: 'rate',
    share: 'share',
    count: 'number',
    last: 'last value',
  };
  return names[stat] ?? stat;
}

function statNameKo(stat: string, p: number | null): string {
  if (p !== null) return p === 0.5 ? '중앙값' : `${formatNumber(p * 100)} 백분위수`;
  const names: Record<string, string> = {
    'of.mean': '평균',
    max: '최댓값',
    min: '최솟값',
    rate: '비율',
    share: '비율',
    count: '수',
    last: '마지막 값',
  };
  return names[stat] ?? `${stat} 값`;
}

function subjectOf(target: DescribedTarget): TargetSubject {
  const subject = target.subject ?? target.metric;
  return typeof subject === 'string' ? { en: subject, ko: subject } : subject;
}

function withNote(sentence: string, subject: TargetSubject, language: Language): string {
  return subject.note ? `${sentence} (${subject.note[language]})` : sentence;
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * The Korean subject particle after a word: 이 after a final consonant (받침), 가 after a vowel,
 * read from the last Hangul syllable ((code − 0xAC00) mod 28 is its final consonant); 가 after
 * "%" (퍼센트); 이(가) after anything else, which has no one reading.
 */
function subjectParticle(word: string): string {
  const last = word.trimEnd().slice(-1);
  if (last === '%') return '가';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? '가' : '이';
  return '이(가)';
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
