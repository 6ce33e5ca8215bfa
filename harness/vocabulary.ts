/**
 * saleready's words, one place for every stage: the languages its reports speak, the steps of
 * a sale-day journey (and their requests in words) and the ways a person's journey ends, and how
 * numbers, shares and durations are written for people. Pure: no I/O, no stage imports.
 */

/** Languages of generated words: English and Korean. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The requests of a person's journey, in order (docs/METRICS.md `step`). */
export const JOURNEY_STEPS = ['login', 'join', 'poll', 'product', 'cart', 'checkout'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** A step's requests in words: plural and one in English, and Korean (target sentences, comparisons). */
export interface StepWords {
  readonly en: string;
  readonly enOne: string;
  readonly ko: string;
}

const STEP_WORDS: Readonly<Record<JourneyStep | 'probe', StepWords>> = {
  login: { en: 'logins', enOne: 'login', ko: '로그인 요청' },
  join: { en: 'queue joins', enOne: 'queue join', ko: '대기열 진입 요청' },
  poll: { en: 'queue polls', enOne: 'queue poll', ko: '대기 순번 조회' },
  product: { en: 'product views', enOne: 'product view', ko: '상품 조회' },
  cart: { en: 'add-to-cart requests', enOne: 'add-to-cart request', ko: '장바구니 담기 요청' },
  checkout: { en: 'checkouts', enOne: 'checkout', ko: '결제 요청' },
  probe: { en: 'probe requests', enOne: 'probe request', ko: '점검 요청' },
};

/** The words for a step's requests (docs/METRICS.md `step`); another step's as "<step> requests". */
export function stepWords(step: string): StepWords {
  return Object.hasOwn(STEP_WORDS, step)
    ? STEP_WORDS[step as JourneyStep]
    : { en: `${step} requests`, enOne: `${step} request`, ko: `${step} 요청` };
}

/** How a person's (or bot's) journey ends (docs/METRICS.md `sr_outcome`). */
export const OUTCOMES = ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * A number for people: at most 3 decimals and 6 significant digits, thousands separated by
 * commas (the same in English and Korean), no locale lookups, so output is stable.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  const fixed = Number(rounded.toFixed(3)).toString();
  if (fixed.includes('e')) return fixed;
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction ? `.${fraction}` : '');
}

/** A share as a percentage: 0.0412 → "4.12%", 0.005 → "0.5%"; null → "—". */
export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${formatNumber(share * 100)}%`;
}

const KOREAN_UNITS: Readonly<Record<string, string>> = { s: '초', min: '분', h: '시간' };

/**
 * A value with its unit: `ratio` as a percentage (0.01 → "1%"), `count` bare, `s`/`min`/`h`
 * in Korean words for Korean ("20분"), anything else as "<number> <unit>" ("800 ms").
 */
export function formatQuantity(value: number, unit: string, language: Language): string {
  if (unit === 'ms' && Math.abs(value) >= 10_000) return formatLongDuration(value, language);
  if (unit === 'ratio') return formatPercent(value);
  if (unit === 'count' || unit === '') return formatNumber(value);
  const korean = language === 'ko' ? KOREAN_UNITS[unit] : undefined;
  if (korean) return `${formatNumber(value)}${korean}`;
  return `${formatNumber(value)} ${unit}`;
}

/** A duration for people: 850 ms, 12.5 s, 14 min 30 s, 2 h 40 min (Korean: 12.5초, 2시간 40분). */
export function formatDuration(ms: number, language: Language): string {
  if (ms < 1_000) return `${formatNumber(Math.round(ms * 10) / 10)} ms`;
  if (ms < 60_000) return `${formatNumber(Math.round(ms / 100) / 10)}${language === 'ko' ? '초' : ' s'}`;
  return formatLongDuration(ms, language);
}

/** Durations of 10 s and more in words a person reads at a glance: "41 min 20 s", "2시간 5분". */
export function formatLongDuration(ms: number, language: Language): string {
  const ko = language === 'ko';
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return ko ? `${totalSeconds}초` : `${totalSeconds} s`;
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    if (ko) return seconds ? `${minutes}분 ${seconds}초` : `${minutes}분`;
    return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  }
  const totalMinutes = Math.round(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (ko) return minutes ? `${hours}시간 ${minutes}분` : `${hours}시간`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}
