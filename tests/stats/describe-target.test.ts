import { describe, expect, it } from 'vitest';
import { describeStatistic, describeTarget, type DescribedTarget } from '../../harness/stats/describe-target.ts';
import { formatNumber, formatQuantity } from '../../harness/vocabulary.ts';
import type { TargetSpec } from '../../harness/stats/target-spec.ts';
import type { TargetSubject } from '../../harness/stats/target-subject.ts';

const base: TargetSpec = {
  id: 't',
  metric: 'http_req_duration{step:checkout}',
  stat: 'p95',
  op: '<',
  threshold: 800,
  unit: 'ms',
  subject: { en: 'checkouts', ko: '결제 요청' },
};

describe('describeTarget', () => {
  it.each<[Partial<Omit<TargetSpec, 'stat'>> & { stat?: string }, string, string]>([
    [{}, '95% of checkouts under 800 ms', '결제 요청의 95%가 800 ms 미만'],
    [{ op: '<=' }, '95% of checkouts within 800 ms', '결제 요청의 95%가 800 ms 이내'],
    [{ stat: 'p99.9', threshold: 2000 }, '99.9% of checkouts under 2,000 ms', '결제 요청의 99.9%가 2,000 ms 미만'],
    [{ stat: 'p(99)' }, '99% of checkouts under 800 ms', '결제 요청의 99%가 800 ms 미만'],
    [{ op: '>', stat: 'p50', threshold: 5 }, 'The median of checkouts above 5 ms', '결제 요청의 중앙값이 5 ms 초과'],
    [
      { op: '>=', stat: 'p1' },
      'The 1st percentile of checkouts at least 800 ms',
      '결제 요청의 1 백분위수가 800 ms 이상',
    ],
    [
      { op: '==', stat: 'p22' },
      'The 22nd percentile of checkouts exactly 800 ms',
      '결제 요청의 22 백분위수가 정확히 800 ms',
    ],
    [
      { op: '>', stat: 'p13' },
      'The 13th percentile of checkouts above 800 ms',
      '결제 요청의 13 백분위수가 800 ms 초과',
    ],
    [
      { op: '>', stat: 'p99.9' },
      'The 99.9th percentile of checkouts above 800 ms',
      '결제 요청의 99.9 백분위수가 800 ms 초과',
    ],
    [{ op: '>', stat: 'p3' }, 'The 3rd percentile of checkouts above 800 ms', '결제 요청의 3 백분위수가 800 ms 초과'],
    [
      { stat: 'of.mean', op: '<=', threshold: 300 },
      'The mean of checkouts at most 300 ms',
      '결제 요청의 평균이 300 ms 이하',
    ],
    [
      { stat: 'max', threshold: 30, unit: 's' },
      'The maximum of checkouts under 30 s',
      '결제 요청의 최댓값이 30초 미만',
    ],
    [{ stat: 'min', op: '>', threshold: 1 }, 'The minimum of checkouts above 1 ms', '결제 요청의 최솟값이 1 ms 초과'],
    [
      { stat: 'rate', threshold: 0.01, unit: 'ratio', subject: { en: 'failed checkouts', ko: '실패한 결제 요청' } },
      'The rate of failed checkouts under 1%',
      '실패한 결제 요청 비율이 1% 미만',
    ],
    [
      {
        stat: 'count',
        op: '==',
        threshold: 0,
        unit: 'count',
        subject: { en: 'oversold orders', ko: '초과 판매 주문' },
      },
      'No oversold orders',
      '초과 판매 주문 없음',
    ],
    [
      { stat: 'count', op: '<=', threshold: 5, unit: 'count', subject: { en: 'session expiries', ko: '세션 만료' } },
      'At most 5 session expiries',
      '세션 만료 수가 5 이하',
    ],
    [
      { stat: 'count', op: '==', threshold: 5, unit: 'count', subject: 'orders' },
      'Exactly 5 orders',
      'orders 수가 정확히 5',
    ],
    [
      { stat: 'stddev', threshold: 20, subject: undefined },
      'The stddev of http_req_duration{step:checkout} under 20 ms',
      'http_req_duration{step:checkout}의 stddev 값이 20 ms 미만',
    ],
    [
      { stat: 'p95', threshold: 20, unit: 'min', subject: { en: 'queue waits', ko: '대기열 대기' } },
      '95% of queue waits under 20 min',
      '대기열 대기의 95%가 20분 미만',
    ],
  ])('%o → "%s" / "%s"', (override, en, ko) => {
    const spec = { ...base, ...override };
    expect(describeTarget(spec, 'en')).toBe(en);
    expect(describeTarget(spec, 'ko')).toBe(ko);
  });
});

/** Subjects as scenarios give them (harness/scenario/compile-targets.ts), so the sentences people read are pinned here. */
const CHECKOUTS: TargetSubject = { en: 'checkouts', enOne: 'checkout', ko: '결제 요청' };
const PEOPLE_WAITING: TargetSubject = {
  en: 'people',
  ko: '사람들',
  every: { en: 'every person', ko: '모든 사람' },
  verb: { en: 'wait', enOne: 'waits', ko: '기다림', where: { en: 'in the queue', ko: '대기열에서' } },
  note: { en: 'sale time', ko: '판매 시간 기준' },
};
const REQUESTS_FAILING: TargetSubject = { en: 'requests', ko: '요청', verb: { en: 'fail', ko: '실패' } };
const PEOPLE_BUYING: TargetSubject = { en: 'people', ko: '사람들', verb: { en: 'buy', ko: '구매' } };
const UNITS_SOLD: TargetSubject = {
  en: 'units of stock',
  enOne: 'unit of stock',
  ko: '재고',
  koCounter: '개',
  verb: { en: 'are sold', enOne: 'is sold', ko: '판매', where: { en: 'in this run', ko: '이번 실행에서' } },
};

describe('describeTarget: one sentence per kind of statistic, in English and Korean', () => {
  const sentence = (target: Partial<DescribedTarget>): [string, string] => {
    const spec = { ...base, ...target };
    return [describeTarget(spec, 'en'), describeTarget(spec, 'ko')];
  };

  it('percentiles quantify the subject: 95%, half (p50), every (a maximum)', () => {
    expect(sentence({ subject: CHECKOUTS })).toEqual([
      '95% of checkouts under 800 ms',
      '결제 요청의 95%가 800 ms 미만',
    ]);
    expect(sentence({ subject: CHECKOUTS, stat: 'p50', threshold: 100 })).toEqual([
      'Half of checkouts under 100 ms',
      '결제 요청의 절반이 100 ms 미만',
    ]);
    expect(sentence({ subject: CHECKOUTS, stat: 'max', threshold: 2000 })).toEqual([
      'Every checkout under 2,000 ms',
      '모든 결제 요청이 2,000 ms 미만',
    ]);
    // 조회 ends in a vowel: 가, not 이
    expect(
      sentence({ subject: { en: 'queue polls', enOne: 'queue poll', ko: '대기 순번 조회' }, stat: 'max' }),
    ).toEqual(['Every queue poll under 800 ms', '모든 대기 순번 조회가 800 ms 미만']);
  });

  it('a subject who acts gets its verb, where it happens and its note: queue waits', () => {
    const wait = { subject: PEOPLE_WAITING, op: '<=' as const, threshold: 30 * 60_000 };
    expect(sentence(wait)).toEqual([
      '95% of people wait at most 30 min in the queue (sale time)',
      '사람들의 95%가 대기열에서 30분 이내로 기다림 (판매 시간 기준)',
    ]);
    expect(sentence({ ...wait, stat: 'p50', threshold: 90 * 60_000 })).toEqual([
      'Half of people wait at most 1 h 30 min in the queue (sale time)',
      '사람들의 절반이 대기열에서 1시간 30분 이내로 기다림 (판매 시간 기준)',
    ]);
    expect(sentence({ ...wait, stat: 'max' })).toEqual([
      'Every person waits at most 30 min in the queue (sale time)',
      '모든 사람이 대기열에서 30분 이내로 기다림 (판매 시간 기준)',
    ]);
  });

  it('rates and shares: the share leads with its comparator when the subject acts, else "the rate of"', () => {
    expect(sentence({ subject: REQUESTS_FAILING, stat: 'rate', op: '<=', threshold: 0.01, unit: 'ratio' })).toEqual([
      'At most 1% of requests fail',
      '요청의 1% 이하가 실패',
    ]);
    expect(sentence({ subject: PEOPLE_BUYING, stat: 'share', op: '>=', threshold: 0.05, unit: 'ratio' })).toEqual([
      'At least 5% of people buy',
      '사람들의 5% 이상이 구매',
    ]);
    expect(sentence({ subject: PEOPLE_BUYING, stat: 'share', op: '<', threshold: 0.5, unit: 'ratio' })).toEqual([
      'Less than 50% of people buy',
      '사람들의 50% 미만이 구매',
    ]);
    expect(
      sentence({ subject: undefined, metric: 'http_req_failed', stat: 'rate', threshold: 0.01, unit: 'ratio' }),
    ).toEqual(['The rate of http_req_failed under 1%', 'http_req_failed 비율이 1% 미만']);
    expect(sentence({ subject: 'bought', stat: 'share', op: '>=', threshold: 0.05, unit: 'ratio' })).toEqual([
      'The share of bought at least 5%',
      'bought 비율이 5% 이상',
    ]);
  });

  it('counts lead with their comparator; one unit is singular; none is "no"', () => {
    expect(sentence({ subject: UNITS_SOLD, stat: 'count', op: '<=', threshold: 6, unit: 'count' })).toEqual([
      'At most 6 units of stock are sold in this run',
      '이번 실행에서 재고 6개 이하로 판매',
    ]);
    expect(sentence({ subject: UNITS_SOLD, stat: 'count', op: '>=', threshold: 1, unit: 'count' })).toEqual([
      'At least 1 unit of stock is sold in this run',
      '이번 실행에서 재고 1개 이상 판매',
    ]);
    expect(sentence({ subject: 'session expiries', stat: 'count', op: '<', threshold: 3, unit: 'count' })).toEqual([
      'Fewer than 3 session expiries',
      'session expiries 수가 3 미만',
    ]);
  });

  it('min, max and mean without a word for one of them name the statistic', () => {
    expect(sentence({ stat: 'max', op: '<=', threshold: 2000 })).toEqual([
      'The maximum of checkouts at most 2,000 ms',
      '결제 요청의 최댓값이 2,000 ms 이하',
    ]);
    expect(sentence({ subject: CHECKOUTS, stat: 'max', op: '>', threshold: 5 })).toEqual([
      'The maximum of checkouts above 5 ms',
      '결제 요청의 최댓값이 5 ms 초과',
    ]);
    expect(sentence({ subject: CHECKOUTS, stat: 'min', op: '>=', threshold: 5 })).toEqual([
      'Every checkout at least 5 ms',
      '모든 결제 요청이 5 ms 이상',
    ]);
    expect(sentence({ subject: CHECKOUTS, stat: 'of.mean', op: '<', threshold: 250 })).toEqual([
      'The mean of checkouts under 250 ms',
      '결제 요청의 평균이 250 ms 미만',
    ]);
  });

  it("keeps a spec's own words, in each language on its own", () => {
    const spec = { ...base, description: 'Checkout stays fast' };
    expect(describeTarget(spec, 'en')).toBe('Checkout stays fast');
    expect(describeTarget(spec, 'ko')).toBe('결제 요청의 95%가 800 ms 미만');
  });
});

describe('describeStatistic', () => {
  it('names the figure a target or a comparison speaks of, in lower case, with the note', () => {
    expect(describeStatistic('p95', CHECKOUTS, 'en')).toBe('95% of checkouts');
    expect(describeStatistic('p95', CHECKOUTS, 'ko')).toBe('결제 요청의 95%');
    expect(describeStatistic('p50', CHECKOUTS, 'en')).toBe('half of checkouts');
    expect(describeStatistic('p50', CHECKOUTS, 'ko')).toBe('결제 요청의 절반');
    expect(describeStatistic('of.mean', CHECKOUTS, 'en')).toBe('the mean of checkouts');
    const waits = { en: "people's queue waits", ko: '대기 시간', note: { en: 'sale time', ko: '판매 시간 기준' } };
    expect(describeStatistic('p99', waits, 'en')).toBe("99% of people's queue waits (sale time)");
    expect(describeStatistic('p99', waits, 'ko')).toBe('대기 시간의 99% (판매 시간 기준)');
  });
});

describe('formatNumber / formatQuantity', () => {
  it('groups thousands, trims to 3 decimals and 6 significant digits', () => {
    expect(formatNumber(1234567)).toBe('1,234,570');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatNumber(-2500)).toBe('-2,500');
    expect(formatNumber(0.12345)).toBe('0.123');
  });

  it('shows ratios as percentages and units in words for Korean', () => {
    expect(formatQuantity(0.001, 'ratio', 'en')).toBe('0.1%');
    expect(formatQuantity(2, 'h', 'ko')).toBe('2시간');
    expect(formatQuantity(2, 'h', 'en')).toBe('2 h');
    expect(formatQuantity(500, 'rps', 'ko')).toBe('500 rps');
    expect(formatQuantity(7, 'count', 'en')).toBe('7');
  });
});
