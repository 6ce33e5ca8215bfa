/**
 * skip-queue: a logged-in account that never joined the queue asks for the product and
 * checks out, with no admission token (the "abnormal access" of the 2021 audit).
 */
import { judgeAttempts, undecided, tryProductAndCheckout } from '../access-verdict.ts';
import { toEvidence } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';

export const skipQueueProbe: ProbeDefinition = {
  id: 'skip-queue',
  severity: 'high',
  title: {
    en: 'Skipping the queue: product and checkout without an admission token',
    ko: '대기열 건너뛰기: 입장 토큰 없이 상품 조회·결제',
  },
  fix: {
    en: 'Check a valid admission token on the server for every product, cart and checkout request (not only on the pages), and answer 403 without one.',
    ko: '상품·장바구니·결제 요청마다(화면뿐 아니라 API에서도) 서버가 유효한 입장 토큰을 확인하고, 토큰이 없으면 403으로 거부하십시오.',
  },
  async run({ client, userId, address }) {
    const session = await client.login(userId('no-queue'));
    const answers = await tryProductAndCheckout(
      client,
      session,
      undefined,
      address('no-queue'),
      'a valid session that never joined the queue, no admission token',
    );
    const { verdict, proof } = judgeAttempts(answers);
    const evidence = proof ? toEvidence(proof) : undefined;
    if (verdict === 'bypassed') {
      const bought = proof?.path === '/api/checkout' && proof.status === 200;
      return {
        verdict,
        evidence,
        observed: bought
          ? {
              en: 'An account that never queued bought a unit without an admission token.',
              ko: '대기열에 들어가지 않은 계정이 입장 토큰 없이 구매에 성공했습니다.',
            }
          : {
              en: 'An account that never queued got past the admission check without a token.',
              ko: '대기열에 들어가지 않은 계정이 토큰 없이 입장 확인을 통과했습니다.',
            },
      };
    }
    if (verdict === 'held') {
      return {
        verdict,
        evidence,
        observed: {
          en: 'Product and checkout without an admission token were both refused.',
          ko: '입장 토큰 없는 상품 조회와 결제가 모두 거부되었습니다.',
        },
      };
    }
    return undecided(proof);
  },
};
