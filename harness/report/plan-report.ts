/**
 * The plan report as data: the verdict sentence first, then sections of sentences and
 * tables, in English or Korean, built from a PlanResult. renderPlanText and
 * renderPlanMarkdown only lay this out. Pure.
 */
import {
  openingClock,
  type AnnouncementAdvice,
  type PlanProblem,
  type PlanResult,
  type ProductSetting,
} from '../capacity/index.ts';
import { clockAfter, count, decimal, duration, percent, say } from './plan-words.ts';
import type { Language } from '../vocabulary.ts';

export interface PlanReportSection {
  /** Stable key of the section, for pages that place charts beside it. */
  readonly id: 'options' | 'as-planned' | 'waiting-room' | 'sessions' | 'sold-out';
  readonly title: string;
  readonly lines: readonly string[];
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

export interface PlanReport {
  readonly title: string;
  readonly verdict: string;
  readonly sections: readonly PlanReportSection[];
}

function problemLine(problem: PlanProblem, result: PlanResult, lang: Language): string {
  const s = result.asPlanned.simulation;
  const plan = result.plan;
  switch (problem) {
    case 'no-waiting-room':
      return say(
        lang,
        `No waiting room: ${count(s.shop.peakAdmittedPerMinute)} people reach the shop in one minute, ${decimal(s.shop.peakLoadRatio)}× what it serves.`,
        `대기실 없음: 1분에 ${count(s.shop.peakAdmittedPerMinute)}명이 쇼핑몰에 들어옵니다. 처리 용량의 ${decimal(s.shop.peakLoadRatio)}배입니다.`,
      );
    case 'over-capacity':
      return say(
        lang,
        `The waiting room lets in up to ${count(s.shop.peakAdmittedPerMinute)} people a minute; the shop serves ${count(plan.capacity.peoplePerMinute)} (${decimal(s.shop.peakLoadRatio, 2)}×): journeys slow to ${duration(s.shop.meanTimeInShopMinutes, lang)} on average.`,
        `대기실이 1분에 최대 ${count(s.shop.peakAdmittedPerMinute)}명을 들여보내지만 쇼핑몰은 ${count(plan.capacity.peoplePerMinute)}명을 처리합니다(${decimal(s.shop.peakLoadRatio, 2)}배). 구매 과정이 평균 ${duration(s.shop.meanTimeInShopMinutes, lang)}로 느려집니다.`,
      );
    case 'logged-out-requeued':
      return say(
        lang,
        `${count(s.sessionExpiries)} times a person's login ran out (${duration(plan.sessionTtlMinutes ?? Infinity, lang)} session) when their turn came and they were sent to the back; ${count(s.waitedAndLost.people)} people lost their place after waiting over ${duration(s.waitedAndLost.thresholdMinutes, lang)}.`,
        `차례가 왔을 때 로그인이 만료되어(세션 ${duration(plan.sessionTtlMinutes ?? Infinity, lang)}) 대기열 맨 뒤로 보내진 경우가 ${count(s.sessionExpiries)}번입니다. ${duration(s.waitedAndLost.thresholdMinutes, lang)} 넘게 기다린 뒤 순번을 잃은 사람이 ${count(s.waitedAndLost.people)}명입니다.`,
      );
    case 'logged-out':
      return say(
        lang,
        `${count(s.sessionExpiries)} people had to log in again when their turn came (session ${duration(plan.sessionTtlMinutes ?? Infinity, lang)}).`,
        `${count(s.sessionExpiries)}명이 차례가 왔을 때 다시 로그인해야 했습니다(세션 ${duration(plan.sessionTtlMinutes ?? Infinity, lang)}).`,
      );
    case 'lost-places':
      return say(
        lang,
        `${count(s.lostTickets)} queue tickets expired while a phone slept (ticket ${duration(plan.ticketTtlMinutes ?? Infinity, lang)}); ${count(s.reEntries.afterLostTicket)} came back at the back.`,
        `휴대폰이 잠든 사이 대기표 ${count(s.lostTickets)}장이 만료되었습니다(대기표 ${duration(plan.ticketTtlMinutes ?? Infinity, lang)}). ${count(s.reEntries.afterLostTicket)}명이 맨 뒤로 다시 줄을 섰습니다.`,
      );
    case 'long-wait':
      return say(
        lang,
        `Waits reach ${duration(result.asPlanned.worstWaitMinutes, lang)} (99th percentile or last buyer); the target is ${duration(plan.targets.maxWaitMinutes, lang)}.`,
        `대기 시간이 ${duration(result.asPlanned.worstWaitMinutes, lang)}에 이릅니다(99백분위 또는 마지막 구매자). 목표는 ${duration(plan.targets.maxWaitMinutes, lang)}입니다.`,
      );
    case 'waiting-for-nothing':
      return say(
        lang,
        `${count(s.waitedForNothing.people)} people wait ${duration(s.waitedForNothing.meanWaitMinutes, lang)} on average for nothing (${count(s.waitedForNothing.personHours)} person-hours).`,
        `${count(s.waitedForNothing.people)}명이 평균 ${duration(s.waitedForNothing.meanWaitMinutes, lang)}을 기다리고도 사지 못합니다(모두 ${count(s.waitedForNothing.personHours)}시간).`,
      );
    case 'bots':
      return say(
        lang,
        `Bots (${percent(plan.bots?.share ?? 0)} of arrivals, ${plan.bots?.ticketsPerBot ?? 0} accounts each, sessions kept alive) take ${percent(s.bots.shareOfStock)} of the stock.`,
        `봇(도착자의 ${percent(plan.bots?.share ?? 0)}, 각 ${plan.bots?.ticketsPerBot ?? 0}개 계정, 세션 유지)이 재고의 ${percent(s.bots.shareOfStock)}를 가져갑니다.`,
      );
  }
}

/** Person-hours as a person reads them: one decimal under 10. */
function hours(value: number): string {
  return value < 10 ? decimal(value) : count(value);
}

/**
 * The sold-out section: one "sold out" figure (the last unit claimed), when the last person
 * who waited learns it, and announcement advice only where it reaches someone and saves
 * waiting (AnnouncementAdvice.advice === 'announce').
 */
function soldOutLines(a: AnnouncementAdvice, lang: Language): string[] {
  const d = (m: number) => duration(m, lang);
  if (a.advice === 'not-sold-out' || a.soldOutAtMinutes === null) {
    return [
      say(
        lang,
        'As written, the stock does not sell out: there is nothing to announce.',
        '현재 계획대로면 재고가 매진되지 않으므로 안내할 것이 없습니다.',
      ),
    ];
  }
  const lines = [
    say(
      lang,
      `As written, sold out ${d(a.soldOutAtMinutes)} after opening: the last unit is claimed then, and nobody after can buy${a.lastCheckoutAtMinutes !== null ? ` (its checkout ends at ${d(a.lastCheckoutAtMinutes)})` : ''}.`,
      `현재 계획대로면 개시 ${d(a.soldOutAtMinutes)} 후 매진: 이때 마지막 재고의 주인이 정해지고 그 뒤로는 아무도 살 수 없습니다${a.lastCheckoutAtMinutes !== null ? `(그 결제는 ${d(a.lastCheckoutAtMinutes)}에 끝남)` : ''}.`,
    ),
  ];
  if (a.advice === 'nobody-left-waiting') {
    lines.push(
      say(
        lang,
        'Nobody is left waiting for it then, so no announcement is needed.',
        '그때 기다리는 사람이 없으므로 매진 안내가 필요 없습니다.',
      ),
    );
    return lines;
  }
  if (a.lastWaiterLearnsWithoutMinutes !== null) {
    lines.push(
      say(
        lang,
        `Without an announcement the last person still waiting learns it only at ${d(a.lastWaiterLearnsWithoutMinutes)}, when their turn comes.`,
        `매진 안내가 없으면 마지막까지 기다린 사람은 ${d(a.lastWaiterLearnsWithoutMinutes)}에야 차례가 와서 매진을 알게 됩니다.`,
      ),
    );
  }
  if (a.overhangAtMinutes !== null && a.queuedAtOverhang > a.lastHopefulPosition) {
    lines.push(
      say(
        lang,
        `${a.overhangAtMinutes <= 0 ? 'At opening' : `From ${d(a.overhangAtMinutes)} after opening`} the queue holds ${count(a.queuedAtOverhang)} people, more than the stock can serve: tell everyone beyond position ${count(a.lastHopefulPosition)} that they are unlikely to buy.`,
        `${a.overhangAtMinutes <= 0 ? '개시 시점에' : `개시 ${d(a.overhangAtMinutes)} 후부터`} 대기열 ${count(a.queuedAtOverhang)}명이 재고로 감당할 수 있는 인원보다 많습니다. ${count(a.lastHopefulPosition)}번 뒤의 사람들에게 구매가 어렵다고 알리세요.`,
      ),
    );
  }
  lines.push(
    say(
      lang,
      `Announce "sold out" the moment the last unit is claimed (${d(a.announceAtMinutes ?? a.soldOutAtMinutes)}): it reaches ${count(a.told)} people still queued at once and cuts the time spent waiting for nothing from ${hours(a.personHoursWithout)} to ${hours(a.personHoursWith)} person-hours.`,
      `마지막 재고의 주인이 정해지는 순간(${d(a.announceAtMinutes ?? a.soldOutAtMinutes)}) 매진을 알리세요. 아직 기다리는 ${count(a.told)}명에게 한 번에 전달되며, 헛걸음 대기가 ${hours(a.personHoursWithout)}시간에서 ${hours(a.personHoursWith)}시간으로 줄어듭니다.`,
    ),
  );
  return lines;
}

function settingRow(setting: ProductSetting, lang: Language): string[] {
  const unit: Record<ProductSetting['unit'], string> = {
    users: say(lang, 'users', '명'),
    'users per minute': say(lang, 'users/min', '명/분'),
    minutes: say(lang, 'min', '분'),
    seconds: say(lang, 's', '초'),
    'redirects per minute': say(lang, 'redirects/min', '명/분'),
    'users per increment': say(lang, 'per minute', '명/분'),
  };
  const why: Record<ProductSetting['reason'], string> = {
    rate: say(lang, 'admission rate, below measured capacity', '입장 속도: 측정 용량보다 낮게'),
    active: say(lang, "Little's law: rate × (journey + idle session)", '리틀의 법칙: 속도 × (구매 시간 + 세션 유지)'),
    session: say(lang, 'covers the 99th-percentile journey', '구매 과정 99백분위를 덮음'),
    'queue-validity': say(lang, 'outlasts the whole wait', '전체 대기보다 길게'),
    'position-expiry': say(lang, 'keeps the place while a phone sleeps', '휴대폰이 잠든 동안 순번 유지'),
    'token-validity': say(lang, 'covers the journey after admission', '입장 후 구매 과정을 덮음'),
  };
  return [setting.product, setting.setting, `${perMinute(setting.value)} ${unit[setting.unit]}`, why[setting.reason]];
}

/** People per minute: whole above 10, with up to 2 decimals below (a tiny shop admits 0.38 a minute, not "0"). */
const perMinute = (rate: number): string => (rate >= 10 ? count(rate) : decimal(rate, 2));

export function buildPlanReport(result: PlanResult, lang: Language): PlanReport {
  const { plan, options, verdict, waitingRoom: room, sessions, announcement } = result;
  const { oneRound, rounds, raffle } = options;
  const opening = openingClock(plan);
  const d = (m: number) => duration(m, lang);
  // Demand below the stock is a share of it ("5% of the stock"), above it a multiple ("15× the stock").
  const head =
    result.demandRatio < 1
      ? say(
          lang,
          `${count(plan.people)} people for ${count(plan.stock)} units (they can buy ${percent(result.demandRatio)} of the stock)`,
          `${count(plan.stock)}개에 ${count(plan.people)}명(모두 사도 재고의 ${percent(result.demandRatio)})`,
        )
      : say(
          lang,
          `${count(plan.people)} people for ${count(plan.stock)} units (${decimal(result.demandRatio)}× the stock)`,
          `${count(plan.stock)}개에 ${count(plan.people)}명(재고의 ${decimal(result.demandRatio)}배)`,
        );
  const verdictText = {
    'one-round': say(
      lang,
      `One round works: ${head}; the last buyer waits ${d(oneRound.lastBuyerWaitMinutes)}, within the ${d(plan.targets.maxWaitMinutes)} target.`,
      `한 번에 판매해도 됩니다: ${head}. 마지막 구매자가 ${d(oneRound.lastBuyerWaitMinutes)} 기다려 목표 ${d(plan.targets.maxWaitMinutes)} 안입니다.`,
    ),
    rounds: say(
      lang,
      `Split the sale into ${verdict.rounds} rounds: ${head}; one round makes the last buyer wait ${d(oneRound.lastBuyerWaitMinutes)}, ${verdict.rounds} rounds ${d(rounds.lastBuyerWaitMinutes)} (target ${d(plan.targets.maxWaitMinutes)}).`,
      `${verdict.rounds}회차로 나누어 판매하세요: ${head}. 한 번에 팔면 마지막 구매자가 ${d(oneRound.lastBuyerWaitMinutes)}, ${verdict.rounds}회차면 ${d(rounds.lastBuyerWaitMinutes)} 기다립니다(목표 ${d(plan.targets.maxWaitMinutes)}).`,
    ),
    raffle:
      verdict.because === 'demand-far-above-stock'
        ? say(
            lang,
            `Hold a raffle: ${head}; first come makes ${percent(oneRound.waitedForNothing.people / plan.people)} of people wait for nothing. Each person's chance is ${percent(raffle.chance)}.`,
            `추첨으로 판매하세요: ${head}. 선착순이면 ${percent(oneRound.waitedForNothing.people / plan.people)}가 기다리고도 사지 못합니다. 당첨 확률은 ${percent(raffle.chance)}입니다.`,
          )
        : say(
            lang,
            `Hold a raffle: ${head}; even ${plan.decision.maxRounds} rounds leave the last buyer waiting ${d(rounds.lastBuyerWaitMinutes)} (target ${d(plan.targets.maxWaitMinutes)}).`,
            `추첨으로 판매하세요: ${head}. ${plan.decision.maxRounds}회차로 나누어도 마지막 구매자가 ${d(rounds.lastBuyerWaitMinutes)} 기다립니다(목표 ${d(plan.targets.maxWaitMinutes)}).`,
          ),
  }[verdict.choice];

  const starts = Array.from({ length: rounds.rounds }, (_, i) =>
    opening ? clockAfter(opening, i * rounds.spacingMinutes) : `+${d(i * rounds.spacingMinutes)}`,
  );
  const optionRows: string[][] = [
    [
      say(lang, 'One round', '한 번에 판매'),
      d(oneRound.lastBuyerWaitMinutes),
      count(oneRound.waitedForNothing.people),
      d(oneRound.waitedForNothing.meanWaitMinutes),
      count(oneRound.waitedForNothing.personHours),
      oneRound.meetsTarget ? '✔' : '✘',
    ],
    [
      say(lang, `${rounds.rounds} rounds`, `${rounds.rounds}회차`),
      d(rounds.lastBuyerWaitMinutes),
      count(rounds.waitedForNothing.people),
      d(rounds.waitedForNothing.meanWaitMinutes),
      count(rounds.waitedForNothing.personHours),
      rounds.meetsTarget ? '✔' : '✘',
    ],
    ...(result.stockCoversEveryone
      ? []
      : [
          [
            say(lang, 'Raffle', '추첨'),
            say(lang, `slot (≤ ${d(raffle.worstWaitMinutes)})`, `예약 시간(≤ ${d(raffle.worstWaitMinutes)})`),
            '0',
            '0',
            '0',
            '✔',
          ],
        ]),
  ];
  const s = result.asPlanned.simulation;
  const plannedRoom = plan.waitingRoom
    ? say(
        lang,
        `waiting room ${count(plan.waitingRoom.admissionRatePerMinute)}/min`,
        `대기실 분당 ${count(plan.waitingRoom.admissionRatePerMinute)}명`,
      )
    : say(lang, 'no waiting room', '대기실 없음');
  const sections: PlanReportSection[] = [
    {
      id: 'options',
      title: say(lang, 'One round, rounds or a raffle', '한 번에, 회차별, 추첨'),
      lines: [
        say(
          lang,
          `Simulated with admission at ${perMinute(room.admissionRatePerMinute)}/min, sessions that outlast the wait and a sold-out announcement.`,
          `입장 분당 ${perMinute(room.admissionRatePerMinute)}명, 대기보다 긴 세션, 매진 즉시 안내를 가정한 시뮬레이션입니다.`,
        ),
        say(
          lang,
          `One round: the last buyer waits ${d(oneRound.lastBuyerWaitMinutes)}${oneRound.waitedForNothing.people > 0 ? `; ${count(oneRound.waitedForNothing.people)} people wait ${d(oneRound.waitedForNothing.meanWaitMinutes)} on average for nothing` : ''}; ${oneRound.sellOutMinutes === null ? 'stock is left' : `sold out after ${d(oneRound.sellOutMinutes)}`}.`,
          `한 번에 판매: 마지막 구매자 대기 ${d(oneRound.lastBuyerWaitMinutes)}.${oneRound.waitedForNothing.people > 0 ? ` ${count(oneRound.waitedForNothing.people)}명이 평균 ${d(oneRound.waitedForNothing.meanWaitMinutes)} 기다리고도 사지 못합니다.` : ''} ${oneRound.sellOutMinutes === null ? '재고가 남습니다.' : `${d(oneRound.sellOutMinutes)} 만에 매진.`}`,
        ),
        say(
          lang,
          `${rounds.rounds} rounds (fluid estimate ⌈N/(μ(T+W))⌉ = ${rounds.fluidRounds}, confirmed by simulating each round): ${count(rounds.peoplePerRound)} people and ${count(rounds.stockPerRound)} units per round, opening at ${starts.join(', ')} (${d(rounds.spacingMinutes)} apart); the last buyer waits ${d(rounds.lastBuyerWaitMinutes)}.`,
          `${rounds.rounds}회차(유체 모형 ⌈N/(μ(T+W))⌉ = ${rounds.fluidRounds}, 회차마다 시뮬레이션으로 확인): 회차당 ${count(rounds.peoplePerRound)}명, ${count(rounds.stockPerRound)}개, 시작 ${starts.join(', ')}(${d(rounds.spacingMinutes)} 간격). 마지막 구매자 대기 ${d(rounds.lastBuyerWaitMinutes)}.`,
        ),
        result.stockCoversEveryone
          ? say(
              lang,
              'Raffle: not needed — the stock covers everyone who may come, so nobody would lose a draw.',
              '추첨: 필요 없습니다. 올 수 있는 모든 사람이 살 만큼 재고가 있어 추첨에서 떨어질 사람이 없습니다.',
            )
          : say(
              lang,
              `Raffle: ${count(raffle.winners)} winners (${percent(raffle.chance)} chance), each given a purchase slot at ${perMinute(raffle.slotsPerMinute)} per minute over ${d(raffle.purchaseWindowMinutes)}; nobody queues.`,
              `추첨: 당첨자 ${count(raffle.winners)}명(확률 ${percent(raffle.chance)}), 분당 ${perMinute(raffle.slotsPerMinute)}명씩 ${d(raffle.purchaseWindowMinutes)}에 걸쳐 구매 시간을 배정합니다. 줄을 서지 않습니다.`,
            ),
      ],
      table: {
        head:
          lang === 'ko'
            ? [
                '방식',
                '마지막 구매자 대기',
                '헛걸음 인원',
                '헛걸음 평균 대기',
                '헛걸음 총 시간',
                `목표 ${d(plan.targets.maxWaitMinutes)}`,
              ]
            : [
                'way',
                'last buyer waits',
                'waited for nothing',
                'their mean wait',
                'person-hours lost',
                `target ${d(plan.targets.maxWaitMinutes)}`,
              ],
        rows: optionRows,
      },
    },
    {
      id: 'as-planned',
      title: say(lang, `The plan as written (one round, ${plannedRoom})`, `현재 계획(한 번에 판매, ${plannedRoom})`),
      lines: [
        s.buyers > 0
          ? say(
              lang,
              `Buyers: ${count(s.buyers)} people; the last waits ${d(s.waits.buyers.max)}. Median wait ${d(s.waits.everyone.p50)}, 95th percentile ${d(s.waits.everyone.p95)}.`,
              `구매자 ${count(s.buyers)}명, 마지막 구매자 대기 ${d(s.waits.buyers.max)}. 대기 중앙값 ${d(s.waits.everyone.p50)}, 95백분위 ${d(s.waits.everyone.p95)}.`,
            )
          : say(
              lang,
              `No person buys: ${count(s.stockSold)} units go to bots. Median wait ${d(s.waits.everyone.p50)}, 95th percentile ${d(s.waits.everyone.p95)}.`,
              `사람은 아무도 사지 못하고 ${count(s.stockSold)}개가 봇에게 갑니다. 대기 중앙값 ${d(s.waits.everyone.p50)}, 95백분위 ${d(s.waits.everyone.p95)}.`,
            ),
        ...result.asPlanned.problems.map((p) => `✘ ${problemLine(p, result, lang)}`),
      ],
    },
    {
      id: 'waiting-room',
      title: say(lang, 'Waiting-room settings', '대기실 설정'),
      lines: [
        say(
          lang,
          `Admit ${perMinute(room.admissionRatePerMinute)} people per minute: ${percent(room.margin)} of the measured ${perMinute(room.measuredPeoplePerMinute)}/min, so a slower-than-measured shop still keeps up. By Little's law the shop then holds ${count(room.concurrentInShop)} people at once (rate × ${d(room.journeyMinutes)} journey) of the ${count(room.shopConcurrency)} it can.`,
          `분당 ${perMinute(room.admissionRatePerMinute)}명을 들여보내세요: 측정 용량 분당 ${perMinute(room.measuredPeoplePerMinute)}명의 ${percent(room.margin)}이므로 측정보다 느려져도 감당합니다. 리틀의 법칙에 따라 쇼핑몰에는 동시에 ${count(room.concurrentInShop)}명(속도 × 구매 ${d(room.journeyMinutes)})이 있게 되며, 감당 가능한 인원은 ${count(room.shopConcurrency)}명입니다.`,
        ),
        ...room.warnings.map((w) =>
          w === 'rate-below-product-minimum'
            ? say(
                lang,
                "⚠ The rate is below the products' minimum of 200 users per minute: add capacity or use a raffle with slots.",
                '⚠ 입장 속도가 제품 최소값(분당 200명)보다 낮습니다. 용량을 늘리거나 시간 배정 추첨을 쓰세요.',
              )
            : say(
                lang,
                '⚠ The journey is longer than the 30-minute session maximum.',
                '⚠ 구매 과정이 세션 최대값 30분보다 깁니다.',
              ),
        ),
      ],
      table: {
        head: lang === 'ko' ? ['제품', '설정', '값', '이유'] : ['product', 'setting', 'value', 'why'],
        rows: room.settings.map((x) => settingRow(x, lang)),
      },
    },
    {
      id: 'sessions',
      title: say(lang, 'Login session and queue ticket', '로그인 세션과 대기표'),
      lines: [
        say(
          lang,
          `Login session at least ${d(sessions.sessionTtlMinutes)}: (pre-queue ${d(sessions.basis.preQueueMinutes)} + wait ${d(sessions.basis.worstWaitMinutes)} + journey p99 ${d(sessions.basis.journeyP99Minutes)}) × 1.25, rounded up. One round would need ${d(sessions.sessionTtlByChoice['one-round'])}, rounds ${d(sessions.sessionTtlByChoice.rounds)}.`,
          `로그인 세션은 최소 ${d(sessions.sessionTtlMinutes)}: (사전 대기 ${d(sessions.basis.preQueueMinutes)} + 대기 ${d(sessions.basis.worstWaitMinutes)} + 구매 99백분위 ${d(sessions.basis.journeyP99Minutes)}) × 1.25, 올림. 한 번에 판매하면 ${d(sessions.sessionTtlByChoice['one-round'])}, 회차별이면 ${d(sessions.sessionTtlByChoice.rounds)}이 필요합니다.`,
        ),
        say(
          lang,
          `Queue ticket valid for ${d(sessions.ticketValidityMinutes)}; keep a place for ${d(sessions.idleToleranceMinutes)} without polling (phones asleep).`,
          `대기표 유효 시간 ${d(sessions.ticketValidityMinutes)}. 응답이 없어도 ${d(sessions.idleToleranceMinutes)} 동안 순번을 유지하세요(휴대폰 잠김).`,
        ),
        ...(sessions.keepPlaceOnRelogin
          ? [
              say(
                lang,
                'Logging in again must keep the queue place: today it sends people to the back (the 2021 failure).',
                '다시 로그인해도 순번을 유지해야 합니다. 지금은 맨 뒤로 보냅니다(2021년 장애).',
              ),
            ]
          : []),
      ],
    },
    {
      id: 'sold-out',
      title: say(lang, 'Sold out and the announcement', '매진과 매진 안내'),
      lines: soldOutLines(announcement, lang),
    },
  ];
  const name = plan.name ? `${plan.name}: ` : '';
  return { title: say(lang, `${name}sale plan`, `${name}판매 계획`), verdict: verdictText, sections };
}
