// Queue-wait targets over everyone who joined: person records → Kaplan–Meier → verdicts that
// keep the admitted-only figure beside them.
import { describe, expect, it } from 'vitest';
import {
  estimateQueueWaitOverEveryone,
  judgeQueueWaitOverEveryone,
  type PersonRecord,
} from '../../harness/results/index.ts';
import type { TargetSpec, TargetVerdict } from '../../harness/stats/index.ts';

const MIN = 60_000;

/** A person who joined at 0 and was admitted after `waitMin`, or left after it (run time, ms). */
function person(waitMin: number, admitted: boolean, outcome = admitted ? 'bought' : 'gave_up'): PersonRecord {
  return {
    actor: 'person',
    outcome,
    joinedAtMs: 1_000,
    admittedAtMs: admitted ? 1_000 + waitMin * MIN : null,
    leftAtMs: 1_000 + waitMin * MIN + (admitted ? 3 * MIN : 0),
  };
}

/** The admitted-only verdict as evaluateTargets would give it (a stand-in: the histogram's p95 of the admitted). */
function admittedVerdict(spec: TargetSpec, measured: number, samples: number): TargetVerdict {
  return {
    id: spec.id,
    description: 'admitted only',
    metric: spec.metric,
    stat: spec.stat,
    op: spec.op,
    threshold: spec.threshold,
    unit: spec.unit,
    verdict: measured <= spec.threshold ? 'pass' : 'fail',
    measured,
    interval: null,
    confidence: 0.95,
    samples,
    minSamples: 20,
  };
}

const p95 = (thresholdMin: number): TargetSpec => ({
  id: 'queue-wait.p95',
  metric: 'sr_queue_wait{actor:person}',
  stat: 'p95',
  op: '<=',
  threshold: thresholdMin * MIN,
  unit: 'ms',
  scale: 1,
});

describe('estimateQueueWaitOverEveryone', () => {
  it('counts an admitted person as an event at admission − join, one who left as censored at leaving − join, and leaves out who never joined', () => {
    const records: PersonRecord[] = [
      person(2, true),
      person(4, false),
      person(6, false, 'lost_place'),
      { actor: 'person', outcome: 'error', joinedAtMs: null, leftAtMs: 5_000 },
      { actor: 'bot', outcome: 'bought', joinedAtMs: 0, admittedAtMs: 10, leftAtMs: 20 },
    ];
    const over = estimateQueueWaitOverEveryone(records);
    expect(over).toMatchObject({
      joined: 3,
      admitted: 1,
      leftBeforeAdmission: 2,
      neverJoined: 1,
      leftByOutcome: { gave_up: 1, lost_place: 1 },
    });
    expect(over.curve.steps).toHaveLength(1);
    expect(over.curve.steps[0]).toMatchObject({ time: 2 * MIN, atRisk: 3, events: 1 });
    expect(over.curve.lastTime).toBe(6 * MIN);
  });
});

describe('judgeQueueWaitOverEveryone', () => {
  it('judges the p95 on the KM quantile, keeps the admitted-only figure beside it, and says so in its description', () => {
    // 100 people: 60 admitted after 1…60 min, 40 left after 5 min (they would have waited longer).
    const records = [
      ...Array.from({ length: 60 }, (_, i) => person(i + 1, true)),
      ...Array.from({ length: 40 }, () => person(5, false)),
    ];
    const over = estimateQueueWaitOverEveryone(records);
    const spec = p95(50);
    const [verdict] = judgeQueueWaitOverEveryone([admittedVerdict(spec, 57 * MIN, 60)], [spec], over);
    // Admitted only: p95 of 1…60 min is 57 min. Over everyone the 40 censored at 5 min leave the
    // later admissions each a larger share, so the KM p95 is later: 58 min.
    expect(verdict!.measured).toBe(58 * MIN);
    expect(verdict!.verdict).toBe('fail');
    expect(verdict!.samples).toBe(100);
    expect(verdict!.description).toMatch(/95% of people who joined wait at most 50 min.*Kaplan–Meier/);
    expect(verdict!.descriptionKo).toMatch(/줄을 선 사람의 95%/);
    expect(verdict!.overEveryone).toMatchObject({
      method: 'kaplan-meier',
      interval: 'log-log',
      joined: 100,
      admitted: 60,
      leftBeforeAdmission: 40,
    });
    expect(verdict!.overEveryone!.admittedOnly).toEqual({
      verdict: 'fail',
      measured: 57 * MIN,
      interval: null,
      samples: 60,
    });
  });

  it('fails a p95 the curve never reaches when more than 5% were still waiting at the threshold, with no measured value', () => {
    // 30 admitted within 10 min, 70 left after 40 min: Ŝ stays at 0.7 up to 40 min.
    const records = [
      ...Array.from({ length: 30 }, (_, i) => person((i + 1) / 3, true)),
      ...Array.from({ length: 70 }, () => person(40, false)),
    ];
    const spec = p95(20);
    const [verdict] = judgeQueueWaitOverEveryone(
      [admittedVerdict(spec, 9.5 * MIN, 30)],
      [spec],
      estimateQueueWaitOverEveryone(records),
    );
    expect(verdict).toMatchObject({ verdict: 'fail', measured: null, reason: 'missed' });
    expect(verdict!.overEveryone!.stillWaitingAtThreshold).toBeCloseTo(0.7, 12);
    expect(verdict!.note).toMatch(/70% of the 100 people who joined were still waiting at 20 min/);
    // the admitted-only figure would have passed: the lucky ones waited under 10 min
    expect(verdict!.overEveryone!.admittedOnly.verdict).toBe('pass');
  });

  it('is inconclusive when everyone was gone before the threshold while the curve stayed above 5%', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => person((i + 1) / 10, true)),
      ...Array.from({ length: 70 }, () => person(4, false)),
    ];
    const spec = p95(20);
    const [verdict] = judgeQueueWaitOverEveryone(
      [admittedVerdict(spec, 2.9 * MIN, 30)],
      [spec],
      estimateQueueWaitOverEveryone(records),
    );
    expect(verdict).toMatchObject({ verdict: 'inconclusive', reason: 'too-few-samples', measured: null });
  });

  it('passes when everyone was admitted within the threshold, and leaves other targets and a run without records alone', () => {
    const records = Array.from({ length: 50 }, (_, i) => person(i / 10, true));
    const spec = p95(20);
    const other: TargetSpec = {
      id: 'errors.rate',
      metric: 'http_req_failed',
      stat: 'rate',
      op: '<=',
      threshold: 0.01,
      unit: 'ratio',
    };
    const otherVerdict: TargetVerdict = {
      ...admittedVerdict(other, 0, 100),
      stat: 'rate',
      unit: 'ratio',
      verdict: 'pass',
    };
    const [wait, errors] = judgeQueueWaitOverEveryone(
      [admittedVerdict(spec, 4.7 * MIN, 50), otherVerdict],
      [spec, other],
      estimateQueueWaitOverEveryone(records),
    );
    expect(wait!.verdict).toBe('pass');
    expect(wait!.measured).toBe(4.7 * MIN);
    expect(errors).toBe(otherVerdict);
    const untouched = admittedVerdict(spec, 4.7 * MIN, 50);
    expect(judgeQueueWaitOverEveryone([untouched], [spec], null)[0]).toBe(untouched);
  });
});
