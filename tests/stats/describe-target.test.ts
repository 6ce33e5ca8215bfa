import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../harness/stats/describe-target.ts';
import { formatNumber, formatQuantity } from '../../harness/vocabulary.ts';
import type { TargetSpec } from '../../harness/stats/target-spec.ts';

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
    [
      { op: '>', stat: 'p50', threshold: 5 },
      'the 50th percentile of checkouts above 5 ms',
      '결제 요청의 50 백분위수가 5 ms 초과',
    ],
    [
      { op: '>=', stat: 'p1' },
      'the 1st percentile of checkouts at least 800 ms',
      '결제 요청의 1 백분위수가 800 ms 이상',
    ],
    [
      { op: '==', stat: 'p22' },
      'the 22nd percentile of checkouts exactly 800 ms',
      '결제 요청의 22 백분위수가 정확히 800 ms',
    ],
    [
      { op: '>', stat: 'p13' },
      'the 13th percentile of checkouts above 800 ms',
      '결제 요청의 13 백분위수가 800 ms 초과',
    ],
    [
      { op: '>', stat: 'p99.9' },
      'the 99.9th percentile of checkouts above 800 ms',
      '결제 요청의 99.9 백분위수가 800 ms 초과',
    ],
    [{ op: '>', stat: 'p3' }, 'the 3rd percentile of checkouts above 800 ms', '결제 요청의 3 백분위수가 800 ms 초과'],
    [
      { stat: 'of.mean', op: '<=', threshold: 300 },
      'the mean of checkouts at most 300 ms',
      '결제 요청의 평균이 300 ms 이하',
    ],
    [
      { stat: 'max', threshold: 30, unit: 's' },
      'the maximum of checkouts under 30 s',
      '결제 요청의 최댓값이 30초 미만',
    ],
    [{ stat: 'min', op: '>', threshold: 1 }, 'the minimum of checkouts above 1 ms', '결제 요청의 최솟값이 1 ms 초과'],
    [
      { stat: 'rate', threshold: 0.01, unit: 'ratio', subject: { en: 'failed checkouts', ko: '실패한 결제 요청' } },
      'the rate of failed checkouts under 1%',
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
      'no oversold orders',
      '초과 판매 주문 없음',
    ],
    [
      { stat: 'count', op: '<=', threshold: 5, unit: 'count', subject: { en: 'session expiries', ko: '세션 만료' } },
      'the number of session expiries at most 5',
      '세션 만료 수가 5 이하',
    ],
    [
      { stat: 'count', op: '==', threshold: 5, unit: 'count', subject: 'orders' },
      'the number of orders exactly 5',
      'orders 수가 정확히 5',
    ],
    [
      { stat: 'stddev', threshold: 20, subject: undefined },
      'the stddev of http_req_duration{step:checkout} under 20 ms',
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
