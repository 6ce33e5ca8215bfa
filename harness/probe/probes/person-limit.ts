/**
 * person-limit: one admitted account buys past the per-person limit L, first in one order
 * of L + 1 units, then split: L units, then one more. Buys at most L + 1 units.
 */
import { undecided } from '../access-verdict.ts';
import { errorCodeOf, isSuccess, toEvidence } from '../probe-client.ts';
import type { ShopAnswer } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';

export const personLimitProbe: ProbeDefinition = {
  id: 'person-limit',
  severity: 'high',
  title: {
    en: 'Per-person limit: one account buying more than allowed',
    ko: '1인 한도: 한 계정이 허용량보다 많이 구매',
  },
  fix: {
    en: "Count units per user id over all of that user's orders and refuse an order that would pass the limit (409 person_limit), atomically with the stock decrement.",
    ko: '사용자 ID별로 모든 주문의 수량을 합산해 한도를 넘는 주문을 재고 차감과 같은 원자적 단계에서 409 person_limit으로 거부하십시오.',
  },
  async run({ client, limits, userId, address }) {
    const limit = limits.perPerson;
    const buyer = await client.admit(userId('buyer'));
    const order = (quantity: number, label: string, what: string): Promise<ShopAnswer> => {
      const body = { quantity, address: address(label) };
      return client.call('POST', '/api/checkout', {
        session: buyer.session,
        token: buyer.token,
        body,
        sent: `own session and token, ${what}, body ${JSON.stringify(body)}`,
      });
    };
    const whole = await order(limit + 1, 'whole', `one order of ${limit + 1} units`);
    if (isSuccess(whole)) {
      return {
        verdict: 'bypassed',
        evidence: toEvidence(whole),
        observed: {
          en: `One order of ${limit + 1} units was accepted (limit ${limit}).`,
          ko: `${limit + 1}개 단일 주문이 접수되었습니다(한도 ${limit}).`,
        },
      };
    }
    if (errorCodeOf(whole) !== 'person_limit') return undecided(whole);
    const allowed = await order(limit, 'split-1', `an order of ${limit} units (within the limit)`);
    if (!isSuccess(allowed)) {
      if (errorCodeOf(allowed) === 'person_limit') {
        return {
          verdict: 'held',
          evidence: toEvidence(allowed),
          observed: {
            en: `Even ${limit} units were refused: the limit is lower than assumed.`,
            ko: `${limit}개 주문도 거부되었습니다: 한도가 가정보다 낮습니다.`,
          },
        };
      }
      return undecided(allowed);
    }
    const extra = await order(1, 'split-2', `one more unit after ${limit}`);
    if (isSuccess(extra)) {
      return {
        verdict: 'bypassed',
        evidence: toEvidence(extra),
        observed: {
          en: `The limit held for one order, but split orders bought ${limit + 1} units (limit ${limit}).`,
          ko: `단일 주문은 막혔지만, 나눠서 주문하니 ${limit + 1}개를 구매했습니다(한도 ${limit}).`,
        },
      };
    }
    if (errorCodeOf(extra) !== 'person_limit' && extra.status !== 403) return undecided(extra);
    return {
      verdict: 'held',
      evidence: toEvidence(extra),
      observed: {
        en: `${limit + 1} units were refused both in one order and split over two orders.`,
        ko: `${limit + 1}개 구매가 단일 주문과 분할 주문 모두에서 거부되었습니다.`,
      },
    };
  },
};
