/** Words of the report of an analyzed run (saleready analyze: k6 output or an Artillery report) and of the groups table, in English and Korean. */
import type { Language } from '../vocabulary.ts';

export interface AnalyzedLabels {
  readonly title: string;
  readonly noTargets: string;
  readonly source: (files: number) => string;
  readonly groups: string;
  readonly groupedBy: (tags: readonly string[]) => string;
  readonly group: string;
  readonly failed: string;
  readonly statuses: string;
  readonly requestsPerSecond: string;
  readonly k6Scenarios: string;
  readonly requestsChart: string;
  readonly groupChart: (key: string) => string;
  readonly moreGroups: (shown: number, total: number) => string;
  readonly intervalNote: string;
}

/** Words an analyzed Artillery report adds or says otherwise. */
export interface ArtilleryLabels {
  readonly title: string;
  readonly source: string;
  readonly intervalNote: string;
  readonly method: string;
  /** The method in this language; null: show summary.json's own (English) sentence. */
  readonly methodNote: string | null;
  readonly responseTime: string;
  readonly periods: string;
  readonly periodCount: (periods: number, seconds: number) => string;
  readonly vusers: string;
  readonly vuserCounts: (created: string, completed: string, failed: string) => string;
  readonly vusersByScenario: string;
  readonly codes: string;
  readonly errors: string;
  readonly requestError: string;
  readonly groupedBy: (tags: readonly string[]) => string;
}

const en: AnalyzedLabels = {
  title: 'k6 run',
  noTargets: 'No targets were given (pass --targets FILE to judge the run).',
  source: (files) =>
    files === 1 ? 'analyzed from one k6 output file' : `analyzed from ${files} k6 output files, merged`,
  groups: 'Requests by group',
  groupedBy: (tags) => (tags.length === 0 ? 'All requests in one group.' : `Grouped by the tags ${tags.join(', ')}.`),
  group: 'Group',
  failed: 'Failed',
  statuses: 'Status codes',
  requestsPerSecond: 'Requests per second',
  k6Scenarios: 'k6 scenarios',
  requestsChart: 'Requests and failed requests over time',
  groupChart: (key) => `Response time over time: ${key}`,
  moreGroups: (shown, total) =>
    `Charts for the ${shown} groups with most requests; ${total - shown} more are in the table.`,
  intervalNote:
    'Percentiles are read from mergeable histograms (within 1%); brackets hold 95% intervals (order statistics for percentiles, Wilson for error rates).',
};

const ko: AnalyzedLabels = {
  title: 'k6 실행',
  noTargets: '목표가 주어지지 않았습니다 (판정하려면 --targets FILE 을 주십시오).',
  source: (files) => (files === 1 ? 'k6 출력 파일 1개를 분석' : `k6 출력 파일 ${files}개를 합쳐 분석`),
  groups: '그룹별 요청',
  groupedBy: (tags) =>
    tags.length === 0 ? '모든 요청을 한 그룹으로 보았습니다.' : `태그 ${tags.join(', ')} 기준으로 묶었습니다.`,
  group: '그룹',
  failed: '실패',
  statuses: '상태 코드',
  requestsPerSecond: '초당 요청 수',
  k6Scenarios: 'k6 시나리오',
  requestsChart: '시간별 요청 수와 실패한 요청 수',
  groupChart: (key) => `시간별 응답 시간: ${key}`,
  moreGroups: (shown, total) =>
    `요청이 가장 많은 ${shown}개 그룹의 차트만 보입니다. 나머지 ${total - shown}개는 표에 있습니다.`,
  intervalNote:
    '백분위수는 합칠 수 있는 히스토그램에서 읽었습니다 (오차 1% 이내). 괄호 안은 95% 구간입니다 (백분위수는 순서 통계량, 오류율은 Wilson).',
};

const artilleryEn: ArtilleryLabels = {
  title: 'Artillery run',
  source: 'analyzed from an Artillery report (artillery run --output)',
  intervalNote:
    'Percentiles are Artillery’s own, without intervals (see “How this was measured”); brackets hold Wilson 95% intervals of error rates. ' +
    'A request failed when its response was not 2xx/3xx or it ended in an error (ETIMEDOUT …); errors after a response (a failed capture) are listed, not counted.',
  method: 'How this was measured',
  methodNote: null,
  responseTime: 'Response time, whole run (Artillery)',
  periods: 'Periods',
  periodCount: (periods, seconds) => `${periods} of ${seconds} s`,
  vusers: 'Virtual users',
  vuserCounts: (created, completed, failed) => `${created} created, ${completed} completed, ${failed} failed`,
  vusersByScenario: 'Virtual users by scenario',
  codes: 'Responses by HTTP code',
  errors: 'Errors (Artillery)',
  requestError: 'requests',
  groupedBy: (tags) =>
    tags.length === 0
      ? 'All requests in one group (the report has no per-endpoint metrics).'
      : 'Grouped by endpoint (name), from Artillery’s metrics-by-endpoint plugin.',
};

const artilleryKo: ArtilleryLabels = {
  title: 'Artillery 실행',
  source: 'Artillery 보고서를 분석 (artillery run --output)',
  intervalNote:
    '백분위수는 Artillery가 낸 값으로 구간이 없습니다 (“측정 방법” 참조). 괄호 안은 오류율의 Wilson 95% 구간입니다. ' +
    '응답이 2xx/3xx가 아니거나 오류(ETIMEDOUT 등)로 끝난 요청을 실패로 셉니다. 응답 뒤의 오류(캡처 실패)는 목록에만 있고 세지 않습니다.',
  method: '측정 방법',
  methodNote:
    '백분위수는 표본을 정확히 합친 값이 아니라 Artillery가 낸 값입니다. 실행 전체의 값은 Artillery 집계(합친 DDSketch, 상대 정확도 1%)에서, ' +
    '10초 구간마다의 값은 그 구간의 요약(p50, p75, p90, p95, p99, p99.9, 0.1 ms 단위 반올림)에서 왔습니다. 보고서에 표본이 없어 백분위수에 신뢰 구간이 없고, ' +
    '초 단위 시계열 없이 10초 구간만 있습니다. 개수(요청, 상태 코드, 오류, 가상 사용자)는 정확합니다.',
  responseTime: '응답 시간, 실행 전체 (Artillery)',
  periods: '구간',
  periodCount: (periods, seconds) => `${seconds}초 구간 ${periods}개`,
  vusers: '가상 사용자',
  vuserCounts: (created, completed, failed) => `생성 ${created}, 완료 ${completed}, 실패 ${failed}`,
  vusersByScenario: '시나리오별 가상 사용자',
  codes: 'HTTP 코드별 응답',
  errors: '오류 (Artillery)',
  requestError: '요청',
  groupedBy: (tags) =>
    tags.length === 0
      ? '모든 요청을 한 그룹으로 보았습니다 (보고서에 엔드포인트별 수치가 없습니다).'
      : 'Artillery의 metrics-by-endpoint 플러그인이 센 엔드포인트(name)별로 묶었습니다.',
};

export function analyzedLabelsFor(lang: Language): AnalyzedLabels {
  return lang === 'ko' ? ko : en;
}

/** The words of an analyzed run's report: an Artillery report's where they differ from a k6 run's. */
export function analyzedRunLabelsFor(lang: Language, artillery: boolean): AnalyzedLabels {
  const words = analyzedLabelsFor(lang);
  if (!artillery) return words;
  const own = artilleryLabelsFor(lang);
  return {
    ...words,
    title: own.title,
    source: () => own.source,
    intervalNote: own.intervalNote,
    groupedBy: own.groupedBy,
  };
}

export function artilleryLabelsFor(lang: Language): ArtilleryLabels {
  return lang === 'ko' ? artilleryKo : artilleryEn;
}
