/**
 * ticket-cap: one session joins the queue three times. A shop with the cap answers the same
 * ticket (a refresh keeps one's place) or 429; without it, every join is a new live ticket,
 * so a bot holds several places in line with one login.
 */
import { undecided } from '../access-verdict.ts';
import { isSuccess, toEvidence } from '../probe-client.ts';
import type { ShopAnswer } from '../probe-client.ts';
import type { ProbeDefinition } from '../probe-definition.ts';

const joins = 3;

export const ticketCapProbe: ProbeDefinition = {
  id: 'ticket-cap',
  severity: 'medium',
  title: {
    en: 'Ticket hoarding: one session holding several live queue tickets',
    ko: '대기표 독점: 한 세션이 여러 개의 유효한 대기표 보유',
  },
  fix: {
    en: 'Allow one live ticket per session and per user: joining again returns the existing ticket (a refresh keeps the place) or is refused with 429.',
    ko: '세션·사용자당 유효한 대기표를 하나만 허용하십시오: 다시 참가하면 기존 대기표를 돌려주거나(새로고침해도 순번 유지) 429로 거부하십시오.',
  },
  async run({ client, userId }) {
    const session = await client.login(userId('hoarder'));
    const answers: ShopAnswer[] = [];
    for (let join = 1; join <= joins; join += 1) {
      answers.push(await client.join(session, `the same session joining for time ${join} of ${joins}`));
    }
    const first = answers[0];
    if (!first || !isSuccess(first) || typeof first.body?.ticketId !== 'string') return undecided(first);
    const firstTicket = first.body.ticketId;
    const newTicket = answers
      .slice(1)
      .find(
        (answer) =>
          isSuccess(answer) && typeof answer.body?.ticketId === 'string' && answer.body.ticketId !== firstTicket,
      );
    if (newTicket) {
      const status = await client.call('GET', `/api/queue/status?ticket=${encodeURIComponent(firstTicket)}`, {
        session,
        sent: 'poll the first ticket with the same session',
      });
      if (isSuccess(status)) {
        const distinct = new Set(answers.filter(isSuccess).map((answer) => answer.body?.ticketId)).size;
        return {
          verdict: 'bypassed',
          evidence: toEvidence(newTicket),
          observed: {
            en: `One session got ${distinct} different tickets from ${joins} joins, and the first was still live.`,
            ko: `한 세션이 ${joins}번 참가해 서로 다른 대기표 ${distinct}개를 받았고, 첫 대기표도 여전히 유효했습니다.`,
          },
        };
      }
    }
    const odd = answers.slice(1).find((answer) => !isSuccess(answer) && answer.status !== 429);
    if (odd) return undecided(odd);
    const proof = answers[1] ?? first;
    return {
      verdict: 'held',
      evidence: toEvidence(proof),
      observed: {
        en: `${joins} joins with one session left one live ticket (later joins ${proof.status === 429 ? 'were refused' : 'returned the same ticket'}).`,
        ko: `한 세션으로 ${joins}번 참가해도 유효한 대기표는 하나였습니다(이후 참가는 ${proof.status === 429 ? '거부됨' : '같은 대기표를 돌려받음'}).`,
      },
    };
  },
};
