import { describe, expect, it } from 'vitest';
import {
  createK6Line,
  parseK6JsonLine,
  parseK6JsonLineFast,
  parseJsonNumber,
  parseK6Time,
  type K6Line,
} from '../../harness/results/k6-json-line.ts';
import { createLineTables, type LineTables } from '../../harness/results/value-table.ts';

const kept = ['step', 'status', 'name'];

/** The line with its interned ids turned back into strings. */
function decode(tables: LineTables, line: K6Line) {
  return {
    kind: line.kind,
    metric: line.metricId < 0 ? '' : tables.metrics.valueOf(line.metricId),
    timeMs: line.timeMs,
    value: line.value,
    tagValues: Array.from(line.tagIds, (id, slot) => (id === 0 ? undefined : tables.tagValues[slot]?.valueOf(id - 1))),
  };
}

function both(text: string) {
  const fastTables = createLineTables(kept);
  const slowTables = createLineTables(kept);
  const fastLine = createK6Line(fastTables);
  const slowLine = createK6Line(slowTables);
  const fastOk = parseK6JsonLineFast(text, 0, text.length, fastTables, fastLine);
  const slowOk = parseK6JsonLine(text, slowTables, slowLine);
  return { fastOk, slowOk, fast: decode(fastTables, fastLine), slow: decode(slowTables, slowLine) };
}

describe('k6 JSON line readers', () => {
  it('read a Point line to the same metric, time, value and kept tags', () => {
    const line =
      '{"metric":"http_req_duration","type":"Point","data":{"time":"2026-11-25T19:52:51.423378828Z","value":12.5,' +
      '"tags":{"group":"","name":"checkout","status":"200","step":"checkout","url":"http://127.0.0.1:1/checkout"}}}';
    const { fastOk, slowOk, fast, slow } = both(line);
    expect(fastOk && slowOk).toBe(true);
    expect(fast).toEqual(slow);
    expect(fast).toMatchObject({
      kind: 'point',
      metric: 'http_req_duration',
      value: 12.5,
      tagValues: ['checkout', '200', 'checkout'],
    });
    expect(fast.timeMs).toBeCloseTo(Date.UTC(2026, 10, 25, 19, 52, 51, 423) + 0.378828, 4);
  });

  it('accept another key order, metadata, exponents and time zones', () => {
    const line =
      '{"type":"Point","data":{"tags":{"step":"join"},"metadata":{"vu":"3","iter":"[1,2]"},"value":1.5e-3,' +
      '"time":"2026-11-26T04:52:51.5+09:00"},"metric":"sr_queue_wait"}';
    const { fastOk, fast, slow } = both(line);
    expect(fastOk).toBe(true);
    expect(fast).toEqual(slow);
    expect(fast.value).toBe(0.0015);
    expect(fast.timeMs).toBe(Date.UTC(2026, 10, 25, 19, 52, 51, 500));
  });

  it('leave lines they do not expect to JSON.parse: whitespace, non-string tags, Metric declarations', () => {
    for (const line of [
      '{ "metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":1,"tags":{}}}',
      '{"metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":1,"tags":{"status":200}}}',
      '{"type":"Metric","data":{"name":"x","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"x"}',
    ]) {
      const { fastOk, slowOk, slow } = both(line);
      expect(fastOk).toBe(false);
      expect(slowOk).toBe(true);
      expect(slow.kind === 'point' || slow.kind === 'metric').toBe(true);
    }
    const { slow } = both(
      '{"metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":1,"tags":{"status":200}}}',
    );
    expect(slow.tagValues[1]).toBe('200');
  });

  it('JSON.parse reads escaped tag values (the caller never sends lines with a backslash to the fast reader)', () => {
    const line =
      '{"metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":2,"tags":{"name":"a \\"quoted\\" name"}}}';
    const { slowOk, slow } = both(line);
    expect(slowOk).toBe(true);
    expect(slow.tagValues[2]).toBe('a "quoted" name');
  });

  it('reject lines that are not k6 JSON', () => {
    const { fastOk, slowOk } = both('metric_name,timestamp,metric_value');
    expect(fastOk || slowOk).toBe(false);
  });

  it('parse RFC 3339 times with and without fractions, caching the second', () => {
    const times = [
      '2026-11-25T19:52:51Z',
      '2026-11-25T19:52:51.001Z',
      '2026-11-25T19:52:51.999999999Z',
      '2026-11-25T20:52:52+01:00',
    ];
    const parsed = times.map((time) => parseK6Time(time, 0, time.length));
    expect(parsed[0]).toBe(Date.UTC(2026, 10, 25, 19, 52, 51));
    expect(parsed[1]).toBeCloseTo((parsed[0] as number) + 1, 9);
    expect(parsed[2]).toBeCloseTo((parsed[0] as number) + 999.999999, 6);
    expect(parsed[3]).toBe((parsed[0] as number) + 1000);
    expect(parseK6Time('yesterday', 0, 9)).toBeNaN();
  });
});

describe('parseJsonNumber', () => {
  it('equals Number() on every form k6 writes (fast path and fallback)', () => {
    const samples = [
      '0',
      '1',
      '-1',
      '12.5',
      '0.000123',
      '104.534399',
      '8.531514',
      '1e-05',
      '1.5E+3',
      '-0.0',
      '123456789012345',
      '1234567890123456789',
      '0.1234567890123456789',
      '4375.575538485284',
      '9007199254740993',
      '3.',
      '-',
      '1.2.3',
    ];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 16807) % 2147483647;
      const value = (seed / 2147483647) * 10 ** ((seed % 12) - 4);
      samples.push(String(value), value.toFixed(seed % 9), String(Math.round(value * 1e6) / 1e6));
    }
    for (const text of samples) expect(Object.is(parseJsonNumber(text, 0, text.length), Number(text)), text).toBe(true);
  });
});
