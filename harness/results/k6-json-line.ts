/**
 * Reads one line of k6's raw JSON output (`--out json=…`):
 *   {"metric":"http_reqs","type":"Point","data":{"time":"…","value":1,"tags":{…}}}
 *   {"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default",…},"metric":"http_reqs"}
 *
 * Two readers give the same result: `parseK6JsonLineFast` walks the line once with indexOf
 * (no objects built, only the selected tags are sliced out) and gives up — returns false —
 * on anything it does not expect (a backslash, whitespace, a non-string tag); then
 * `parseK6JsonLine` (JSON.parse) reads it. Cost of the fast reader: O(line length).
 */

/** What a line holds; one object is reused for every line (no allocation per line). */
export interface K6Line {
  kind: 'point' | 'metric' | 'other';
  metric: string;
  /** For a Metric line: counter, gauge, rate or trend. */
  metricType: string;
  /** For a Metric line: time, data or default. */
  contains: string;
  /** Sample time, ms since the epoch (sub-millisecond digits kept as a fraction). */
  timeMs: number;
  value: number;
  /** Values of the selected tags, in the order of the tag index; undefined when absent. */
  tagValues: (string | undefined)[];
}

export function createK6Line(tagCount: number): K6Line {
  return { kind: 'other', metric: '', metricType: '', contains: '', timeMs: NaN, value: NaN, tagValues: new Array(tagCount) };
}

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

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

/** Position after the JSON value starting at `i` (string, number, literal, object, array); -1 if unsure. */
function skipValue(text: string, i: number, end: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) {
    const close = text.indexOf('"', i + 1);
    return close < 0 || close >= end ? -1 : close + 1;
  }
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        j = text.indexOf('"', j + 1);
        if (j < 0 || j >= end) return -1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) break;
    j++;
  }
  return j === i ? -1 : j;
}

/**
 * Fast reader for text[start, end), which must hold no backslash (the caller checks: then
 * every string runs to the next quote). Fills `out` and returns true, or returns false when
 * the line should go to `parseK6JsonLine`. Metric lines always return false (they are rare).
 */
export function parseK6JsonLineFast(
  text: string,
  start: number,
  end: number,
  tagIndex: ReadonlyMap<string, number>,
  out: K6Line,
): boolean {
  if (text.charCodeAt(start) !== OPEN_BRACE) return false;
  out.kind = 'other';
  out.metric = '';
  out.timeMs = NaN;
  out.value = NaN;
  out.tagValues.fill(undefined);
  let isPoint = false;
  let i = start + 1;
  while (i < end) {
    if (text.charCodeAt(i) !== QUOTE) return false;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0 || keyEnd >= end || text.charCodeAt(keyEnd + 1) !== COLON) return false;
    const keyLength = keyEnd - i - 1;
    const valueStart = keyEnd + 2;
    let next: number;
    if (keyLength === 6 && text.startsWith('metric', i + 1)) {
      next = skipValue(text, valueStart, end);
      if (next < 0 || text.charCodeAt(valueStart) !== QUOTE) return false;
      out.metric = text.slice(valueStart + 1, next - 1);
    } else if (keyLength === 4 && text.startsWith('type', i + 1)) {
      next = skipValue(text, valueStart, end);
      if (next < 0) return false;
      if (!text.startsWith('"Point"', valueStart)) return false;
      isPoint = true;
    } else if (keyLength === 4 && text.startsWith('data', i + 1)) {
      next = parseData(text, valueStart, end, tagIndex, out);
    } else {
      next = skipValue(text, valueStart, end);
    }
    if (next < 0) return false;
    const c = text.charCodeAt(next);
    if (c === COMMA) i = next + 1;
    else if (c === CLOSE_BRACE) {
      i = next + 1;
      break;
    } else return false;
  }
  if (!isPoint || out.metric === '' || Number.isNaN(out.timeMs) || Number.isNaN(out.value)) return false;
  out.kind = 'point';
  return i === end;
}

/** Reads the `data` object of a Point; returns the position after it, or -1. */
function parseData(text: string, i: number, end: number, tagIndex: ReadonlyMap<string, number>, out: K6Line): number {
  if (text.charCodeAt(i) !== OPEN_BRACE) return -1;
  i++;
  while (i < end) {
    if (text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0 || keyEnd >= end || text.charCodeAt(keyEnd + 1) !== COLON) return -1;
    const keyLength = keyEnd - i - 1;
    const valueStart = keyEnd + 2;
    let next: number;
    if (keyLength === 4 && text.startsWith('time', i + 1)) {
      next = skipValue(text, valueStart, end);
      if (next < 0 || text.charCodeAt(valueStart) !== QUOTE) return -1;
      out.timeMs = parseK6Time(text, valueStart + 1, next - 1);
    } else if (keyLength === 5 && text.startsWith('value', i + 1)) {
      next = skipValue(text, valueStart, end);
      if (next < 0 || text.charCodeAt(valueStart) === QUOTE) return -1;
      out.value = Number(text.slice(valueStart, next));
    } else if (keyLength === 4 && text.startsWith('tags', i + 1)) {
      next = parseTags(text, valueStart, end, tagIndex, out);
    } else {
      next = skipValue(text, valueStart, end);
    }
    if (next < 0) return -1;
    const c = text.charCodeAt(next);
    if (c === COMMA) i = next + 1;
    else if (c === CLOSE_BRACE) return next + 1;
    else return -1;
  }
  return -1;
}

/** Reads a flat object of string tags, keeping the selected ones; -1 on anything else. */
function parseTags(text: string, i: number, end: number, tagIndex: ReadonlyMap<string, number>, out: K6Line): number {
  if (text.startsWith('null', i)) return i + 4;
  if (text.charCodeAt(i) !== OPEN_BRACE) return -1;
  i++;
  if (text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
  while (i < end) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0 || keyEnd >= end || text.charCodeAt(keyEnd + 1) !== COLON) return -1;
    const valueStart = keyEnd + 2;
    if (text.charCodeAt(valueStart) !== QUOTE) return -1;
    const valueEnd = text.indexOf('"', valueStart + 1);
    if (valueEnd < 0 || valueEnd >= end) return -1;
    const slot = tagIndex.get(text.slice(i + 1, keyEnd));
    if (slot !== undefined) out.tagValues[slot] = text.slice(valueStart + 1, valueEnd);
    const c = text.charCodeAt(valueEnd + 1);
    if (c === CLOSE_BRACE) return valueEnd + 2;
    if (c !== COMMA) return -1;
    i = valueEnd + 2;
  }
  return -1;
}

/** The reference reader: JSON.parse, for any line. Returns false when the line is not JSON. */
export function parseK6JsonLine(line: string, tagIndex: ReadonlyMap<string, number>, out: K6Line): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  out.kind = 'other';
  out.tagValues.fill(undefined);
  if (typeof parsed !== 'object' || parsed === null) return false;
  const record = parsed as { type?: unknown; metric?: unknown; data?: Record<string, unknown> };
  const data = record.data;
  if (typeof data !== 'object' || data === null) return false;
  if (record.type === 'Metric') {
    out.kind = 'metric';
    out.metric = String(data.name ?? record.metric ?? '');
    out.metricType = String(data.type ?? '');
    out.contains = String(data.contains ?? 'default');
    return out.metric !== '';
  }
  if (record.type !== 'Point' || typeof record.metric !== 'string') return true;
  const time = typeof data.time === 'string' ? data.time : '';
  const value = typeof data.value === 'number' ? data.value : Number(data.value);
  out.metric = record.metric;
  out.timeMs = parseK6Time(time, 0, time.length);
  out.value = value;
  const tags = data.tags;
  if (typeof tags === 'object' && tags !== null) {
    for (const [key, tagValue] of Object.entries(tags)) {
      const slot = tagIndex.get(key);
      if (slot !== undefined && tagValue !== null && tagValue !== undefined) out.tagValues[slot] = String(tagValue);
    }
  }
  if (Number.isNaN(out.timeMs) || Number.isNaN(out.value)) return false;
  out.kind = 'point';
  return true;
}
