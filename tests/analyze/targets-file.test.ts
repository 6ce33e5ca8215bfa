import { describe, expect, it } from 'vitest';
import { parseK6Threshold, parseTargetsFile, splitSelectorAndThreshold } from '../../harness/analyze/index.ts';
import { UsageError } from '../../harness/errors.ts';

describe('parseK6Threshold (k6 docs, "Thresholds": aggregation operator value)', () => {
  it('maps k6 aggregations to saleready statistics', () => {
    expect(parseK6Threshold('p(95)<800')).toEqual({ stat: 'p95', op: '<', threshold: 800 });
    expect(parseK6Threshold('p(99.9) <= 1500')).toEqual({ stat: 'p99.9', op: '<=', threshold: 1500 });
    expect(parseK6Threshold('avg<200')).toEqual({ stat: 'of.mean', op: '<', threshold: 200 });
    expect(parseK6Threshold('med>=1')).toEqual({ stat: 'p50', op: '>=', threshold: 1 });
    expect(parseK6Threshold('rate<0.01')).toEqual({ stat: 'rate', op: '<', threshold: 0.01 });
    expect(parseK6Threshold('count===0')).toEqual({ stat: 'count', op: '==', threshold: 0 });
    expect(parseK6Threshold('value>5')).toEqual({ stat: 'last', op: '>', threshold: 5 });
  });
  it('refuses != and anything that is not an expression, saying why', () => {
    expect(parseK6Threshold('rate!=0')).toMatch(/!= cannot be judged/);
    expect(parseK6Threshold('p95 under 800')).toMatch(/not a k6 threshold expression/);
  });
  it('splits "selector: expression" even when the selector holds colons', () => {
    expect(splitSelectorAndThreshold('http_req_duration{group:::sign in,name:login}: p(95)<800')).toEqual({
      selector: 'http_req_duration{group:::sign in,name:login}',
      expression: 'p(95)<800',
    });
  });
});

describe('parseTargetsFile', () => {
  it('reads a YAML list of TargetSpec-like objects, k6 strings and one-key maps', () => {
    const drafts = parseTargetsFile(
      [
        '- { id: errors, metric: http_req_failed, stat: rate, op: "<", threshold: 0.01, unit: ratio }',
        '- "http_req_duration{name:checkout}: p(95)<800"',
        '- http_req_duration{name:login}: [p(95)<500, p(99)<900]',
      ].join('\n'),
      't.yaml',
    );
    expect(drafts.map((draft) => [draft.id, draft.metric, draft.stat, draft.op, draft.threshold])).toEqual([
      ['errors', 'http_req_failed', 'rate', '<', 0.01],
      ['http_req_duration{name:checkout}.p95', 'http_req_duration{name:checkout}', 'p95', '<', 800],
      ['http_req_duration{name:login}.p95', 'http_req_duration{name:login}', 'p95', '<', 500],
      ['http_req_duration{name:login}.p99', 'http_req_duration{name:login}', 'p99', '<', 900],
    ]);
  });
  it('reads k6 options.thresholds as JSON, with { threshold } objects', () => {
    const drafts = parseTargetsFile(
      JSON.stringify({
        thresholds: { http_req_failed: [{ threshold: 'rate<0.05', abortOnFail: true }], checks: 'rate>0.99' },
      }),
      't.json',
    );
    expect(drafts.map((draft) => draft.id)).toEqual(['http_req_failed.rate', 'checks.rate']);
  });
  it('names the entry and the field of a bad one', () => {
    const bad = (text: string): string => {
      try {
        parseTargetsFile(text, 'x.yaml');
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad('- { metric: http_reqs, stat: count, op: ">", threshold: ten }')).toMatch(
      /x\.yaml, entry 1 \(http_reqs\): .*threshold/,
    );
    expect(bad('- { metric: http_reqs, stat: count, op: ">", threshold: 1, colour: red }')).toMatch(/entry 1 .*colour/);
    expect(bad('- "http_req_duration{name:x: p(95)<1"')).toMatch(/entry 1 .*not a metric selector/);
    expect(bad('[]')).toMatch(/holds no targets/);
    expect(bad('- 42')).toMatch(/entry 1: expected an object or a string/);
  });
});
