/** Words of the report of an analyzed k6 run (saleready analyze) and of the groups table, in English and Korean. */
import type { ReportLanguage } from './labels.ts';

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

const en: AnalyzedLabels = {
  title: 'k6 run',
  noTargets: 'No targets were given (pass --targets FILE to judge the run).',
  source: (files) => (files === 1 ? 'analyzed from one k6 output file' : `analyzed from ${files} k6 output files, merged`),
  groups: 'Requests by group',
  groupedBy: (tags) => (tags.length === 0 ? 'All requests in one group.' : `Grouped by the tags ${tags.join(', ')}.`),
  group: 'Group',
  failed: 'Failed',
  statuses: 'Status codes',
  requestsPerSecond: 'Requests per second',
  k6Scenarios: 'k6 scenarios',
  requestsChart: 'Requests and failed requests over time',
  groupChart: (key) => `Response time over time: ${key}`,
  moreGroups: (shown, total) => `Charts for the ${shown} groups with most requests; ${total - shown} more are in the table.`,
  intervalNote: 'Percentiles are read from mergeable histograms (within 1%); brackets hold 95% intervals (order statistics for percentiles, Wilson for error rates).',
};

const ko: AnalyzedLabels = {
  title: 'k6 실행',
  noTargets: '목표가 주어지지 않았습니다 (판정하려면 --targets FILE 을 주십시오).',
  source: (files) => (files === 1 ? 'k6 출력 파일 1개를 분석' : `k6 출력 파일 ${files}개를 합쳐 분석`),
  groups: '그룹별 요청',
  groupedBy: (tags) => (tags.length === 0 ? '모든 요청을 한 그룹으로 보았습니다.' : `태그 ${tags.join(', ')} 기준으로 묶었습니다.`),
  group: '그룹',
  failed: '실패',
  statuses: '상태 코드',
  requestsPerSecond: '초당 요청 수',
  k6Scenarios: 'k6 시나리오',
  requestsChart: '시간별 요청 수와 실패한 요청 수',
  groupChart: (key) => `시간별 응답 시간: ${key}`,
  moreGroups: (shown, total) => `요청이 가장 많은 ${shown}개 그룹의 차트만 보입니다. 나머지 ${total - shown}개는 표에 있습니다.`,
  intervalNote: '백분위수는 합칠 수 있는 히스토그램에서 읽었습니다 (오차 1% 이내). 괄호 안은 95% 구간입니다 (백분위수는 순서 통계량, 오류율은 Wilson).',
};

export function analyzedLabelsFor(lang: ReportLanguage): AnalyzedLabels {
  return lang === 'ko' ? ko : en;
}
