/**
 * token-replay: the admission token issued to session A is used with session B of another
 * account that never queued (a token passed on, sold, or stolen).
 */
import { judgeAttempts, undecided, reachedPastAdmission, tryProductAndCheckout } from '../access-verdict.ts';
import { toEvidence } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';

export const tokenReplayProbe: ProbeDefinition = {
  id: 'token-replay',
  severity: 'high',
  title: {
    en: "Token replay: one session's admission token used by another session",
    ko: '토큰 재사용: 한 세션의 입장 토큰을 다른 세션이 사용',
  },
  fix: {
    en: 'Bind the admission token to the session and user it was issued to (put both in the signed claims) and refuse it with any other session (403).',
    ko: '입장 토큰을 발급받은 세션·사용자에 묶고(서명된 클레임에 포함) 다른 세션에서 쓰이면 403으로 거부하십시오.',
  },
  async run({ client, userId, address }) {
    const holder = await client.admit(userId('holder'));
    const other = await client.login(userId('other'));
    const answers = await tryProductAndCheckout(
      client,
      other,
      holder.token,
      address('other'),
      "session B (never queued) carrying session A's admission token",
    );
    const { verdict, proof } = judgeAttempts(answers);
    const evidence = proof ? toEvidence(proof) : undefined;
    if (verdict === 'bypassed') {
      const control = await client.call('GET', '/api/product', {
        session: other,
        sent: 'session B, no admission token',
      });
      const noTokenNeeded = reachedPastAdmission(control);
      return {
        verdict,
        evidence,
        observed: noTokenNeeded
          ? {
              en: "Session B got in with session A's token — the shop does not check tokens at all (see skip-queue).",
              ko: 'B 세션이 A 세션의 토큰으로 들어갔습니다. 상점이 토큰을 전혀 확인하지 않습니다(skip-queue 참고).',
            }
          : {
              en: "Session B, which never queued, got in with session A's admission token.",
              ko: '대기열에 들어가지 않은 B 세션이 A 세션의 입장 토큰으로 들어갔습니다.',
            },
      };
    }
    if (verdict === 'held') {
      return {
        verdict,
        evidence,
        observed: {
          en: "Session A's token was refused with session B.",
          ko: 'A 세션의 토큰이 B 세션에서 거부되었습니다.',
        },
      };
    }
    return undecided(proof);
  },
};
