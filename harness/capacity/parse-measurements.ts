/**
 * Reading measured (load, throughput[, latency]) points from a CSV file's text, for
 * `saleready capacity fit FILE.csv`. Pure: the CLI reads the file and passes its text.
 */
import { UsageError } from '../errors.ts';
import { detectDelimiter, splitRecords, type Delimiter } from './csv-records.ts';

export interface MeasuredPoint {
  /** Load N: concurrency, virtual users, processors … (> 0). */
  readonly load: number;
  /** Throughput X at that load (≥ 0), in the file's unit. */
  readonly throughput: number;
  /** Response time at that load (≥ 0), in the file's unit, when the file has the column. */
  readonly latency?: number;
}

export interface ParsedMeasurements {
  readonly points: readonly MeasuredPoint[];
  /** The file's line of each point, in the same order. */
  readonly lines: readonly number[];
  /** The header names used for each role, as written in the file. */
  readonly columns: { readonly load: string; readonly throughput: string; readonly latency: string | null };
  readonly delimiter: Delimiter;
  readonly warnings: readonly string[];
}

type Role = 'load' | 'throughput' | 'latency';

/** The largest load a row may give: a billion concurrent users is past any measurement (and keeps N² exact). */
export const MAX_LOAD = 1_000_000_000;
/** The largest throughput or latency a row may give (1e15 per second is past any system measured). */
export const MAX_MEASURED_VALUE = 1e15;

// Header names accepted for each role, after normalising (see normaliseHeader).
const ALIASES: Record<Role, readonly string[]> = {
  load: [
    'load',
    'n',
    'concurrency',
    'concurrent',
    'concurrent_users',
    'vus',
    'vu',
    'virtual_users',
    'users',
    'clients',
    'processors',
    'procs',
    'cpus',
    'threads',
    'workers',
    'connections',
    'in_flight',
    'parallelism',
  ],
  throughput: [
    'throughput',
    'x',
    'tput',
    'rps',
    'tps',
    'qps',
    'ops',
    'rate',
    'req_s',
    'reqs_s',
    'requests_s',
    'req_per_sec',
    'reqs_per_sec',
    'requests_per_sec',
    'requests_per_second',
    'transactions_per_second',
    'ops_per_sec',
    'ops_s',
    'iterations_per_second',
  ],
  latency: [
    'latency',
    'response_time',
    'responsetime',
    'resp_time',
    'r',
    'rt',
    'duration',
    'mean_latency',
    'avg_latency',
    'latency_mean',
    'latency_avg',
    'mean_response_time',
    'avg_response_time',
  ],
};
const UNIT_SUFFIX = /_(ms|s|sec|secs|seconds|us|millis|milliseconds|min|minutes)$/;

/** "Throughput (req/s)" → "throughput", "Latency_ms" → "latency_ms". */
function normaliseHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function roleOf(name: string): Role | null {
  const key = normaliseHeader(name);
  for (const candidate of [key, key.replace(UNIT_SUFFIX, '')]) {
    for (const role of ['load', 'throughput', 'latency'] as const) {
      if (ALIASES[role].includes(candidate)) return role;
    }
  }
  return null;
}

/**
 * Parses measurements from CSV text. The header names the columns (case and units in
 * brackets ignored): load as load / N / concurrency / vus / users / clients / processors /
 * threads / workers …; throughput as throughput / X / rps / tps / rate …; optionally
 * latency / response_time / R …. Fields are separated by commas, semicolons or tabs
 * (detected from the header); with semicolons or tabs a decimal comma is accepted.
 * Quoted fields, blank lines and # comment lines are allowed. Other columns are ignored
 * (with a warning); a row with more non-empty fields than the header is an error. Every error is a UsageError naming `source`, the line, and the column.
 * O(text length).
 */
export function parseMeasurements(text: string, source: string): ParsedMeasurements {
  const firstLine = firstContentLine(text);
  if (firstLine === null) {
    throw new UsageError(
      'capacity.csv-empty',
      `${source}: no header row found: the file is empty or holds only comments`,
      ['the first line should name the columns, e.g. "load,throughput"'],
    );
  }
  const delimiter = detectDelimiter(firstLine);
  const [header, ...rows] = splitRecords(text, delimiter, source);
  const warnings: string[] = [];
  const index: Record<Role, number> = { load: -1, throughput: -1, latency: -1 };
  const ignored: string[] = [];
  header!.fields.forEach((name, column) => {
    const role = roleOf(name);
    if (role === null) {
      if (name !== '') ignored.push(name);
    } else if (index[role] >= 0) {
      warnings.push(
        `columns "${header!.fields[index[role]]}" and "${name}" both look like ${role}; using "${header!.fields[index[role]]}"`,
      );
    } else {
      index[role] = column;
    }
  });
  const found = header!.fields.map((f) => `"${f}"`).join(', ');
  for (const role of ['load', 'throughput'] as const) {
    if (index[role] < 0) {
      throw new UsageError(
        'capacity.csv-missing-column',
        `${source} line ${header!.line}: no ${role} column in the header (found ${found})`,
        [`name the ${role} column one of: ${ALIASES[role].slice(0, 10).join(', ')}`],
      );
    }
  }
  if (ignored.length > 0) warnings.push(`ignored columns: ${ignored.join(', ')}`);
  const decimalComma = delimiter !== ',';

  const points: MeasuredPoint[] = rows.map((row, rowIndex) => {
    const where = (role: Role): string =>
      `${source} line ${row.line} (data row ${rowIndex + 1}), column "${header!.fields[index[role]]}"`;
    const read = (role: Role, mustBePositive: boolean): number => {
      const raw = row.fields[index[role]];
      if (raw === undefined) {
        throw new UsageError(
          'capacity.csv-short-row',
          `${where(role)}: the row has ${row.fields.length} field(s), the header ${header!.fields.length}`,
        );
      }
      if (raw === '') throw new UsageError('capacity.csv-empty-value', `${where(role)}: the value is empty`);
      const value = parseNumber(raw, decimalComma);
      if (value === null) {
        throw new UsageError('capacity.csv-not-a-number', `${where(role)}: "${raw}" is not a number`);
      }
      if (value < 0) {
        throw new UsageError('capacity.csv-negative', `${where(role)}: ${raw} is negative; ${role} must be 0 or more`);
      }
      if (mustBePositive && value === 0) {
        throw new UsageError('capacity.csv-zero-load', `${where(role)}: the load is 0; loads must be greater than 0`);
      }
      if (role === 'load' && value > MAX_LOAD) {
        throw new UsageError(
          'capacity.csv-too-large',
          `${where(role)}: ${raw} is past any measured load; loads must be at most ${MAX_LOAD.toLocaleString('en-US')}`,
        );
      }
      if (role !== 'load' && value > MAX_MEASURED_VALUE) {
        throw new UsageError(
          'capacity.csv-too-large',
          `${where(role)}: ${raw} is past any measured ${role}; values must be at most 1e15`,
        );
      }
      return value;
    };
    if (row.fields.slice(header!.fields.length).some((f) => f !== '')) {
      throw new UsageError(
        'capacity.csv-extra-fields',
        `${source} line ${row.line} (data row ${rowIndex + 1}): ${row.fields.length} fields, but the header has ${header!.fields.length}`,
        delimiter === ','
          ? ['a decimal comma splits a number in two here: write 1.5, or separate fields with semicolons']
          : [],
      );
    }
    const load = read('load', true);
    const throughput = read('throughput', false);
    if (index.latency >= 0) return { load, throughput, latency: read('latency', false) };
    return { load, throughput };
  });

  if (points.length < 3) {
    throw new UsageError(
      'capacity.csv-too-few-rows',
      `${source}: ${points.length} data row(s); a capacity fit needs at least 3 (6 or more recommended)`,
    );
  }
  const lines = rows.map((row) => row.line);
  checkSpread(points, lines, source);
  return {
    points,
    lines,
    columns: {
      load: header!.fields[index.load]!,
      throughput: header!.fields[index.throughput]!,
      latency: index.latency >= 0 ? header!.fields[index.latency]! : null,
    },
    delimiter,
    warnings,
  };
}

/** "lines 2–5", "line 4", "lines 2, 7 and 9": where a value occurs. */
function describeLines(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const consecutive = lines.every((line, i) => i === 0 || line === lines[i - 1]! + 1);
  if (consecutive) return `lines ${lines[0]}–${lines[lines.length - 1]}`;
  const shown = lines.slice(0, 4).join(', ');
  return `lines ${shown}${lines.length > 4 ? ` and ${lines.length - 4} more` : ''}`;
}

/**
 * A fit needs 3 different loads and some throughput; refuse otherwise, naming the lines
 * (repeated rows at one load are fine: several runs per load). O(n).
 */
function checkSpread(points: readonly MeasuredPoint[], lines: readonly number[], source: string): void {
  const linesByLoad = new Map<number, number[]>();
  points.forEach((point, i) => {
    const at = linesByLoad.get(point.load);
    if (at) at.push(lines[i]!);
    else linesByLoad.set(point.load, [lines[i]!]);
  });
  if (linesByLoad.size < 3) {
    const where = [...linesByLoad].map(([load, at]) => `load ${load} on ${describeLines(at)}`).join(', ');
    throw new UsageError(
      'capacity.csv-too-few-loads',
      `${source}: a capacity fit needs throughput at 3 or more different loads, got ${linesByLoad.size} (${where})`,
      ['measure at 6 or more loads, from 1 up to past the expected peak'],
    );
  }
  if (points.every((point) => point.throughput === 0)) {
    throw new UsageError(
      'capacity.csv-no-throughput',
      `${source}: every throughput is 0 (${describeLines(lines)}): there is nothing to fit`,
    );
  }
}

function firstContentLine(text: string): string | null {
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) return raw;
  }
  return null;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number (optionally with exponent, or a decimal comma), else null. */
function parseNumber(raw: string, decimalComma: boolean): number | null {
  const text = decimalComma && /^[^.]*,[^,]*$/.test(raw) ? raw.replace(',', '.') : raw;
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
