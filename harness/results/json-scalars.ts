/** Scalars of k6's JSON lines read in place, without slicing the line. */

let cachedSecondText = '';
let cachedZoneText = '';
let cachedSecondMs = NaN;

/**
 * Parses an RFC 3339 time (`2026-11-25T19:52:51.423378828Z`, `…+09:00`) held in
 * text[start, end) to ms since the epoch. The whole-second part is cached, so a run of lines
 * in the same second costs one Date.parse. NaN when it is not such a time.
 */
export function parseK6Time(text: string, start: number, end: number): number {
  if (end - start < 20 || text.charCodeAt(start + 10) !== 84 /* T */) return NaN;
  let position = start + 19;
  let fractionMs = 0;
  if (text.charCodeAt(position) === 46 /* . */) {
    position++;
    let scale = 100;
    while (position < end) {
      const digit = text.charCodeAt(position) - 48;
      if (digit < 0 || digit > 9) break;
      fractionMs += digit * scale;
      scale /= 10;
      position++;
    }
  }
  const zoneLength = end - position;
  const sameSecond =
    cachedZoneText.length === zoneLength &&
    text.startsWith(cachedSecondText, start) &&
    text.startsWith(cachedZoneText, position);
  if (!sameSecond) {
    cachedSecondText = text.slice(start, start + 19);
    cachedZoneText = text.slice(position, end);
    cachedSecondMs = Date.parse(cachedSecondText + cachedZoneText);
  }
  return cachedSecondMs + fractionMs;
}

const powersOfTen = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * A JSON number in text[start, end). Plain decimals of at most 15 significant digits take
 * Clinger's fast path: an integer below 2^53 divided by an exact power of ten (≤ 10^22) is
 * correctly rounded, so the result equals Number(); anything else goes to Number().
 */
export function parseJsonNumber(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenPoint = false;
  let sawDigit = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      sawDigit = true;
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
      if (seenPoint) fractionDigits++;
    } else if (c === 46 && !seenPoint) seenPoint = true;
    else return Number(text.slice(start, end));
  }
  if (digits > 15 || fractionDigits > 22 || !sawDigit || (seenPoint && fractionDigits === 0)) {
    return Number(text.slice(start, end));
  }
  const value = mantissa / (powersOfTen[fractionDigits] as number);
  return negative ? -value : value;
}
