/**
 * The shop's own counters (summary.json `shop`, dotted keys of its /admin/stats) as rows a
 * person reads: words instead of field names ("queue tickets cancelled by re-login", not
 * `ticketsInvalidated`), durations as durations, clock readings turned into "sold out after …
 * from the first login". A key this file does not know keeps its name. Pure.
 */
import { formatDuration, formatNumber } from './format-figures.ts';
import type { Language } from '../vocabulary.ts';

type Words = { readonly en: string; readonly ko: string };

const FIGURES: Readonly<Record<string, Words>> = {
  requestsTotal: { en: 'requests the shop answered', ko: '쇼핑몰이 응답한 요청' },
  logins: { en: 'logins', ko: '로그인' },
  sessionsExpired: { en: 'login sessions that ran out', ko: '만료된 로그인 세션' },
  ticketsIssued: { en: 'queue tickets issued', ko: '발급한 대기표' },
  ticketsReused: {
    en: 'joins that got their own live ticket back (refresh, second tab)',
    ko: '살아 있는 자기 대기표를 돌려받은 입장 요청 (새로고침, 두 번째 탭)',
  },
  ticketsExpired: { en: 'queue tickets expired (not polled in time)', ko: '만료된 대기표 (제때 조회하지 않음)' },
  ticketsInvalidated: { en: 'queue tickets cancelled by re-login', ko: '다시 로그인해서 취소된 대기표' },
  admittedTotal: { en: 'admissions from the queue', ko: '대기열에서 입장' },
  ordersTotal: { en: 'orders', ko: '주문' },
  unitsSold: { en: 'units sold', ko: '판매 수량' },
  stockLeft: { en: 'units left at the end', ko: '끝났을 때 남은 재고' },
  queueLength: { en: 'people still in the queue at the end', ko: '끝났을 때 대기열에 남은 인원' },
  activeUsers: { en: 'admitted people who had not finished at the end', ko: '끝났을 때 입장해 구매 중이던 인원' },
  inFlight: { en: 'requests still being served at the end', ko: '끝났을 때 처리 중이던 요청' },
  'ordersByAddress.max': { en: 'most units sent to one delivery address', ko: '한 배송지로 간 최대 수량' },
  'ordersByAddress.addressesOverLimit': {
    en: 'delivery addresses over the per-address limit',
    ko: '주소당 한도를 넘긴 배송지',
  },
  'ordersByPerson.max': { en: 'most units bought by one person', ko: '한 사람이 산 최대 수량' },
  'ordersByPerson.personsOverLimit': { en: 'people over the per-person limit', ko: '1인 한도를 넘긴 사람' },
};

const REFUSALS: Readonly<Record<string, Words>> = {
  sold_out: { en: 'sold out', ko: '품절' },
  person_limit: { en: 'per-person limit', ko: '1인 한도' },
  address_limit: { en: 'per-address limit', ko: '주소당 한도' },
  no_session: { en: 'not logged in', ko: '로그인 안 됨' },
  session_expired: { en: 'login session ran out', ko: '로그인 세션 만료' },
  ticket_expired: { en: 'queue ticket expired', ko: '대기표 만료' },
  ticket_invalidated: { en: 'queue ticket cancelled by re-login', ko: '다시 로그인해 대기표 취소' },
  unknown_ticket: { en: 'unknown queue ticket', ko: '알 수 없는 대기표' },
  no_admission: { en: 'not admitted from the queue', ko: '대기열 입장 안 됨' },
  token_expired: { en: 'admission expired', ko: '입장 만료' },
  token_invalid: { en: 'forged or foreign admission token', ko: '위조되었거나 남의 입장 토큰' },
  overloaded: { en: 'shop overloaded (503)', ko: '과부하 (503)' },
  injected_fault: { en: 'injected fault (500)', ko: '주입한 오류 (500)' },
  bad_request: { en: 'bad request', ko: '잘못된 요청' },
  not_found: { en: 'not found', ko: '없는 주소' },
  method_not_allowed: { en: 'method not allowed', ko: '허용되지 않은 메서드' },
};

const ACTORS: Readonly<Record<string, Words>> = { person: { en: 'people', ko: '사람' }, bot: { en: 'bots', ko: '봇' } };
const PER_ACTOR: Readonly<Record<string, Words>> = {
  requests: { en: 'requests from', ko: '요청' },
  orders: { en: 'orders by', ko: '주문' },
  units: { en: 'units bought by', ko: '구매 수량' },
};

/** [words, value] rows of the shop's counters, in the order above, unknown keys last under their names. */
export function shopFigureRows(shop: Readonly<Record<string, number>>, lang: Language): [string, string][] {
  const rows: [string, string][] = [];
  const used = new Set<string>();
  const take = (key: string): number | undefined => {
    used.add(key);
    return shop[key];
  };
  for (const [key, words] of Object.entries(FIGURES)) {
    const value = take(key);
    if (value !== undefined) rows.push([words[lang], formatNumber(value)]);
  }
  const first = take('firstLoginAtMs');
  const soldOut = take('soldOutAtMs');
  if (first !== undefined && soldOut !== undefined) {
    rows.push([
      lang === 'ko'
        ? '첫 로그인부터 마지막 재고 판매까지 (실행 시간)'
        : 'from the first login to the last unit sold (run time)',
      formatDuration(soldOut - first, lang),
    ]);
  }
  const uptime = take('uptimeMs');
  if (uptime !== undefined)
    rows.push([
      lang === 'ko' ? '쇼핑몰 가동 시간 (실행 시간)' : 'shop running time (run time)',
      formatDuration(uptime, lang),
    ]);
  for (const [key, value] of Object.entries(shop)) {
    if (used.has(key)) continue;
    const refusal = /^rejections\.(.+)$/.exec(key);
    const actor = /^byActor\.([^.]+)\.(requests|orders|units)$/.exec(key);
    if (refusal) {
      const words = REFUSALS[refusal[1]!];
      const reason = words ? words[lang] : refusal[1]!;
      rows.push([lang === 'ko' ? `거절한 요청: ${reason}` : `requests refused: ${reason}`, formatNumber(value)]);
    } else if (actor) {
      const who = ACTORS[actor[1]!]?.[lang] ?? actor[1]!;
      const what = PER_ACTOR[actor[2]!]![lang];
      rows.push([lang === 'ko' ? `${who} ${what}` : `${what} ${who}`, formatNumber(value)]);
    } else rows.push([key, formatNumber(value)]);
  }
  return rows;
}
