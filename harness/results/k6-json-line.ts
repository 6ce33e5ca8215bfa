/**
 * Reads one line of k6's raw JSON output (`--out json=…`):
 *   {"metric":"http_reqs","type":"Point","data":{"time":"…","value":1,"tags":{…}}}
 *   {"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default",…},"metric":"http_reqs"}
 *
 * Two readers give the same result: `parseK6JsonLineFast` walks the line once with indexOf
 * (no objects built, only the selected tags are sliced out) and gives up — returns false —
 * on anything it does not expect (a backslash, whitespace, a non-string tag); then
 * `parseK6JsonLine` (JSON.parse) reads it. Both intern names and tag values as ids in the
 * same LineTables, so they give identical ids. Cost of the fast reader: O(line length).
 */
import { parseJsonNumber, parseK6Time } from './json-scalars.ts';
import { keyFilterIndex, slotOfKey, type LineTables, type ValueTable } from './value-table.ts';

/** What a line holds; one object is reused for every line (no allocation per line). */
export interface K6Line {
  kind: 'point' | 'metric' | 'other';
  /** Id of the metric name in LineTables.metrics. */
  metricId: number;
  /** For a Metric line: counter, gauge, rate or trend. */
  metricType: string;
  /** For a Metric line: time, data or default. */
  contains: string;
  /** Sample time, ms since the epoch (sub-millisecond digits kept as a fraction). */
  timeMs: number;
  value: number;
  /** Per kept tag (by slot): 0 when absent, else 1 + the value's id in LineTables.tagValues[slot]. */
  tagIds: Int32Array;
}

export function createK6Line(tables: LineTables): K6Line {
  return {
    kind: 'other',
    metricId: -1,
    metricType: '',
    contains: '',
    timeMs: NaN,
    value: NaN,
    tagIds: new Int32Array(tables.keptTags.length),
  };
}

export { parseJsonNumber, parseK6Time } from './json-scalars.ts';

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

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
  tables: LineTables,
  out: K6Line,
): boolean {
  if (text.charCodeAt(start) !== OPEN_BRACE) return false;
  out.kind = 'other';
  out.metricId = -1;
  out.timeMs = NaN;
  out.value = NaN;
  out.tagIds.fill(0);
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
      out.metricId = tables.metrics.idOfSlice(text, valueStart + 1, next - 1);
    } else if (keyLength === 4 && text.startsWith('type', i + 1)) {
      next = skipValue(text, valueStart, end);
      if (next < 0) return false;
      if (!text.startsWith('"Point"', valueStart)) return false;
      isPoint = true;
    } else if (keyLength === 4 && text.startsWith('data', i + 1)) {
      next = parseData(text, valueStart, end, tables, out);
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
  if (!isPoint || out.metricId < 0 || Number.isNaN(out.timeMs) || Number.isNaN(out.value)) return false;
  out.kind = 'point';
  return i === end;
}

/** Reads the `data` object of a Point; returns the position after it, or -1. */
function parseData(text: string, i: number, end: number, tables: LineTables, out: K6Line): number {
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
      out.value = parseJsonNumber(text, valueStart, next);
    } else if (keyLength === 4 && text.startsWith('tags', i + 1)) {
      next = parseTags(text, valueStart, end, tables, out);
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
function parseTags(text: string, i: number, end: number, tables: LineTables, out: K6Line): number {
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
    const slot =
      tables.keptKeyFilter[keyFilterIndex(text, i + 1, keyEnd)] === 1
        ? slotOfKey(tables, tables.tagKeys.idOfSlice(text, i + 1, keyEnd))
        : -1;
    if (slot >= 0)
      out.tagIds[slot] = 1 + (tables.tagValues[slot] as ValueTable).idOfSlice(text, valueStart + 1, valueEnd);
    const c = text.charCodeAt(valueEnd + 1);
    if (c === CLOSE_BRACE) return valueEnd + 2;
    if (c !== COMMA) return -1;
    i = valueEnd + 2;
  }
  return -1;
}

/** The reference reader: JSON.parse, for any line. Returns false when the line is not JSON. */
export function parseK6JsonLine(line: string, tables: LineTables, out: K6Line): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  out.kind = 'other';
  out.tagIds.fill(0);
  if (typeof parsed !== 'object' || parsed === null) return false;
  const record = parsed as { type?: unknown; metric?: unknown; data?: Record<string, unknown> };
  const data = record.data;
  if (typeof data !== 'object' || data === null) return false;
  if (record.type === 'Metric') {
    const name = String(data.name ?? record.metric ?? '');
    if (name === '') return false;
    out.kind = 'metric';
    out.metricId = tables.metrics.idOf(name);
    out.metricType = String(data.type ?? '');
    out.contains = String(data.contains ?? 'default');
    return true;
  }
  if (record.type !== 'Point' || typeof record.metric !== 'string') return true;
  const time = typeof data.time === 'string' ? data.time : '';
  const value = typeof data.value === 'number' ? data.value : Number(data.value);
  out.metricId = tables.metrics.idOf(record.metric);
  out.timeMs = parseK6Time(time, 0, time.length);
  out.value = value;
  const tags = data.tags;
  if (typeof tags === 'object' && tags !== null) {
    for (const [key, tagValue] of Object.entries(tags)) {
      const slot = slotOfKey(tables, tables.tagKeys.idOf(key));
      if (slot >= 0 && tagValue !== null && tagValue !== undefined) {
        out.tagIds[slot] = 1 + (tables.tagValues[slot] as ValueTable).idOf(String(tagValue));
      }
    }
  }
  if (Number.isNaN(out.timeMs) || Number.isNaN(out.value)) return false;
  out.kind = 'point';
  return true;
}
