/**
 * The sale plan's charts as Vega-Lite specs (rendered to SVG by render-chart.ts, like the run
 * report's): one round vs rounds vs a raffle against the target (the last buyer's wait, people
 * who waited for nothing, person-hours lost); people waiting and the waits of people let in
 * over time for each way and for the plan as written; who buys and who leaves empty-handed.
 * Data are inlined from the PlanResult. Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutcomeCounts, PlanResult, SaleTimeline } from '../capacity/index.ts';
import type { Language } from '../vocabulary.ts';
import { CHART_FONT, type ChartSpec } from './chart-specs.ts';

const say = (lang: Language, en: string, ko: string): string => (lang === 'ko' ? ko : en);
const config = { font: CHART_FONT, view: { stroke: null } } as const;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const TARGET_COLOUR = '#cf222e';

/** The ways compared, named for the page: one round, N rounds, a raffle, and the plan as written. */
export function wayNames(
  result: PlanResult,
  lang: Language,
): { oneRound: string; rounds: string; raffle: string; asWritten: string } {
  const rounds = result.options.rounds.rounds;
  return {
    oneRound: say(lang, 'One round', '한 번에 판매'),
    rounds: say(lang, `${rounds} rounds`, `${rounds}회차`),
    raffle: say(lang, 'Raffle', '추첨'),
    asWritten: say(lang, 'As written', '현재 계획'),
  };
}

const WAY_COLOURS = ['#0969da', '#8250df', '#1a7f37', '#9a6700'];

/** One round vs rounds vs raffle: three small bar charts side by side, the target as a rule on the wait. */
function optionsChart(result: PlanResult, lang: Language): ChartSpec {
  const names = wayNames(result, lang);
  const { oneRound, rounds, raffle } = result.options;
  const target = result.plan.targets.maxWaitMinutes;
  const rows = [
    {
      way: names.oneRound,
      wait: oneRound.lastBuyerWaitMinutes,
      nothing: oneRound.waitedForNothing.people,
      hours: oneRound.waitedForNothing.personHours,
    },
    {
      way: names.rounds,
      wait: rounds.lastBuyerWaitMinutes,
      nothing: rounds.waitedForNothing.people,
      hours: rounds.waitedForNothing.personHours,
    },
    { way: names.raffle, wait: raffle.worstWaitMinutes, nothing: 0, hours: 0 },
  ];
  const domain = rows.map((row) => row.way);
  const colour = {
    field: 'way',
    type: 'nominal' as const,
    scale: { domain, range: WAY_COLOURS.slice(0, 3) },
    legend: null,
  };
  const panel = (field: 'wait' | 'nothing' | 'hours', title: string, withTarget: boolean) => ({
    width: 190,
    height: 150,
    title,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar' as const },
        encoding: {
          x: { field: 'way', type: 'nominal' as const, sort: domain, title: null, axis: { labelAngle: 0 } },
          y: { field, type: 'quantitative' as const, title: null },
          color: colour,
        },
      },
      ...(withTarget
        ? [
            {
              data: { values: [{ target }] },
              mark: { type: 'rule' as const, color: TARGET_COLOUR, strokeDash: [5, 3], strokeWidth: 2 },
              encoding: { y: { field: 'target', type: 'quantitative' as const } },
            },
            {
              data: { values: [{ target, label: say(lang, `target ${target} min`, `목표 ${target}분`) }] },
              mark: {
                type: 'text' as const,
                color: TARGET_COLOUR,
                align: 'right' as const,
                dy: -6,
                x: 'width' as const,
              },
              encoding: { y: { field: 'target', type: 'quantitative' as const }, text: { field: 'label' } },
            },
          ]
        : []),
    ],
  });
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    background: 'white',
    config,
    hconcat: [
      panel('wait', say(lang, "Last buyer's wait (min)", '마지막 구매자 대기 (분)'), true),
      panel('nothing', say(lang, 'People who waited for nothing', '헛걸음한 사람 (명)'), false),
      panel('hours', say(lang, 'Person-hours lost', '헛걸음 총 시간 (시간)'), false),
    ],
  } as TopLevelSpec;
  return {
    id: 'options',
    title: say(
      lang,
      `One round, ${result.options.rounds.rounds} rounds or a raffle, against the ${target}-minute target`,
      `한 번에, ${result.options.rounds.rounds}회차, 추첨: 목표 ${target}분과 비교`,
    ),
    spec,
  };
}

/** The timelines of every way, long form: minute, way, waiting, mean wait of those let in. */
function timelineRows(
  result: PlanResult,
  lang: Language,
): { minute: number; way: string; waiting: number; wait: number | null }[] {
  const names = wayNames(result, lang);
  const ways: [string, SaleTimeline][] = [
    [names.asWritten, result.asPlanned.simulation.timeline],
    [names.oneRound, result.options.oneRound.timeline],
    [names.rounds, result.options.rounds.timeline],
    [names.raffle, result.options.raffle.timeline],
  ];
  return ways.flatMap(([way, timeline]) =>
    timeline.points.map((point) => ({
      minute: point.minute,
      way,
      waiting: point.waiting,
      wait: point.meanWaitMinutes,
    })),
  );
}

function wayColour(result: PlanResult, lang: Language) {
  const names = wayNames(result, lang);
  return {
    field: 'way',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [names.oneRound, names.rounds, names.raffle, names.asWritten], range: WAY_COLOURS },
    legend: { orient: 'top' as const },
  };
}

function queueChart(result: PlanResult, lang: Language): ChartSpec {
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    background: 'white',
    config,
    width: 640,
    height: 220,
    data: { values: timelineRows(result, lang) },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: {
        field: 'minute',
        type: 'quantitative',
        title: say(lang, 'minutes after opening (before it: the pre-queue)', '개시 후 분 (음수: 사전 대기)'),
      },
      y: {
        field: 'waiting',
        type: 'quantitative',
        title: say(lang, 'people waiting', '기다리는 사람'),
        axis: { format: ',d' },
      },
      color: wayColour(result, lang),
    },
  };
  return {
    id: 'queue-over-time',
    title: say(lang, 'People waiting in the queue over time, for each way', '시간별 대기열 인원 (방식별)'),
    spec,
  };
}

function waitChart(result: PlanResult, lang: Language): ChartSpec {
  const target = result.plan.targets.maxWaitMinutes;
  const rows = timelineRows(result, lang).filter((row) => row.wait !== null);
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    background: 'white',
    config,
    width: 640,
    height: 220,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: { size: 12 } },
        encoding: {
          x: { field: 'minute', type: 'quantitative', title: say(lang, 'minutes after opening', '개시 후 분') },
          y: {
            field: 'wait',
            type: 'quantitative',
            title: say(lang, 'mean wait of people let in then (min)', '그때 입장한 사람의 평균 대기 (분)'),
          },
          color: wayColour(result, lang),
        },
      },
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [5, 3], strokeWidth: 2 },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target, label: say(lang, `target ${target} min`, `목표 ${target}분`) }] },
        mark: { type: 'text', color: TARGET_COLOUR, align: 'right', dy: -6, x: 'width' },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
  return {
    id: 'wait-over-time',
    title: say(
      lang,
      'How long the people let in at each moment had waited, for each way',
      '시각별로 입장한 사람이 기다린 시간 (방식별)',
    ),
    spec,
  };
}

const OUTCOME_ORDER = ['bought', 'sold_out', 'told_sold_out', 'gave_up', 'lost_place', 'not_drawn'] as const;

function whoBuysChart(result: PlanResult, lang: Language): ChartSpec {
  const names = wayNames(result, lang);
  const words: Record<(typeof OUTCOME_ORDER)[number], string> = {
    bought: say(lang, 'bought', '구매'),
    sold_out: say(lang, 'turned away sold out at their turn', '차례가 와서 품절 확인'),
    told_sold_out: say(lang, 'told it is sold out while queued', '기다리다 매진 안내 받음'),
    gave_up: say(lang, 'gave up waiting', '기다리다 포기'),
    lost_place: say(lang, 'lost their place', '순번 상실'),
    not_drawn: say(lang, 'not drawn in the raffle', '추첨 탈락'),
  };
  const raffle = result.options.raffle;
  const ways: [string, Partial<Record<(typeof OUTCOME_ORDER)[number], number>>][] = [
    [names.asWritten, result.asPlanned.simulation.outcomes.human],
    [names.oneRound, result.options.oneRound.outcomes],
    [names.rounds, result.options.rounds.outcomes],
    [names.raffle, { bought: raffle.winners, not_drawn: raffle.people - raffle.winners }],
  ];
  const values = ways
    .flatMap(([way, counts]) =>
      OUTCOME_ORDER.map((outcome, order) => ({
        way,
        outcome: words[outcome],
        order,
        people: (counts as Partial<OutcomeCounts & { not_drawn: number }>)[outcome] ?? 0,
      })),
    )
    .filter((row) => row.people > 0);
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    background: 'white',
    config,
    width: 560,
    height: 160,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'way',
        type: 'nominal',
        title: null,
        sort: [names.asWritten, names.oneRound, names.rounds, names.raffle],
      },
      x: {
        field: 'people',
        type: 'quantitative',
        stack: 'zero',
        title: say(lang, 'people', '사람'),
        axis: { format: ',d' },
      },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        scale: {
          domain: OUTCOME_ORDER.map((outcome) => words[outcome]),
          range: ['#1a7f37', '#bf8700', '#d4a72c', '#cf222e', '#8c959f', '#afb8c1'],
        },
        legend: { orient: 'bottom', columns: 3 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
  return {
    id: 'who-buys',
    title: say(
      lang,
      'Who buys and who leaves empty-handed (people; bots not shown)',
      '누가 사고 누가 빈손으로 돌아가나 (사람, 봇 제외)',
    ),
    spec,
  };
}

export function buildPlanChartSpecs(
  result: PlanResult,
  lang: Language,
): { options: ChartSpec; queue: ChartSpec; wait: ChartSpec; whoBuys: ChartSpec } {
  return {
    options: optionsChart(result, lang),
    queue: queueChart(result, lang),
    wait: waitChart(result, lang),
    whoBuys: whoBuysChart(result, lang),
  };
}
