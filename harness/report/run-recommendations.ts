/**
 * What to change, read off a run: login sessions and queue tickets long enough that nobody
 * loses their place while waiting (the 2021 failure), a sold-out announcement when people
 * waited for stock that was gone, and the next measurement to make when the shop, not the
 * waiting room, was the limit. Each with the figures behind it, in English and Korean.
 */
import { formatDuration, formatNumber, formatPercent } from './format-figures.ts';
import type { Recommendation, RunSummary } from './run-summary.ts';

export interface RunSettings {
  /** The shop's login session and ticket validity as configured for the sale (sale time, ms); null when unknown. */
  readonly sessionTtlSaleMs: number | null;
  readonly ticketTtlSaleMs: number | null;
  readonly reloginRequeues: boolean | null;
  /** Time from admission to checkout, sale time, ms (think time × steps). */
  readonly journeySaleMs: number;
  /** Requests the shop failed itself (5xx) or never answered (status 0). */
  readonly serverErrors: number;
}

/** Rounds up to whole minutes, for settings people type into a product. */
const ceilMinutes = (ms: number): number => Math.ceil(ms / 60_000) * 60_000;

export function recommendFromRun(
  summary: Omit<RunSummary, 'recommendations'>,
  settings: RunSettings,
): Recommendation[] {
  const advice: Recommendation[] = [];
  const wait = summary.queueWait.saleTime;
  const longestWait = wait.p99 ?? wait.max ?? 0;
  const expiries = summary.sessionExpiries;
  const requeues = summary.reentries.byReason.relogin_requeue ?? 0;
  if (expiries > 0 || requeues > 0) {
    const needed = ceilMinutes((longestWait + settings.journeySaleMs) * 1.25);
    const now = settings.sessionTtlSaleMs === null ? '' : ` (now ${formatDuration(settings.sessionTtlSaleMs, 'en')})`;
    const nowKo =
      settings.sessionTtlSaleMs === null ? '' : ` (현재 ${formatDuration(settings.sessionTtlSaleMs, 'ko')})`;
    advice.push({
      id: 'session-length',
      severity: requeues > 0 ? 'high' : 'medium',
      en: `Logins expired ${formatNumber(expiries)} times while people waited${requeues > 0 ? `, and ${formatNumber(requeues)} re-logins sent people to the back of the queue` : ''}. Make the login session at least ${formatDuration(needed, 'en')}${now}: the 99th-percentile wait ${formatDuration(longestWait, 'en')} plus the journey, with 25% margin${requeues > 0 || settings.reloginRequeues ? ', and let logging in again keep the queue place' : ''}.`,
      ko: `대기 중 로그인이 ${formatNumber(expiries)}번 만료되었습니다${requeues > 0 ? `. 재로그인 ${formatNumber(requeues)}번은 대기열 맨 뒤로 보냈습니다` : ''}. 로그인 세션을 최소 ${formatDuration(needed, 'ko')}${nowKo}로 늘리세요: 99 백분위 대기 ${formatDuration(longestWait, 'ko')}와 구매 시간에 25% 여유${requeues > 0 || settings.reloginRequeues ? '. 재로그인해도 대기 순번이 유지되게 하세요' : ''}.`,
    });
  }
  const lostTickets = summary.reentries.byReason.ticket_expired ?? 0;
  if (lostTickets > 0) {
    const now = settings.ticketTtlSaleMs === null ? null : settings.ticketTtlSaleMs;
    advice.push({
      id: 'ticket-validity',
      severity: 'medium',
      en: `${formatNumber(lostTickets)} queue places were lost because a ticket was not polled in time (phones asleep, closed tabs). Keep a place for at least 10 minutes without polling${now === null ? '' : ` (now ${formatDuration(now, 'en')})`}, and make the ticket itself valid for the whole wait (${formatDuration(ceilMinutes(longestWait * 1.25), 'en')} or more).`,
      ko: `순번 조회가 늦어(휴대폰 잠김, 탭 닫힘) 대기 순번 ${formatNumber(lostTickets)}개를 잃었습니다. 조회 없이도 순번을 최소 10분 유지하고${now === null ? '' : `(현재 ${formatDuration(now, 'ko')})`}, 대기 번호는 전체 대기 시간(${formatDuration(ceilMinutes(longestWait * 1.25), 'ko')} 이상) 동안 유효하게 하세요.`,
    });
  }
  const outcomes = Object.values(summary.actors).reduce(
    (sum, actor) => ({ soldOut: sum.soldOut + actor.outcomes.sold_out, gaveUp: sum.gaveUp + actor.outcomes.gave_up }),
    { soldOut: 0, gaveUp: 0 },
  );
  const soldOut = summary.stock.stock !== null && summary.stock.unitsSold >= summary.stock.stock;
  if (soldOut && outcomes.soldOut > 0) {
    advice.push({
      id: 'sold-out-announcement',
      severity: 'medium',
      en: `${formatNumber(outcomes.soldOut)} people waited until their turn only to find it sold out. Announce "sold out" to everyone still queued the moment the last unit is spoken for, and tell people beyond the stock's reach at the opening that they are unlikely to buy.`,
      ko: `${formatNumber(outcomes.soldOut)}명이 차례가 와서야 품절을 알았습니다. 마지막 수량이 결제에 들어가는 순간 대기 중인 모두에게 매진을 알리고, 시작 시점에 재고로 닿을 수 없는 순번의 사람들에게는 구매가 어렵다고 미리 알리세요.`,
    });
  }
  const errorRate = summary.requests.total > 0 ? settings.serverErrors / summary.requests.total : 0;
  if (errorRate > 0.01) {
    advice.push({
      id: 'measure-capacity',
      severity: 'high',
      en: `${formatPercent(errorRate)} of requests failed on the shop's side (5xx or no answer): the shop, not the waiting room, set the limit. Measure its capacity (\`saleready capacity\`) and admit at most 75% of it per minute (\`saleready plan\` turns the profile into waiting-room settings).`,
      ko: `요청의 ${formatPercent(errorRate)}가 상점 쪽에서 실패했습니다(5xx 또는 무응답): 대기열이 아니라 상점이 한계였습니다. 상점 처리 용량을 측정하고(\`saleready capacity\`) 분당 입장을 그 75% 이하로 하세요(\`saleready plan\`이 대기열 설정으로 바꿔 줍니다).`,
    });
  }
  return advice;
}
