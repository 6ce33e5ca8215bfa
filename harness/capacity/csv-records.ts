/**
 * Splitting delimited text (CSV, semicolon- or tab-separated) into records, for
 * parse-measurements.ts. Internal. RFC 4180 quoting: a field in double quotes may hold the
 * delimiter, line breaks and "" for a quote. Blank lines and lines starting with # are
 * skipped. Each record keeps the line it starts on, so errors can point at it.
 */
import { UsageError } from '../errors.ts';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * The delimiter of a header line: whichever of , ; and tab occurs most often outside
 * quotes (comma on a tie or when none occurs). O(line length).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * Splits text into records of fields (whitespace around unquoted fields trimmed).
 * Throws a UsageError naming the source and line when a quote is not closed.
 * Source: RFC 4180 §2. O(text length).
 */
export function splitRecords(text: string, delimiter: Delimiter, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  const n = body.length;
  while (i < n) {
    // At the start of a line: skip blank lines and # comments.
    let j = i;
    while (j < n && (body[j] === ' ' || body[j] === '\t') && delimiter !== '\t') j++;
    if (j >= n) break;
    if (body[j] === '#' || body[j] === '\n' || body[j] === '\r' || (delimiter === '\t' && isBlankLine(body, i))) {
      while (i < n && body[i] !== '\n') i++;
      i++;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= n) {
        if (quoted) {
          throw new UsageError('capacity.csv-open-quote', `${source} line ${startLine}: a quoted field is not closed`);
        }
        fields.push(wasQuoted ? field : field.trim());
        break;
      }
      const ch = body[i]!;
      if (quoted) {
        if (ch === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (ch === '\n') line++;
        field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field.trim() === '') {
        quoted = true;
        wasQuoted = true;
        field = '';
        i++;
        continue;
      }
      if (ch === delimiter) {
        fields.push(wasQuoted ? field : field.trim());
        field = '';
        wasQuoted = false;
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        fields.push(wasQuoted ? field : field.trim());
        if (ch === '\r' && body[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      }
      if (!wasQuoted) field += ch;
      i++;
    }
    records.push({ line: startLine, fields });
  }
  return records;
}

function isBlankLine(body: string, from: number): boolean {
  for (let k = from; k < body.length && body[k] !== '\n'; k++) {
    if (body[k] !== ' ' && body[k] !== '\t' && body[k] !== '\r') return false;
  }
  return true;
}
