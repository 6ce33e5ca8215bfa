/**
 * Judging access attempts: did a request get past the admission check? A 2xx did; so did a
 * 409 for stock or limits (the shop only checks those after admission). A 401/403 was
 * refused. Anything else (400, 404, 429, 5xx) decides nothing.
 */
import type { ProbeClient, ShopAnswer } from './probe-client.ts';
import { errorCodeOf, isSuccess, toEvidence } from './probe-client.ts';
import type { ProbeOutcome, ProbeVerdict } from './probe-types.ts';

const pastAdmissionCodes = new Set(['sold_out', 'person_limit', 'address_limit']);

export function reachedPastAdmission(answer: ShopAnswer): boolean {
  if (isSuccess(answer)) return true;
  return answer.status === 409 && pastAdmissionCodes.has(errorCodeOf(answer) ?? '');
}

export function refusedAdmission(answer: ShopAnswer): boolean {
  return answer.status === 401 || answer.status === 403;
}

/**
 * One verdict over several attempts: bypassed when any got past (the evidence is a
 * successful checkout when there is one, else the first that got past); held when all were
 * refused (the evidence is the last refusal); otherwise inconclusive (the odd answer).
 */
export function judgeAttempts(answers: readonly ShopAnswer[]): {
  verdict: ProbeVerdict;
  proof: ShopAnswer | undefined;
} {
  const past = answers.filter(reachedPastAdmission);
  if (past.length > 0) {
    const order = past.find((answer) => answer.path === '/api/checkout' && isSuccess(answer));
    return { verdict: 'bypassed', proof: order ?? past[0] };
  }
  const odd = answers.find((answer) => !refusedAdmission(answer));
  if (odd) return { verdict: 'inconclusive', proof: odd };
  return { verdict: 'held', proof: answers[answers.length - 1] };
}

/** Product, then checkout of one unit, with the given session and token (if any). */
export async function tryProductAndCheckout(
  client: ProbeClient,
  session: string,
  token: string | undefined,
  address: string,
  carrying: string,
): Promise<ShopAnswer[]> {
  const product = await client.call('GET', '/api/product', { session, token, sent: carrying });
  const body = { quantity: 1, address };
  const checkout = await client.call('POST', '/api/checkout', {
    session,
    token,
    body,
    sent: `${carrying}, body ${JSON.stringify(body)}`,
  });
  return [product, checkout];
}

/** The outcome for an answer that decides nothing. */
export function undecided(answer: ShopAnswer | undefined): ProbeOutcome {
  const status = answer?.status ?? 0;
  return {
    verdict: 'inconclusive',
    evidence: answer ? toEvidence(answer) : undefined,
    observed: {
      en: `An unexpected answer (${status}${answer && errorCodeOf(answer) ? ` ${errorCodeOf(answer)}` : ''}) decided nothing.`,
      ko: `예상하지 못한 응답(${status}${answer && errorCodeOf(answer) ? ` ${errorCodeOf(answer)}` : ''})으로 판정할 수 없습니다.`,
    },
  };
}
