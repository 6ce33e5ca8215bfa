/**
 * forged-token: an admitted session presents altered or forged versions of its own token
 * (see forge-token.ts), so only the signature check stands between it and the shop.
 */
import { reachedPastAdmission, refusedAdmission, undecided } from '../access-verdict.ts';
import { forgeTokens } from '../forge-token.ts';
import { toEvidence } from '../probe-client.ts';
import type { ShopAnswer } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';
import { ProbeSetupError } from '../probe-error.ts';

export const forgedTokenProbe: ProbeDefinition = {
  id: 'forged-token',
  severity: 'high',
  title: {
    en: 'Forged token: an altered or foreign-signed admission token',
    ko: '위조 토큰: 변조되거나 다른 키로 서명된 입장 토큰',
  },
  fix: {
    en: 'Sign admission tokens with HMAC-SHA256 under a server-side secret, verify the signature (constant-time) before reading any claim, then check expiry and ticket state; refuse anything else with 403.',
    ko: '입장 토큰을 서버 비밀키로 HMAC-SHA256 서명하고, 클레임을 읽기 전에 서명을 상수 시간 비교로 검증한 뒤 만료와 티켓 상태를 확인하십시오. 그 밖의 토큰은 403으로 거부하십시오.',
  },
  async run({ client, userId }) {
    const admitted = await client.admit(userId('forger'));
    const genuine = await client.call('GET', '/api/product', {
      session: admitted.session,
      token: admitted.token,
      sent: 'own session, own genuine admission token',
    });
    if (!reachedPastAdmission(genuine)) {
      throw new ProbeSetupError(
        {
          en: `The genuine token was refused (${genuine.status}), so forgeries prove nothing.`,
          ko: `정상 토큰이 거부되어(${genuine.status}) 위조 토큰을 판정할 수 없습니다.`,
        },
        toEvidence(genuine),
      );
    }
    const answers: ShopAnswer[] = [];
    for (const forged of forgeTokens(admitted.token)) {
      const answer = await client.call('GET', '/api/product', {
        session: admitted.session,
        token: forged.token,
        sent: `own session, ${forged.how}`,
      });
      answers.push(answer);
      if (reachedPastAdmission(answer)) {
        const control = await client.call('GET', '/api/product', {
          session: admitted.session,
          sent: 'own session, no admission token',
        });
        return {
          verdict: 'bypassed',
          evidence: toEvidence(answer),
          observed: reachedPastAdmission(control)
            ? {
                en: `A forged token (${forged.kind}) was accepted — the shop does not check tokens at all (see skip-queue).`,
                ko: `위조 토큰(${forged.kind})이 통과했습니다. 상점이 토큰을 전혀 확인하지 않습니다(skip-queue 참고).`,
              }
            : {
                en: `A forged token (${forged.kind}) was accepted: the signature is not verified.`,
                ko: `위조 토큰(${forged.kind})이 통과했습니다: 서명을 검증하지 않습니다.`,
              },
        };
      }
    }
    const odd = answers.find((answer) => !refusedAdmission(answer));
    if (odd) return undecided(odd);
    const first = answers[0];
    return {
      verdict: 'held',
      evidence: first ? toEvidence(first) : undefined,
      observed: {
        en: `All ${answers.length} forgeries (altered payload, foreign key, no signature) were refused.`,
        ko: `위조 토큰 ${answers.length}개(변조된 내용, 다른 키, 서명 없음)가 모두 거부되었습니다.`,
      },
    };
  },
};
