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
  if (unit === 'ratio') return `${formatNumber(value * 100)}%`;
  if (unit === 'count' || unit === '') return formatNumber(value);
  const korean = language === 'ko' ? KOREAN_UNITS[unit] : undefined;
  if (korean) return `${formatNumber(value)}${korean}`;
  return `${formatNumber(value)} ${unit}`;
}
