import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitUsl, parseMeasurements } from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';
import { thrownBy } from '../helpers/thrown.ts';

describe('parseMeasurements: accepted forms', () => {
  it('reads the raytracer fixture and fits it like the R package usl (rows 1–6)', () => {
    const text = readFileSync(new URL('../../fixtures/capacity/raytracer.csv', import.meta.url), 'utf8');
    const parsed = parseMeasurements(text, 'raytracer.csv');
    expect(parsed.points).toHaveLength(11);
    expect(parsed.columns).toEqual({ load: 'processors', throughput: 'throughput', latency: null });
    expect(parsed.points[10]).toEqual({ load: 64, throughput: 310 });
    expect(parsed.warnings).toEqual([]);
    // REFERENCES.md: σ = 0.02444, κ = 0.00163 (±5e-6).
    const fit = fitUsl(parsed.points.slice(0, 6));
    expect(Math.abs(fit.params.sigma - 0.02444)).toBeLessThan(5e-6);
    expect(Math.abs(fit.params.kappa - 0.00163)).toBeLessThan(5e-6);
  });

  it('reads the synthetic fixture (peak N* = 7.0 ± 0.05) and the specsdm91 fixture (peak 96.52 ± 0.005)', () => {
    const read = (name: string) =>
      parseMeasurements(readFileSync(new URL(`../../fixtures/capacity/${name}`, import.meta.url), 'utf8'), name);
    expect(Math.abs(fitUsl(read('synthetic.csv').points).peakLoad - 7)).toBeLessThan(0.05);
    expect(Math.abs(fitUsl(read('specsdm91.csv').points).peakLoad - 96.52)).toBeLessThan(0.005);
  });

  it('accepts other header names, units in brackets, an optional latency column and CRLF', () => {
    const parsed = parseMeasurements(
      'VUs,"Throughput (req/s)",Latency_ms\r\n1,10,100\r\n2,19,105\r\n4,35,114\r\n',
      'k6.csv',
    );
    expect(parsed.columns).toEqual({ load: 'VUs', throughput: 'Throughput (req/s)', latency: 'Latency_ms' });
    expect(parsed.points).toEqual([
      { load: 1, throughput: 10, latency: 100 },
      { load: 2, throughput: 19, latency: 105 },
      { load: 4, throughput: 35, latency: 114 },
    ]);
  });

  it.each([
    ['N', 'X'],
    ['concurrency', 'rps'],
    ['users', 'tps'],
    ['clients', 'rate'],
    ['Processors', 'Throughput'],
    ['threads', 'requests_per_second'],
  ])('recognises "%s" as load and "%s" as throughput', (load, throughput) => {
    const parsed = parseMeasurements(`${load},${throughput}\n1,1\n2,2\n3,3\n`, 'f.csv');
    expect(parsed.columns.load).toBe(load);
    expect(parsed.columns.throughput).toBe(throughput);
  });

  it('detects semicolons with decimal commas, and tabs', () => {
    const semi = parseMeasurements('load;throughput\n1;1,5\n2;2,75\n4;4\n', 'eu.csv');
    expect(semi.delimiter).toBe(';');
    expect(semi.points.map((p) => p.throughput)).toEqual([1.5, 2.75, 4]);
    const tab = parseMeasurements('n\tx\n1\t1.5\n2\t2.5e0\n4\t4\n', 'tab.tsv');
    expect(tab.delimiter).toBe('\t');
    expect(tab.points.map((p) => p.throughput)).toEqual([1.5, 2.5, 4]);
  });

  it('skips blank lines and # comments, keeps quoted fields, ignores and reports other columns', () => {
    const text =
      '# measured 2025-03-01\n\nrun,load,throughput\n"a, first",1,10\n\n# warm-up done\n"b ""x""",2,19\nc,4,35\n';
    const parsed = parseMeasurements(text, 'm.csv');
    expect(parsed.points).toEqual([
      { load: 1, throughput: 10 },
      { load: 2, throughput: 19 },
      { load: 4, throughput: 35 },
    ]);
    expect(parsed.warnings).toEqual(['ignored columns: run']);
  });

  it('uses the first of two load-like columns and says so', () => {
    const parsed = parseMeasurements('vus,clients,rps\n1,9,10\n2,9,19\n4,9,35\n', 'two.csv');
    expect(parsed.points[2]).toEqual({ load: 4, throughput: 35 });
    expect(parsed.warnings[0]).toMatch(/"vus" and "clients" both look like load; using "vus"/);
  });
});

describe('parseMeasurements: errors name the file, line and column', () => {
  it('a non-numeric value', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2,fast\n4,35\n', 'runs.csv'));
    expect(error.code).toBe('capacity.csv-not-a-number');
    expect(error.message).toBe('runs.csv line 3 (data row 2), column "throughput": "fast" is not a number');
    expect(error.exitCode).toBe(2);
  });

  it('more fields than the header (a decimal comma in a comma-separated file is not split silently)', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2,1,5\n4,35\n', 'runs.csv'));
    expect(error.code).toBe('capacity.csv-extra-fields');
    expect(error.message).toBe('runs.csv line 3 (data row 2): 3 fields, but the header has 2');
    expect(error.hints[0]).toMatch(/decimal comma/);
    // A trailing delimiter (an empty extra field) is fine.
    expect(parseMeasurements('load,throughput\n1,10,\n2,19,\n4,35,\n', 't.csv').points).toHaveLength(3);
  });

  it('a malformed number such as 1.5.2', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2,1.5.2\n4,35\n', 'runs.csv'));
    expect(error.message).toMatch(/line 3 .*"1\.5\.2" is not a number/);
  });

  it('a negative value', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2,19\n-4,35\n', 'runs.csv'));
    expect(error.code).toBe('capacity.csv-negative');
    expect(error.message).toBe('runs.csv line 4 (data row 3), column "load": -4 is negative; load must be 0 or more');
  });

  it('a negative latency', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput,latency\n1,10,5\n2,19,-1\n4,35,7\n', 'l.csv'));
    expect(error.message).toMatch(/l\.csv line 3 \(data row 2\), column "latency": -1 is negative/);
  });

  it('a zero load', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n0,0\n2,19\n4,35\n', 'z.csv'));
    expect(error.code).toBe('capacity.csv-zero-load');
    expect(error.message).toMatch(/z\.csv line 2 \(data row 1\), column "load"/);
  });

  it('an empty value and a short row', () => {
    expect(thrownBy(() => parseMeasurements('load,throughput\n1,\n2,19\n4,35\n', 'e.csv')).message).toBe(
      'e.csv line 2 (data row 1), column "throughput": the value is empty',
    );
    const short = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2\n4,35\n', 's.csv'));
    expect(short.code).toBe('capacity.csv-short-row');
    expect(short.message).toMatch(/s\.csv line 3 \(data row 2\), column "throughput": the row has 1 field/);
  });

  it('a missing throughput column, listing what was found and what is accepted', () => {
    const error = thrownBy(() => parseMeasurements('# header next\nload,latency\n1,10\n2,19\n4,35\n', 'nox.csv'));
    expect(error.code).toBe('capacity.csv-missing-column');
    expect(error.message).toBe('nox.csv line 2: no throughput column in the header (found "load", "latency")');
    expect(error.hints[0]).toMatch(/throughput, x, tput, rps/);
  });

  it('a missing load column', () => {
    const error = thrownBy(() => parseMeasurements('time,throughput\n1,10\n2,19\n4,35\n', 'nol.csv'));
    expect(error.message).toMatch(/^nol\.csv line 1: no load column/);
  });

  it('fewer than 3 data rows', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n\n2,19\n# end\n', 'few.csv'));
    expect(error.code).toBe('capacity.csv-too-few-rows');
    expect(error.message).toMatch(/^few\.csv: 2 data row\(s\); a capacity fit needs at least 3/);
  });

  it('an empty file or one with only comments', () => {
    expect(thrownBy(() => parseMeasurements('', 'empty.csv')).code).toBe('capacity.csv-empty');
    expect(thrownBy(() => parseMeasurements('# nothing\n\n', 'c.csv')).message).toMatch(/^c\.csv: no header row/);
  });

  it('an unclosed quote', () => {
    const error = thrownBy(() => parseMeasurements('load,throughput\n1,10\n2,"19\n4,35\n', 'q.csv'));
    expect(error.code).toBe('capacity.csv-open-quote');
    expect(error.message).toBe('q.csv line 3: a quoted field is not closed');
  });
});
