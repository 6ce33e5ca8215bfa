/** Language of generated words: English or Korean. */
export type Language = 'en' | 'ko';

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

const KOREAN_UNITS: Readonly<Record<string, string>> = { s: '초', min: '분', h: '시간' };

/**
 * A value with its unit: `ratio` as a percentage (0.01 → "1%"), `count` bare, `s`/`min`/`h`
 * in Korean words for Korean ("20분"), anything else as "<number> <unit>" ("800 ms").
 */
export function formatQuantity(value: number, unit: string, language: Language): string {
  if (unit === 'ms' && Math.abs(value) >= 10_000) return formatLongDuration(value, language);
  if (unit === 'ratio') return `${formatNumber(value * 100)}%`;
  if (unit === 'count' || unit === '') return formatNumber(value);
  const korean = language === 'ko' ? KOREAN_UNITS[unit] : undefined;
  if (korean) return `${formatNumber(value)}${korean}`;
  return `${formatNumber(value)} ${unit}`;
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
