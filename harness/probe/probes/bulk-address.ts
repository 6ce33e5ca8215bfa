/**
 * bulk-address: several accounts buy to ONE delivery address, one unit each, past the
 * per-address limit — the bulk buying through many IDs of the 2021 sale. With limit L it
 * uses L + 2 accounts: L orders to the address (allowed), order L + 1 to the same address
 * (must be refused), and, if refused, order L + 2 to the same address spelt differently
 * (capitals, spaces, no comma), which a limit on raw strings would let through.
 * Buys at most L + 1 units on the target.
 */
import { undecided } from '../access-verdict.ts';
import { errorCodeOf, isSuccess, toEvidence } from '../probe-client.ts';
import type { ShopAnswer } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';

const normaliseFix = {
  en: 'Count the per-address limit on a normalised address (Unicode NFKC, lower case, spaces and punctuation folded; ideally the postal code plus a normalised unit), not on the raw text.',
  ko: '배송지별 한도를 원문 그대로가 아니라 정규화한 주소(유니코드 NFKC, 소문자, 공백·문장부호 통일, 가능하면 우편번호와 동·호수)로 세십시오.',
};

function respell(address: string): string {
  return address.toUpperCase().replaceAll(',', '').replaceAll(' ', '  ');
}

export const bulkAddressProbe: ProbeDefinition = {
  id: 'bulk-address',
  severity: 'high',
  title: {
    en: 'Bulk buying: many accounts ordering to one delivery address',
    ko: '대량 구매: 여러 계정이 하나의 배송지로 주문',
  },
  fix: {
    en: 'Enforce a per-address limit at checkout over all accounts, on a normalised address, in the same atomic step that takes the stock; refuse with 409 address_limit.',
    ko: '결제 시 모든 계정을 합산한 배송지별 한도를 정규화한 주소 기준으로, 재고 차감과 같은 원자적 단계에서 적용하고 409 address_limit으로 거부하십시오.',
  },
  async run({ client, limits, userId, address }) {
    const limit = limits.perAddress;
    const shared = address('shared');
    const buyers = await Promise.all(
      Array.from({ length: limit + 2 }, (_, index) => client.admit(userId(`buyer-${index + 1}`))),
    );
    const checkout = (index: number, to: string): Promise<ShopAnswer> => {
      const buyer = buyers[index] as { session: string; token: string };
      const body = { quantity: 1, address: to };
      return client.call('POST', '/api/checkout', {
        session: buyer.session,
        token: buyer.token,
        body,
        sent: `account ${index + 1} of ${limit + 2} (own session and token), body ${JSON.stringify(body)}`,
      });
    };
    for (let index = 0; index < limit; index += 1) {
      const answer = await checkout(index, shared);
      if (isSuccess(answer)) continue;
      if (errorCodeOf(answer) === 'address_limit') {
        return {
          verdict: 'held',
          evidence: toEvidence(answer),
          observed: {
            en: `Order ${index + 1} to one address was already refused: the limit is lower than the ${limit} assumed.`,
            ko: `같은 배송지로의 ${index + 1}번째 주문이 이미 거부되었습니다: 한도가 가정한 ${limit}보다 낮습니다.`,
          },
        };
      }
      return undecided(answer);
    }
    const over = await checkout(limit, shared);
    if (isSuccess(over)) {
      return {
        verdict: 'bypassed',
        evidence: toEvidence(over),
        observed: {
          en: `${limit + 1} accounts bought ${limit + 1} units to one delivery address (limit ${limit}).`,
          ko: `계정 ${limit + 1}개가 하나의 배송지로 ${limit + 1}개를 구매했습니다(한도 ${limit}).`,
        },
      };
    }
    if (errorCodeOf(over) !== 'address_limit') return undecided(over);
    const respelt = await checkout(limit + 1, respell(shared));
    if (isSuccess(respelt)) {
      return {
        verdict: 'bypassed',
        evidence: toEvidence(respelt),
        fix: normaliseFix,
        observed: {
          en: `Order ${limit + 1} to the address was refused, but the same address spelt differently was accepted.`,
          ko: `같은 배송지로의 ${limit + 1}번째 주문은 거부되었지만, 표기만 바꾼 같은 주소로는 주문이 접수되었습니다.`,
        },
      };
    }
    if (errorCodeOf(respelt) !== 'address_limit') return undecided(respelt);
    return {
      verdict: 'held',
      evidence: toEvidence(over),
      observed: {
        en: `Order ${limit + 1} to one address was refused, also when the address was spelt differently.`,
        ko: `같은 배송지로의 ${limit + 1}번째 주문이 거부되었고, 주소 표기를 바꿔도 거부되었습니다.`,
      },
    };
  },
};
