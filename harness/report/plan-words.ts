/**
 * Numbers and durations in words for the plan report, in English and Korean:
 * 300,000 · 15.5 · "2 h 40 min" / "2시간 40분" · "5 min 56 s" / "5분 56초". Pure.
 */
import type { Language } from '../vocabulary.ts';

/** Picks the sentence for the language. */
export function say(lang: Language, en: string, ko: string): string {
  return lang === 'ko' ? ko : en;
}

/** Whole number with thousands separators (both languages use the comma). */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Number with up to `digits` decimals, trailing zeros dropped. */
export function decimal(value: number, digits = 1): string {
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function percent(share: number): string {
  return `${decimal(share * 100, share < 0.1 ? 1 : 0)}%`;
}

/** A duration in minutes as a person says it: seconds under 1 min, min + s under 10 min, h + min above 1 h. */
export function duration(minutes: number, lang: Language): string {
  if (!Number.isFinite(minutes)) return say(lang, 'no limit', '제한 없음');
  const seconds = Math.round(minutes * 60);
  if (seconds < 60) return say(lang, `${seconds} s`, `${seconds}초`);
  if (minutes < 10) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    if (s === 0) return say(lang, `${m} min`, `${m}분`);
    return say(lang, `${m} min ${s} s`, `${m}분 ${s}초`);
  }
  const total = Math.round(minutes);
  if (total < 60) return say(lang, `${total} min`, `${total}분`);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (m === 0) return say(lang, `${h} h`, `${h}시간`);
  return say(lang, `${h} h ${m} min`, `${h}시간 ${m}분`);
}

/** Clock time `offsetMinutes` after an opening at hours:minutes, as HH:MM (wrapping at midnight). */
export function clockAfter(opening: { hours: number; minutes: number }, offsetMinutes: number): string {
  const total = (((opening.hours * 60 + opening.minutes + Math.round(offsetMinutes)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
