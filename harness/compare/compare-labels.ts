import type { ChangeVerdict, ComparisonMethod, FigureTest, OverallChange } from './comparison-types.ts';
import type { Language } from '../vocabulary.ts';

/** Words of the comparison outputs, English and Korean. */
export interface CompareLabels {
  readonly title: string;
  readonly verdict: Record<ChangeVerdict, string>;
  readonly overall: Record<OverallChange, string>;
  readonly test: Record<FigureTest, string>;
  readonly head: { figure: string; a: string; b: string; change: string; interval: string; p: string; verdict: string };
  readonly noChangeLine: (family: number) => string;
  readonly method: (method: ComparisonMethod) => string;
  readonly charts: string;
  readonly figures: string;
  readonly forced: string;
  readonly run: (which: 'A' | 'B') => string;
  readonly direction: {
    readonly slower: string;
    readonly faster: string;
    readonly longer: string;
    readonly shorter: string;
    readonly higher: string;
    readonly lower: string;
    readonly more: string;
    readonly fewer: string;
  };
  readonly points: string;
  readonly andMore: (count: number) => string;
}

/** "1 s" when both runs' blocks are as long, else "A 1 s, B 4 s". */
function blocksOf(blockSeconds: ComparisonMethod['bootstrap']['blockSeconds'], unit: string): string {
  if (blockSeconds.a === blockSeconds.b) return `${blockSeconds.a} ${unit}`;
  return `A ${blockSeconds.a} ${unit}, B ${blockSeconds.b} ${unit}`;
}

const en: CompareLabels = {
  title: 'saleready comparison',
  verdict: {
    improved: 'improved',
    regressed: 'regressed',
    'no significant change': 'no significant change',
    'not compared': 'not compared',
  },
  overall: {
    worse: 'B is worse than A',
    better: 'B is better than A',
    mixed: 'B is better than A in some figures and worse in others',
    same: 'No significant change from A to B',
  },
  test: {
    'bootstrap-percentile': 'bootstrap (blocks of time)',
    'two-proportion': 'two-proportion z test',
    'poisson-rate': 'Poisson rate test',
    none: '—',
  },
  head: {
    figure: 'Figure',
    a: 'A',
    b: 'B',
    change: 'Change B − A',
    interval: '95% interval',
    p: 'p (Holm)',
    verdict: 'Verdict',
  },
  noChangeLine: (family) => `none of the ${family} figures tested changed significantly`,
  method: ({ alpha, family, confidence, bootstrap }) =>
    `Verdicts control false alarms across all ${family} tested figures with Holm–Bonferroni at a family-wise α of ${alpha * 100}%; ` +
    `each interval is a per-figure ${Math.round(confidence * 100)}% interval. Percentiles: percentile bootstrap resampling whole blocks of time ` +
    `(${blocksOf(bootstrap.blockSeconds, 's')}, so one pause of the machine counts as one draw, not as many independent requests; ` +
    `${bootstrap.iterations.toLocaleString('en')} replicates, seed ${bootstrap.seed}); rates and shares: two-proportion z test; requests/s and counts: conditional Poisson test.`,
  charts: 'The two runs overlaid',
  figures: 'Figures',
  forced: 'Compared with --force although the runs differ:',
  run: (which) => `run ${which}`,
  direction: {
    slower: 'slower',
    faster: 'faster',
    longer: 'longer',
    shorter: 'shorter',
    higher: 'higher',
    lower: 'lower',
    more: 'more',
    fewer: 'fewer',
  },
  points: 'points',
  andMore: (count) => `and ${count} more`,
};

const ko: CompareLabels = {
  title: 'saleready 실행 비교',
  verdict: {
    improved: '개선',
    regressed: '악화',
    'no significant change': '유의한 변화 없음',
    'not compared': '비교 안 함',
  },
  overall: {
    worse: 'B가 A보다 나빠졌습니다',
    better: 'B가 A보다 좋아졌습니다',
    mixed: 'B가 일부 지표는 좋아지고 일부는 나빠졌습니다',
    same: 'A와 B 사이에 유의한 변화가 없습니다',
  },
  test: {
    'bootstrap-percentile': '부트스트랩 (시간 블록)',
    'two-proportion': '두 비율 z 검정',
    'poisson-rate': '포아송 비율 검정',
    none: '—',
  },
  head: { figure: '지표', a: 'A', b: 'B', change: '변화 B − A', interval: '95% 구간', p: 'p (Holm)', verdict: '판정' },
  noChangeLine: (family) => `검정한 지표 ${family}개 모두 유의한 변화가 없습니다`,
  method: ({ alpha, family, confidence, bootstrap }) =>
    `판정은 검정한 지표 ${family}개 전체에 Holm–Bonferroni 보정을 적용해 오경보 확률(가족별 α)을 ${alpha * 100}% 이하로 유지합니다. ` +
    `각 구간은 지표별 ${Math.round(confidence * 100)}% 신뢰구간입니다. 백분위수: 시간 블록 단위로 재표본하는 백분위 부트스트랩(${blocksOf(bootstrap.blockSeconds, '초')} 블록이라 ` +
    `기계가 한 번 멈춘 일은 독립된 요청 여러 개가 아니라 한 번의 추출로 셉니다; 반복 ${bootstrap.iterations.toLocaleString('en')}회, 시드 ${bootstrap.seed}); ` +
    `비율: 두 비율 z 검정; 초당 요청 수와 개수: 조건부 포아송 검정.`,
  charts: '두 실행을 겹쳐 본 차트',
  figures: '지표',
  forced: '실행 조건이 다르지만 --force로 비교했습니다:',
  run: (which) => `실행 ${which}`,
  direction: {
    slower: '느려짐',
    faster: '빨라짐',
    longer: '길어짐',
    shorter: '짧아짐',
    higher: '높아짐',
    lower: '낮아짐',
    more: '많아짐',
    fewer: '적어짐',
  },
  points: '%p',
  andMore: (count) => `외 ${count}개`,
};

export function compareLabelsFor(lang: Language): CompareLabels {
  return lang === 'ko' ? ko : en;
}
