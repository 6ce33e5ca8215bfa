import { describe, expect, it } from 'vitest';
import { EnvironmentError, UsageError } from '../../harness/errors.ts';
import { errorForK6Exit, lastK6Error, parseK6Metrics } from '../../harness/k6/index.ts';

// Lines as k6 v2.2.0 writes them to stderr.
const SCRIPT_EXCEPTION =
  'time="2026-11-25T19:58:51Z" level=error msg="Error: No target shop: run with -e SALEREADY_TARGET_URL=http://127.0.0.1:PORT\\n\\tat file:///tmp/sr/smoke/script.js:84:9(150)\\n" hint="script exception" source=stacktrace';
const THRESHOLDS = 'time="2026-11-25T19:53:45Z" level=error msg="thresholds on metrics \'sr_arrivals\' have been crossed"';

describe('k6 exit codes', () => {
  it('takes the first line of k6\'s last error message, without the stack', () => {
    expect(lastK6Error(`some output\n${SCRIPT_EXCEPTION}\n`)).toBe('Error: No target shop: run with -e SALEREADY_TARGET_URL=http://127.0.0.1:PORT');
  });

  it('treats 0, 99 (thresholds crossed) and 105 (interrupted) as finished runs', () => {
    expect(errorForK6Exit(0, '')).toBeNull();
    expect(errorForK6Exit(99, THRESHOLDS)).toBeNull();
    expect(errorForK6Exit(105, '')).toBeNull();
  });

  it('maps script and option errors to usage errors, the rest to environment errors', () => {
    const script = errorForK6Exit(107, SCRIPT_EXCEPTION);
    expect(script).toBeInstanceOf(UsageError);
    expect(script?.message).toBe('The k6 script failed: Error: No target shop: run with -e SALEREADY_TARGET_URL=http://127.0.0.1:PORT');
    expect(errorForK6Exit(104, 'level=error msg="invalid duration"')).toBeInstanceOf(UsageError);
    const timeout = errorForK6Exit(100, 'level=error msg="setup() execution timed out after 30 seconds"');
    expect(timeout).toBeInstanceOf(EnvironmentError);
    expect(timeout?.code).toBe('K6_TIMEOUT');
    expect(errorForK6Exit(106, '')?.code).toBe('K6_REST_API');
    expect(errorForK6Exit(1, 'boom')?.message).toBe('k6 exited with code 1: boom');
  });
});

describe('parseK6Metrics', () => {
  // A `GET /v1/metrics` body from k6 v2.2.0 during a run (trimmed to the metrics used).
  const body = {
    data: [
      { type: 'metrics', id: 'sr_outcome', attributes: { type: 'counter', contains: 'default', tainted: null, sample: { count: 19, rate: 7.58 } } },
      { type: 'metrics', id: 'sr_outcome{outcome:bought}', attributes: { type: 'counter', contains: 'default', tainted: false, sample: { count: 9, rate: 3.59 } } },
      { type: 'metrics', id: 'sr_outcome{outcome:sold_out}', attributes: { type: 'counter', contains: 'default', tainted: false, sample: { count: 10, rate: 4 } } },
      { type: 'metrics', id: 'sr_arrivals', attributes: { type: 'counter', contains: 'default', tainted: null, sample: { count: 22, rate: 8.8 } } },
      { type: 'metrics', id: 'sr_admitted', attributes: { type: 'counter', contains: 'default', tainted: null, sample: { count: 20, rate: 8 } } },
      { type: 'metrics', id: 'http_reqs', attributes: { type: 'counter', contains: 'default', tainted: null, sample: { count: 140, rate: 56 } } },
      { type: 'metrics', id: 'http_req_duration', attributes: { type: 'trend', contains: 'time', tainted: null, sample: { avg: 2.1, max: 9.5, med: 1.8, min: 0.4, 'p(90)': 3.2, 'p(95)': 4.4 } } },
      { type: 'metrics', id: 'http_req_failed', attributes: { type: 'rate', contains: 'default', tainted: null, sample: { rate: 0.0125 } } },
      { type: 'metrics', id: 'vus', attributes: { type: 'gauge', contains: 'default', tainted: null, sample: { value: 5 } } },
    ],
  };

  it('reads arrivals, admissions, outcomes, latency and failures', () => {
    expect(parseK6Metrics(body, 2000)).toEqual({
      elapsedMs: 2000,
      vus: 5,
      arrivals: 22,
      admitted: 20,
      outcomes: { bought: 9, sold_out: 10 },
      finished: 19,
      httpReqs: 140,
      httpReqDurationP95Ms: 4.4,
      httpReqFailedRate: 0.0125,
    });
  });

  it('reads nothing as zeros and no latency before the first request', () => {
    expect(parseK6Metrics({ data: [] }, 0)).toEqual({
      elapsedMs: 0, vus: 0, arrivals: 0, admitted: 0, outcomes: {}, finished: 0, httpReqs: 0, httpReqDurationP95Ms: null, httpReqFailedRate: null,
    });
  });
});
