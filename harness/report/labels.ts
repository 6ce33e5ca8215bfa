/** Every word a report shows, in English and Korean. */
import type { Language } from '../vocabulary.ts';

export interface Labels {
  readonly title: string;
  readonly verdict: Record<'pass' | 'fail' | 'inconclusive', string>;
  readonly verdictLine: Record<'pass' | 'fail' | 'inconclusive', string>;
  readonly incomplete: string;
  readonly targets: string;
  readonly noTargets: string;
  readonly target: string;
  readonly measured: string;
  readonly interval: (percent: number) => string;
  readonly samples: string;
  readonly result: string;
  readonly keyFigures: string;
  readonly scenario: string;
  readonly shop: string;
  readonly embeddedShop: string;
  readonly timeScale: (k: number) => string;
  readonly saleTimeNote: (k: number) => string;
  readonly duration: string;
  readonly people: string;
  readonly stock: string;
  readonly unitsSold: string;
  readonly oversold: string;
  readonly requests: string;
  readonly errorRate: string;
  readonly queueWaitSale: string;
  /** Kaplan–Meier waits over everyone who joined. */
  readonly queueWaitEveryone: string;
  readonly queueWaitAdmitted: string;
  readonly leftBeforeAdmission: string;
  /** "not reached": the curve never fell that far; `longest` is the longest wait seen. */
  readonly notReached: (longest: string) => string;
  /** Ŝ(threshold): the share of people who joined still waiting at the target's threshold. */
  readonly stillWaitingAt: (threshold: string, share: string) => string;
  readonly everyoneNote: (confidence: number) => string;
  readonly admittedOnlyNote: string;
  readonly whatHappened: string;
  readonly reentries: string;
  readonly sessionExpiries: string;
  readonly actor: string;
  readonly arrivals: string;
  readonly admitted: string;
  readonly outcome: Record<'bought' | 'sold_out' | 'limit_reached' | 'gave_up' | 'lost_place' | 'error', string>;
  readonly outcomesPerActor: string;
  readonly charts: string;
  readonly chart: {
    readonly arrivalsAdmissions: string;
    readonly queueLength: string;
    readonly queueLengthDerived: string;
    readonly queueWaitOverTime: string;
    readonly latencyPerStep: string;
    readonly errorsOverTime: string;
    readonly outcomesPerActor: string;
    readonly waitDistribution: string;
    readonly waitOverEveryone: string;
  };
  readonly axis: {
    readonly runTime: (bucketSeconds: number) => string;
    readonly perBucket: (bucketSeconds: number) => string;
    readonly people: string;
    readonly waitSale: (unit: string) => string;
    readonly latencyMs: string;
    readonly series: string;
    readonly step: string;
    readonly percentile: string;
    readonly requests: string;
    readonly stillWaiting: string;
    readonly targetLabel: string;
  };
  readonly series: {
    readonly arrivals: string;
    readonly admitted: string;
    readonly failed: string;
    readonly total: string;
  };
  readonly warnings: string;
  readonly generatedBy: (version: string) => string;
  /** The row naming what generated the load. */
  readonly loadEngine: string;
  readonly personEngine: string;
  readonly none: string;
}

const en: Labels = {
  title: 'Sale-day load test',
  verdict: { pass: 'PASS', fail: 'FAIL', inconclusive: 'INCONCLUSIVE' },
  verdictLine: {
    pass: 'Every target was met.',
    fail: 'At least one target was missed.',
    inconclusive: 'Not every target could be judged: too few samples or nothing measured.',
  },
  incomplete: 'The run did not finish: figures cover only what was measured until it stopped.',
  targets: 'Targets',
  noTargets: 'The scenario sets no targets.',
  target: 'Target',
  measured: 'Measured',
  interval: (percent) => `${percent}% interval`,
  samples: 'Samples',
  result: 'Result',
  keyFigures: 'Key figures',
  scenario: 'Scenario',
  shop: 'Shop',
  embeddedShop: 'embedded reference shop',
  timeScale: (k) => `time scale k = ${k}`,
  saleTimeNote: (k) => `Waits are shown in sale time: measured run time × ${k} (time scale k = ${k}).`,
  duration: 'Run duration',
  people: 'People',
  stock: 'Stock',
  unitsSold: 'Units sold',
  oversold: 'Oversold (beyond stock)',
  requests: 'Requests',
  errorRate: 'Error rate',
  queueWaitSale: 'Queue wait of admitted people, sale time',
  queueWaitEveryone: 'Queue wait over everyone who joined, sale time (Kaplan–Meier)',
  queueWaitAdmitted: 'Queue wait of admitted people only, sale time',
  leftBeforeAdmission: 'Left the queue before admission',
  notReached: (longest) => `over ${longest} (beyond the longest wait seen)`,
  everyoneNote: (confidence) =>
    `Waits over everyone who joined: the Kaplan–Meier estimate, where a person who left before admission counts as waiting at least until they left (censored); ${Math.round(confidence * 100)}% intervals from Greenwood's variance on the log-log scale, percentile intervals by Brookmeyer–Crowley.`,
  admittedOnlyNote: 'admitted people only',
  stillWaitingAt: (threshold, share) => `still waiting at ${threshold}: ${share}`,
  whatHappened: 'What happened',
  reentries: 'Re-entries (lost place, joined again)',
  sessionExpiries: 'Session expiries',
  actor: 'Actor',
  arrivals: 'Arrivals',
  admitted: 'Admitted',
  outcome: {
    bought: 'bought',
    sold_out: 'sold out',
    limit_reached: 'limit reached',
    gave_up: 'gave up',
    lost_place: 'lost place',
    error: 'error',
  },
  outcomesPerActor: 'Outcomes per actor',
  charts: 'Charts',
  chart: {
    arrivalsAdmissions: 'Arrivals and admissions over time',
    queueLength: 'Queue length over time (reported by the shop)',
    queueLengthDerived: 'Queue length over time (derived: joined − admitted − left)',
    queueWaitOverTime: 'Queue wait of people admitted in each bucket (sale time; admitted people only)',
    latencyPerStep: 'Response time percentiles over time, per step',
    errorsOverTime: 'Failed requests over time',
    outcomesPerActor: 'Outcomes per actor',
    waitDistribution: 'Queue wait distribution of admitted people only (sale time)',
    waitOverEveryone:
      'Share of people who joined still waiting after each wait (Kaplan–Meier, people who left censored; band: 95% interval)',
  },
  axis: {
    runTime: (s) => (s === 1 ? 'run time (s)' : `run time (s, ${s} s buckets)`),
    perBucket: (s) => (s === 1 ? 'per second' : `per ${s} s`),
    people: 'people',
    waitSale: (unit) => `wait, sale time (${unit})`,
    latencyMs: 'response time (ms)',
    series: 'series',
    step: 'step',
    percentile: 'of.percentile',
    requests: 'requests',
    stillWaiting: 'still waiting',
    targetLabel: 'target',
  },
  series: { arrivals: 'arrivals', admitted: 'admitted', failed: 'failed', total: 'all requests' },
  warnings: 'Warnings',
  generatedBy: (version) => `Generated by saleready ${version}`,
  loadEngine: 'Load generated by',
  personEngine: 'person engine',
  none: '—',
};

const ko: Labels = {
  title: '판매일 부하 테스트',
  verdict: { pass: '통과', fail: '실패', inconclusive: '판정 불가' },
  verdictLine: {
    pass: '모든 목표를 달성했습니다.',
    fail: '달성하지 못한 목표가 있습니다.',
    inconclusive: '판정하지 못한 목표가 있습니다: 표본이 너무 적거나 측정된 값이 없습니다.',
  },
  incomplete: '실행이 끝까지 진행되지 않았습니다: 중단될 때까지 측정된 값만 반영되었습니다.',
  targets: '목표',
  noTargets: '시나리오에 목표가 없습니다.',
  target: '목표',
  measured: '측정값',
  interval: (percent) => `${percent}% 신뢰구간`,
  samples: '표본 수',
  result: '결과',
  keyFigures: '주요 수치',
  scenario: '시나리오',
  shop: '대상 쇼핑몰',
  embeddedShop: '내장 참조 쇼핑몰',
  timeScale: (k) => `시간 배율 k = ${k}`,
  saleTimeNote: (k) => `대기 시간은 실제 판매 시간 기준입니다: 측정한 실행 시간 × ${k} (시간 배율 k = ${k}).`,
  duration: '실행 시간',
  people: '인원',
  stock: '재고',
  unitsSold: '판매 수량',
  oversold: '초과 판매 (재고 초과분)',
  requests: '요청 수',
  errorRate: '오류율',
  queueWaitSale: '입장한 사람의 대기 시간 (판매 시간 기준)',
  queueWaitEveryone: '줄을 선 모든 사람의 대기 시간 (판매 시간 기준, 카플란-마이어)',
  queueWaitAdmitted: '입장한 사람만의 대기 시간 (판매 시간 기준)',
  leftBeforeAdmission: '입장 전에 대기열을 떠난 사람',
  notReached: (longest) => `${longest} 초과 (관측된 가장 긴 대기보다 김)`,
  everyoneNote: (confidence) =>
    `줄을 선 모든 사람의 대기 시간: 카플란-마이어 추정값이며, 입장 전에 떠난 사람은 떠날 때까지는 기다린 것으로 셉니다(중도 절단). ${Math.round(confidence * 100)}% 신뢰구간은 그린우드 분산을 log-log 척도로, 백분위수 구간은 브룩마이어-크롤리 방법으로 구했습니다.`,
  admittedOnlyNote: '입장한 사람만',
  stillWaitingAt: (threshold, share) => `${threshold}에 아직 기다리는 비율: ${share}`,
  whatHappened: '무슨 일이 있었나',
  reentries: '재진입 (순번을 잃고 다시 줄 섬)',
  sessionExpiries: '세션 만료',
  actor: '참여자 유형',
  arrivals: '도착',
  admitted: '입장',
  outcome: {
    bought: '구매 성공',
    sold_out: '품절',
    limit_reached: '구매 한도 도달',
    gave_up: '포기',
    lost_place: '순번 상실',
    error: '오류',
  },
  outcomesPerActor: '참여자 유형별 결과',
  charts: '차트',
  chart: {
    arrivalsAdmissions: '시간별 도착 및 입장',
    queueLength: '시간별 대기열 길이 (쇼핑몰 보고값)',
    queueLengthDerived: '시간별 대기열 길이 (추정: 줄 선 인원 − 입장 − 이탈)',
    queueWaitOverTime: '구간마다 입장한 사람의 대기 시간 (판매 시간 기준, 입장한 사람만)',
    latencyPerStep: '단계별 응답 시간 백분위수 추이',
    errorsOverTime: '시간별 실패한 요청',
    outcomesPerActor: '참여자 유형별 결과',
    waitDistribution: '입장한 사람만의 대기 시간 분포 (판매 시간 기준)',
    waitOverEveryone:
      '기다린 시간별로 아직 기다리는 사람의 비율 (줄을 선 모든 사람, 카플란-마이어, 떠난 사람은 중도 절단, 띠: 95% 신뢰구간)',
  },
  axis: {
    runTime: (s) => (s === 1 ? '실행 시간 (초)' : `실행 시간 (초, ${s}초 단위)`),
    perBucket: (s) => (s === 1 ? '초당' : `${s}초당`),
    people: '인원',
    waitSale: (unit) => `대기 시간, 판매 시간 기준 (${unit})`,
    latencyMs: '응답 시간 (ms)',
    series: '구분',
    step: '단계',
    percentile: '백분위수',
    requests: '요청 수',
    stillWaiting: '아직 기다리는 비율',
    targetLabel: '목표',
  },
  series: { arrivals: '도착', admitted: '입장', failed: '실패', total: '전체 요청' },
  warnings: '경고',
  generatedBy: (version) => `saleready ${version}에서 생성`,
  loadEngine: '부하 생성',
  personEngine: '사용자 엔진',
  none: '—',
};

export function labelsFor(lang: Language): Labels {
  return lang === 'ko' ? ko : en;
}
