import { describe, expect, it } from 'vitest';
import { createK6Line, parseK6JsonLine, parseK6JsonLineFast, parseK6Time } from '../../harness/results/k6-json-line.ts';

const tagIndex = new Map([['step', 0], ['status', 1], ['name', 2]]);

function both(line: string) {
  const fast = createK6Line(3);
  const slow = createK6Line(3);
  const fastOk = parseK6JsonLineFast(line, 0, line.length, tagIndex, fast);
  const slowOk = parseK6JsonLine(line, tagIndex, slow);
  return { fastOk, slowOk, fast, slow };
}

describe('k6 JSON line readers', () => {
  it('read a Point line to the same metric, time, value and kept tags', () => {
    const line =
      '{"metric":"http_req_duration","type":"Point","data":{"time":"2026-11-25T19:52:51.423378828Z","value":12.5,' +
      '"tags":{"group":"","name":"checkout","status":"200","step":"checkout","url":"http://127.0.0.1:1/checkout"}}}';
    const { fastOk, slowOk, fast, slow } = both(line);
    expect(fastOk && slowOk).toBe(true);
    expect(fast).toEqual(slow);
    expect(fast).toMatchObject({ kind: 'point', metric: 'http_req_duration', value: 12.5, tagValues: ['checkout', '200', 'checkout'] });
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
    const { slow } = both('{"metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":1,"tags":{"status":200}}}');
    expect(slow.tagValues[1]).toBe('200');
  });

  it('JSON.parse reads escaped tag values (the caller never sends lines with a backslash to the fast reader)', () => {
    const line = '{"metric":"x","type":"Point","data":{"time":"2026-11-25T19:52:51Z","value":2,"tags":{"name":"a \\"quoted\\" name"}}}';
    const slow = createK6Line(3);
    expect(parseK6JsonLine(line, tagIndex, slow)).toBe(true);
    expect(slow.tagValues[2]).toBe('a "quoted" name');
  });

  it('reject lines that are not k6 JSON', () => {
    const { fastOk, slowOk } = both('metric_name,timestamp,metric_value');
    expect(fastOk || slowOk).toBe(false);
  });

  it('parse RFC 3339 times with and without fractions, caching the second', () => {
    const times = ['2026-11-25T19:52:51Z', '2026-11-25T19:52:51.001Z', '2026-11-25T19:52:51.999999999Z', '2026-11-25T20:52:52+01:00'];
    const parsed = times.map((time) => parseK6Time(time, 0, time.length));
    expect(parsed[0]).toBe(Date.UTC(2026, 10, 25, 19, 52, 51));
    expect(parsed[1]).toBeCloseTo((parsed[0] as number) + 1, 9);
    expect(parsed[2]).toBeCloseTo((parsed[0] as number) + 999.999999, 6);
    expect(parsed[3]).toBe((parsed[0] as number) + 1000);
    expect(parseK6Time('yesterday', 0, 9)).toBeNaN();
  });
});
